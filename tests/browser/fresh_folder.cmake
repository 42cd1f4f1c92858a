# Empties the folder DIR (creating it if need be): cmake -DDIR=... -P fresh_folder.cmake
file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}")

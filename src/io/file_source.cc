#include "io/file_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace scorecard {

std::optional<std::string> DiskFileSource::Read(const std::string& name, std::string* error) const {
  std::string path = dir_ + "/" + name;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot be read: ") + std::strerror(errno);
    return std::string();
  }
  // Read whole into a string of the file's size (not through a stream buffer, three copies of
  // a 16 MB values.csv); a file that grows meanwhile is read to its end.
  std::string text(static_cast<size_t>(st.st_size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in) {
    char more[65536];
    while (in.read(more, sizeof more) || in.gcount() > 0) {
      text.append(more, static_cast<size_t>(in.gcount()));
    }
  }
  if (in.bad()) {
    *error = std::string("cannot be read: ") + std::strerror(errno);
    return std::string();
  }
  return text;
}

std::vector<std::string> DiskFileSource::List(const std::string& folder) const {
  std::vector<std::string> out;
  std::error_code ec;
  std::string path = folder.empty() ? dir_ : dir_ + "/" + folder;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    std::string name = entry.path().filename().string();
    out.push_back(entry.is_directory(ec) ? name + "/" : name);
  }
  return out;
}

std::vector<std::string> MemoryFileSource::List(const std::string& folder) const {
  std::string prefix = folder.empty() ? "" : folder + "/";
  std::set<std::string> out;
  for (const auto& [name, text] : files) {
    if (!name.starts_with(prefix) || name.size() == prefix.size()) continue;
    std::string rest = name.substr(prefix.size());
    size_t slash = rest.find('/');
    out.insert(slash == std::string::npos ? rest : rest.substr(0, slash + 1));
  }
  return {out.begin(), out.end()};
}

std::optional<std::string> MemoryFileSource::Read(const std::string& name, std::string*) const {
  auto it = files.find(name);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

}  // namespace scorecard

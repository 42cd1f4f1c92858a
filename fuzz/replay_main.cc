// Replays a fuzz target's corpus without libFuzzer: linked with one fuzz_NAME.cc, it feeds
// LLVMFuzzerTestOneInput every file named on the command line and every file under each folder
// named, recursively, in name order. A target that crashes, or fails one of its checks (which
// abort), fails the replay; so does finding no input at all, lest a wrong path pass.
//
//   fuzz_csv_replay fuzz/corpus/csv

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

// The regular files at `path`: itself, or those under it. Appends what fails to `errors`.
std::vector<fs::path> Inputs(const fs::path& path, std::vector<std::string>* errors) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) return {path};
  if (!fs::is_directory(path, error)) {
    errors->push_back(path.string() + ": not a file or a folder");
    return {};
  }
  std::vector<fs::path> out;
  for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error)) out.push_back(it->path());
  }
  if (error) errors->push_back(path.string() + ": " + error.message());
  std::ranges::sort(out);
  return out;
}

bool ReadFile(const fs::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad() && in.is_open();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_FOLDER...\n", argv[0]);
    return 2;
  }
  std::vector<std::string> errors;
  size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (const fs::path& input : Inputs(argv[i], &errors)) {
      std::string bytes;
      if (!ReadFile(input, &bytes)) {
        errors.push_back(input.string() + ": cannot be read");
        continue;
      }
      // Said first, so that the last line before a crash names the input that caused it.
      std::fprintf(stderr, "replaying %s (%zu bytes)\n", input.c_str(), bytes.size());
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  for (const std::string& e : errors) std::fprintf(stderr, "replay: %s\n", e.c_str());
  if (replayed == 0) std::fprintf(stderr, "replay: no inputs\n");
  if (!errors.empty() || replayed == 0) return 1;
  std::printf("replay: %zu inputs, no crash and no failed check\n", replayed);
  return 0;
}

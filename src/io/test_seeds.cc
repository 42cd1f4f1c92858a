#include "io/test_seeds.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace scorecard {
namespace {

std::filesystem::path SeedsDir() {
  const char* root = std::getenv("SCORECARD_SOURCE_DIR");
  return std::filesystem::path(root ? root : ".") / "data" / "seeds";
}

}  // namespace

std::string SeedDir(std::string_view slug) { return (SeedsDir() / slug).string(); }

std::vector<std::string> SeedSlugs() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SeedsDir())) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

MemoryFileSource SeedFiles(std::string_view slug) {
  MemoryFileSource files;
  const std::filesystem::path dir = SeedDir(slug);
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    std::string name = std::filesystem::relative(e.path(), dir).generic_string();
    if (e.is_directory()) {
      files.files[name + "/"] = "";
      continue;
    }
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.files[name] = text.str();
  }
  return files;
}

}  // namespace scorecard

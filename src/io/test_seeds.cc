#include "io/test_seeds.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

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

}  // namespace scorecard

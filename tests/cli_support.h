#pragma once
// Running the real scorecard binary from a test, in folders of its own.

#include <filesystem>
#include <string>

namespace scorecard {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs `scorecard ARGS` (ARGS as a shell would split them) and waits for it.
CliResult Scorecard(const std::string& args);
// The same, run from the folder `dir`.
CliResult ScorecardIn(const std::string& dir, const std::string& args);
// The same, with stdout and stderr apart.
struct SplitResult {
  int exit_code = -1;
  std::string out, err;
};
SplitResult ScorecardSplit(const std::string& args);

// A new temporary folder, removed with everything in it when this is destroyed.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // Writes `text` to NAME inside the folder (NAME may name a subfolder, which is made).
  void Write(const std::string& name, const std::string& text) const;
  std::string Read(const std::string& name) const;
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Copies a seed folder's interchange files (not what the council published) to `dir`.
void CopySeed(const std::string& slug, const std::string& dir);

}  // namespace scorecard

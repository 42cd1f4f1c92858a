#include "cli_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "io/test_seeds.h"

namespace scorecard {
namespace {

std::string ReadAll(FILE* p) {
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
  return out;
}

int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

CliResult Scorecard(const std::string& args) { return ScorecardIn("", args); }

CliResult ScorecardIn(const std::string& dir, const std::string& args) {
  std::string command =
      (dir.empty() ? "" : "cd '" + dir + "' && ") + SCORECARD_BINARY + " " + args + " 2>&1";
  CliResult r;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return r;
  r.out = ReadAll(p);
  r.exit_code = ExitCode(pclose(p));
  return r;
}

SplitResult ScorecardSplit(const std::string& args) {
  TempFolder scratch;
  std::string err = scratch.path() + "/stderr";
  std::string command = std::string(SCORECARD_BINARY) + " " + args + " 2>" + err;
  SplitResult r;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return r;
  r.out = ReadAll(p);
  r.exit_code = ExitCode(pclose(p));
  r.err = scratch.Read("stderr");
  return r;
}

TempFolder::TempFolder() {
  static int counter = 0;
  path_ = std::filesystem::temp_directory_path() /
          ("scorecard-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempFolder::~TempFolder() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void TempFolder::Write(const std::string& name, const std::string& text) const {
  std::filesystem::path p = path_ / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string TempFolder::Read(const std::string& name) const {
  std::ifstream in(path_ / name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void CopySeed(const std::string& slug, const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& e : std::filesystem::directory_iterator(SeedDir(slug))) {
    std::string name = e.path().filename().string();
    if (name == "expected.csv" || name == "expected_counts.csv" ||
        name == "known_differences.csv") {
      continue;
    }
    // Folders too: a seed's report layouts are in reports/.
    std::filesystem::copy(e.path(), std::filesystem::path(dir) / name,
                          std::filesystem::copy_options::overwrite_existing |
                              std::filesystem::copy_options::recursive);
  }
}

}  // namespace scorecard

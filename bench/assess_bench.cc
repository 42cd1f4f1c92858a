// Times `scorecard assess DIR --period P --format csv` (the release build's binary) against DuckDB
// computing the same statuses and directions of travel from the same three CSV files and writing
// CSV (bench/duckdb/assess.mjs under node), on a synthetic council of 20,000 measures x 20
// quarters. Each side is a whole process, start-up included: wall time from fork to exit and
// peak resident memory from wait4(). Every run's output is checked row by row against the
// other's; any difference stops the benchmark. Medians of several runs, the two interleaved.

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "io/csv.h"
#include "synthetic_folder.h"
#include "temp_dir.h"

namespace scorecard::bench {
namespace {

constexpr int kMeasures = 20'000;
constexpr int kQuarters = 20;  // 2012/13 Q1 to 2016/17 Q4
constexpr uint64_t kSeed = 2012;
constexpr int kTimedPeriod = kQuarters - 1;    // the year end: every annual target applies
constexpr int kMidYearPeriod = kQuarters - 3;  // Q2: only percentages meet their annual target

struct Settings {
  int runs = 5;
  std::string folder;  // --write-folder=DIR: only write the synthetic folder there
};

using Clock = std::chrono::steady_clock;

// One whole process: wall time and peak resident memory.
struct Sample {
  double seconds = 0;
  double mib = 0;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `argv` with stdout and stderr sent to files; throws, with its stderr, unless it exits 0.
// fork() rather than posix_spawn(): a vfork-style child would count this process's peak memory
// as its own, since exec records the outgoing address space's high-water mark.
Sample Run(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::fflush(stdout);
  Clock::time_point start = Clock::now();
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0) _exit(126);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
  Sample s{std::chrono::duration<double>(Clock::now() - start).count(),
           static_cast<double>(usage.ru_maxrss) / 1024};  // KiB on Linux
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(
        fmt::format("{} failed (status {}):\n{}", argv[0], status, ReadFile(err)));
  }
  return s;
}

// What each side says of one measure.
struct Outcome {
  std::string period, status, dot;
};
using Outcomes = std::map<std::string, Outcome>;  // by ref

Outcomes ReadOutcomes(const std::string& path) {
  Issues issues;
  CsvTable table = ParseCsv(ReadFile(path), path, &issues);
  if (!issues.empty()) throw std::runtime_error(issues.front().ToString());
  auto column = [&](std::string_view name) {
    auto it = std::ranges::find(table.header, name);
    if (it == table.header.end()) throw std::runtime_error(fmt::format("{}: no {}", path, name));
    return static_cast<size_t>(it - table.header.begin());
  };
  size_t ref = column("ref"), period = column("period"), status = column("status"),
         dot = column("dot");
  Outcomes outcomes;
  for (const CsvRow& row : table.rows) {
    auto field = [&](size_t column) { return std::string(table.Field(row, column)); };
    Outcome o{field(period), field(status), field(dot)};
    if (!outcomes.emplace(field(ref), o).second) {
      throw std::runtime_error(fmt::format("{}:{}: {} twice", path, row.line, field(ref)));
    }
  }
  return outcomes;
}

// Throws, listing the first differences, unless both sides give every measure the same period,
// status and direction of travel.
void ExpectSame(const Outcomes& scorecard, const Outcomes& duckdb, const std::string& period) {
  std::vector<std::string> differences;
  auto differ = [&](std::string_view ref, const Outcome* s, const Outcome* d) {
    auto show = [](const Outcome* o) {
      return o ? fmt::format("{} {} {}", o->period, o->status, o->dot) : std::string("missing");
    };
    differences.push_back(fmt::format("  {}: scorecard {}; duckdb {}", ref, show(s), show(d)));
  };
  for (const auto& [ref, s] : scorecard) {
    auto d = duckdb.find(ref);
    if (d == duckdb.end()) {
      differ(ref, &s, nullptr);
    } else if (s.period != d->second.period || s.status != d->second.status ||
               s.dot != d->second.dot) {
      differ(ref, &s, &d->second);
    }
  }
  for (const auto& [ref, d] : duckdb) {
    if (!scorecard.contains(ref)) differ(ref, nullptr, &d);
  }
  if (scorecard.size() != static_cast<size_t>(kMeasures)) {
    differences.push_back(
        fmt::format("  scorecard has {} rows, not {}", scorecard.size(), kMeasures));
  }
  if (differences.empty()) return;
  std::string first;
  for (size_t i = 0; i < std::min<size_t>(differences.size(), 20); ++i) {
    first += differences[i] + "\n";
  }
  throw std::runtime_error(fmt::format("MISMATCH at {}: {} of {} measures differ; the first:\n{}",
                                       period, differences.size(), scorecard.size(), first));
}

// Shows which statuses and directions the period exercises.
void PrintSpread(const std::string& period, const Outcomes& outcomes) {
  std::map<std::string, int> status, dot;
  for (const auto& [ref, o] : outcomes) ++status[o.status], ++dot[o.dot];
  fmt::print("spread at {}:", period);
  for (const auto& [key, n] : status) fmt::print(" {} {},", key, n);
  for (const auto& [key, n] : dot) fmt::print(" {} {}", key, n);
  fmt::print("\n");
}

class Sides {
 public:
  Sides(std::string folder, std::string work)
      : folder_(std::move(folder)), work_(std::move(work)) {}

  // Runs both sides at `period`, checks they agree and returns their samples.
  std::pair<Sample, Sample> RunBoth(const std::string& period, Outcomes* scorecard_outcomes) {
    const std::string s_out = work_ + "/scorecard.csv", d_out = work_ + "/duckdb.csv",
                      err = work_ + "/stderr.txt";
    Sample s = Run({SCORECARD_BINARY, "assess", folder_, "--period", period, "--format", "csv"},
                   s_out, err);
    Sample d =
        Run({"node", SCORECARD_DUCKDB_DIR "/assess.mjs", folder_, period, d_out}, "/dev/null", err);
    Outcomes scorecard = ReadOutcomes(s_out);
    ExpectSame(scorecard, ReadOutcomes(d_out), period);
    if (scorecard_outcomes) *scorecard_outcomes = std::move(scorecard);
    return {s, d};
  }

 private:
  std::string folder_, work_;
};

double Median(std::vector<double> xs) {
  std::ranges::sort(xs);
  return xs[xs.size() / 2];
}

// "scorecard: 5 runs, seconds: ..., median S; MiB: ..., median M"; returns the medians.
Sample PrintRuns(std::string_view name, const std::vector<Sample>& samples) {
  std::vector<double> seconds, mib;
  for (const Sample& s : samples) seconds.push_back(s.seconds), mib.push_back(s.mib);
  fmt::print("{}: {} runs, seconds:", name, samples.size());
  for (double x : seconds) fmt::print(" {:.3f}", x);
  fmt::print(", median {:.3f}; peak MiB:", Median(seconds));
  for (double x : mib) fmt::print(" {:.0f}", x);
  fmt::print(", median {:.0f}\n", Median(mib));
  return {Median(seconds), Median(mib)};
}

void RequireSetup() {
  if (std::string_view(SCORECARD_BUILD_TYPE) != "Release") {
    throw std::runtime_error(
        fmt::format("built as {}: the scorecard side must be the release build (make bench)",
                    SCORECARD_BUILD_TYPE));
  }
  if (!std::filesystem::exists(SCORECARD_DUCKDB_DIR "/node_modules/@duckdb/node-api")) {
    throw std::runtime_error("DuckDB is not installed: run `npm ci` in " SCORECARD_DUCKDB_DIR
                             " (make bench does)");
  }
}

int RunBench(const Settings& settings) {
  if (!settings.folder.empty()) {
    std::filesystem::create_directories(settings.folder);
    FolderCounts counts = WriteSyntheticFolder(settings.folder, kMeasures, kQuarters, kSeed);
    fmt::print("wrote {} values to {}\n", counts.values, settings.folder);
    return 0;
  }
  RequireSetup();
  TempDir work("scorecard-assess-bench");
  const std::string folder = work.path() + "/council";
  std::filesystem::create_directory(folder);
  FolderCounts counts = WriteSyntheticFolder(folder, kMeasures, kQuarters, kSeed);
  const std::string timed = QuarterLabel(kTimedPeriod), mid_year = QuarterLabel(kMidYearPeriod);
  fmt::print(
      "folder: {} measures, {} targets, {} values, seed {}; assess --period \"{}\" --format csv; "
      "{} cores\n",
      counts.measures, counts.targets, counts.values, kSeed, timed,
      std::thread::hardware_concurrency());

  Sides sides(folder, work.path());
  Outcomes outcomes;
  sides.RunBoth(mid_year, &outcomes);
  PrintSpread(mid_year, outcomes);
  sides.RunBoth(timed, &outcomes);  // also warms the caches: not timed
  PrintSpread(timed, outcomes);
  std::vector<Sample> scorecard, duckdb;
  for (int i = 0; i < settings.runs; ++i) {
    auto [s, d] = sides.RunBoth(timed, nullptr);
    scorecard.push_back(s);
    duckdb.push_back(d);
  }
  fmt::print(
      "check: scorecard and duckdb agree on the status and direction of travel of all {} "
      "measures at {} and in each of {} runs at {}\n",
      kMeasures, mid_year, settings.runs + 1, timed);
  Sample s = PrintRuns("scorecard", scorecard);
  Sample d = PrintRuns("duckdb", duckdb);
  fmt::print(
      "assess-vs-duckdb: scorecard {:.2f} s {:.0f} MiB, duckdb {:.2f} s {:.0f} MiB, ratio {:.2f}\n",
      s.seconds, s.mib, d.seconds, d.mib, s.seconds / d.seconds);
  return 0;
}

}  // namespace
}  // namespace scorecard::bench

int main(int argc, char** argv) {
  scorecard::bench::Settings settings;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--runs=")) {
      settings.runs = std::max(1, std::atoi(argv[i] + 7));
    } else if (arg.starts_with("--write-folder=")) {
      settings.folder = arg.substr(15);
    } else {
      fmt::print(stderr, "usage: assess_bench [--runs=N] [--write-folder=DIR]\n");
      return 2;
    }
  }
  try {
    return scorecard::bench::RunBench(settings);
  } catch (const std::exception& e) {
    fmt::print(stderr, "assess_bench: {}\n", e.what());
    return 1;
  }
}

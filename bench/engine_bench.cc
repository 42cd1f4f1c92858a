// Times the engine's batch assessment against the same assessment as one SQLite query, on the
// same synthetic council, checks that both agree cell by cell, and prints the rates. Single
// threaded throughout; medians of several runs.

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <optional>
#include <vector>

#include "batch.h"
#include "domain/direction.h"
#include "domain/status_scheme.h"
#include "sqlite_assessment.h"
#include "synthetic_council.h"

namespace scorecard::bench {
namespace {

constexpr int kMeasures = 100'000;
constexpr int kQuarters = 40;
constexpr uint64_t kSeed = 2012;
constexpr int kEngineRuns = 7;
constexpr int kSqliteRuns = 3;

// Band and direction per measure-period, measure by measure.
struct Outcome {
  explicit Outcome(size_t cells) : band(cells), dot(cells) {}
  std::vector<uint8_t> band;
  std::vector<Direction> dot;
};

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `run` `runs` times, prints each wall time and returns the median, in seconds.
template <typename Run>
double MedianSeconds(const char* name, int runs, Run run) {
  std::vector<double> seconds;
  for (int i = 0; i < runs; ++i) {
    Clock::time_point start = Clock::now();
    run();
    seconds.push_back(SecondsSince(start));
  }
  fmt::print("{}: {} runs, seconds:", name, runs);
  for (double s : seconds) fmt::print(" {:.3f}", s);
  std::ranges::sort(seconds);
  fmt::print(", median {:.3f}\n", seconds[runs / 2]);
  return seconds[runs / 2];
}

void AssessWithEngine(const SyntheticCouncil& council, const StatusScheme& scheme, Outcome& out) {
  for (int m = 0; m < council.measures; ++m) {
    size_t first = council.Index(m, 0);
    AssessSeries(scheme, council.Series(m), std::span(out.band).subspan(first, council.periods),
                 std::span(out.dot).subspan(first, council.periods));
  }
}

std::optional<size_t> FirstMismatch(const Outcome& engine, const Outcome& sql) {
  for (size_t i = 0; i < engine.band.size(); ++i) {
    if (engine.band[i] != sql.band[i] || engine.dot[i] != sql.dot[i]) return i;
  }
  return std::nullopt;
}

void PrintMismatch(const SyntheticCouncil& council, const Outcome& engine, const Outcome& sql,
                   size_t i) {
  int measure = static_cast<int>(i / council.periods);
  int period = static_cast<int>(i % council.periods);
  double previous = period == 0 ? NAN : council.values[i - 1];
  fmt::print(stderr,
             "MISMATCH at measure {} quarter {} (polarity {}, value {}, previous {}, target {}):\n"
             "  engine band {} dot {}; sqlite band {} dot {}\n",
             measure, period, static_cast<int>(council.polarity[measure]), council.values[i],
             previous, council.targets[i], engine.band[i], ToString(engine.dot[i]), sql.band[i],
             ToString(sql.dot[i]));
}

// Shows that the council earns every band and every direction.
void PrintSpread(const StatusScheme& scheme, const Outcome& outcome) {
  fmt::print("spread:");
  for (size_t b = 0; b < scheme.bands.size(); ++b) {
    fmt::print(" {} {},", scheme.bands[b].status.key, std::ranges::count(outcome.band, b));
  }
  fmt::print(" none {};", std::ranges::count(outcome.band, kNoBand));
  for (Direction d :
       {Direction::kImproved, Direction::kStable, Direction::kWorse, Direction::kNotApplicable}) {
    fmt::print(" {} {}", ToString(d), std::ranges::count(outcome.dot, d));
  }
  fmt::print("\n");
}

int RunBench() {
  const StatusScheme& scheme = *BuiltInScheme("derby-2012");
  Clock::time_point start = Clock::now();
  SyntheticCouncil council = MakeSyntheticCouncil(kMeasures, kQuarters, kSeed);
  const double cells = static_cast<double>(council.cells());
  fmt::print("council: {} measures x {} quarters = {} measure-periods, seed {} ({:.1f} s)\n",
             kMeasures, kQuarters, council.cells(), kSeed, SecondsSince(start));

  Outcome engine(council.cells());
  double engine_seconds =
      MedianSeconds("engine", kEngineRuns, [&] { AssessWithEngine(council, scheme, engine); });

  start = Clock::now();
  SqliteAssessment baseline(council, scheme);
  fmt::print("sqlite: loaded into :memory: with a covering index ({:.1f} s, not timed)\n",
             SecondsSince(start));
  Outcome sql(council.cells());
  double sqlite_seconds =
      MedianSeconds("sqlite", kSqliteRuns, [&] { baseline.Run(sql.band, sql.dot); });

  if (std::optional<size_t> i = FirstMismatch(engine, sql)) {
    PrintMismatch(council, engine, sql, *i);
    return 1;
  }
  fmt::print("check: engine and sqlite agree on all {} bands and directions\n", council.cells());
  PrintSpread(scheme, engine);

  double engine_rate = cells / engine_seconds;
  double sqlite_rate = cells / sqlite_seconds;
  fmt::print("engine-vs-sqlite: engine {:.0f}/s, sqlite {:.0f}/s, ratio {:.1f}\n", engine_rate,
             sqlite_rate, engine_rate / sqlite_rate);
  return 0;
}

}  // namespace
}  // namespace scorecard::bench

int main() {
  try {
    return scorecard::bench::RunBench();
  } catch (const std::exception& e) {
    fmt::print(stderr, "engine_bench: {}\n", e.what());
    return 1;
  }
}

// Times single value edits (the EnterValue use case, as the web will call it) on a synthetic
// council of 1,000 measures with ten years of quarterly values (40,000 values), imported first
// into a fresh SQLite file and a fresh PostgreSQL database. Each edit is timed whole: finding
// the organisation, reading the measure, the configuration and the value, checking, writing the
// new version and its change, committing. Half the edits correct the latest quarter's figure of
// a measure (a new version), half enter the next quarter's (a new row). Prints the median and
// the 90th percentile of each kind, then one line with the medians of all edits. PostgreSQL is
// skipped, with a note, unless SCORECARD_TEST_PG_URL names a server (scripts/with-postgres.sh,
// as `make bench` runs it).

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/enter_value.h"
#include "app/import_council.h"
#include "app/system_clock.h"
#include "io/folder.h"
#include "store/open_store.h"
#include "synthetic_folder.h"
#include "temp_dir.h"

namespace scorecard::bench {
namespace {

constexpr int kMeasures = 1'000;
constexpr int kQuarters = 40;  // 2012/13 Q1 to 2021/22 Q4
constexpr uint64_t kSeed = 2012;
constexpr const char* kOrg = "synthetic";
const std::string kLatest = QuarterLabel(kQuarters - 1);  // 2021/22 Q4
const std::string kNext = QuarterLabel(kQuarters);        // 2022/23 Q1

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <typename T>
T Check(StoreResult<T> r, std::string_view what) {
  if (!r) throw std::runtime_error(fmt::format("{}: {}", what, r.error().message));
  return std::move(*r);
}

std::string Ref(int measure) { return fmt::format("PI {:05}", measure + 1); }

// Milliseconds of each edit, by kind.
struct Timings {
  std::vector<double> corrections, additions;
  double cpu_ms = 0;  // processor time of all the edits (the rest is waiting, mostly for the disk)

  std::vector<double> all() const {
    std::vector<double> out = corrections;
    out.insert(out.end(), additions.begin(), additions.end());
    return out;
  }
};

double Percentile(std::vector<double> ms, double p) {
  std::ranges::sort(ms);
  return ms[static_cast<size_t>(p * static_cast<double>(ms.size() - 1))];
}

void Import(Store& store, const std::string& folder) {
  DiskFileSource files(folder);
  Clock::time_point start = Clock::now();
  auto report = ImportCouncil(store, FolderTableSource(files),
                              {kOrg, {"bench", "edit benchmark", "import"}, false, false, {}});
  if (!report) throw std::runtime_error("import: " + report.error().issues.front().ToString());
  fmt::print("  imported in {:.2f} s (not timed below)\n", MillisecondsSince(start) / 1000);
}

// One edit, timed; it must succeed and write a new version.
double TimedEdit(Store& store, int measure, const std::string& period, int base, int* version) {
  ValueEntry e;
  e.basis = {kOrg, base, {"officer@synthetic.gov.uk", "edit benchmark", ""}};
  e.ref = Ref(measure);
  e.period = period;
  e.value = fmt::format("{}.5", 10 + measure % 80);  // within a % measure's 0-100
  e.note = "Entered on the web";
  Clock::time_point start = Clock::now();
  auto saved = EnterValue(store, e);
  double ms = MillisecondsSince(start);
  if (!saved) {
    throw std::runtime_error(
        fmt::format("edit of {} {}: {}", e.ref, period, saved.error().issues.front().ToString()));
  }
  if (saved->change == 0) throw std::runtime_error("an edit wrote nothing");
  *version = saved->version;
  return ms;
}

// Imports the council into `url`'s empty database, then edits: a correction of each measure's
// latest quarter, then its next quarter's value, measure by measure.
Timings EditAll(const std::string& url, const std::string& folder) {
  SystemClock clock;
  auto store = Check(OpenStore(url, clock), "open");
  Import(*store, folder);
  Timings t;
  std::clock_t cpu = std::clock();
  for (int m = 0; m < kMeasures; ++m) {
    int version = 0;
    t.corrections.push_back(TimedEdit(*store, m, kLatest, 1, &version));
    if (version != 2) throw std::runtime_error("a correction did not make version 2");
    t.additions.push_back(TimedEdit(*store, m, kNext, 0, &version));
    if (version != 1) throw std::runtime_error("a new value did not make version 1");
  }
  t.cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
  return t;
}

void PrintDetail(std::string_view backend, const Timings& t) {
  fmt::print(
      "  {}: corrections median {:.2f} ms (90th percentile {:.2f}), new quarter median {:.2f} "
      "ms (90th percentile {:.2f}); processor {:.2f} ms an edit\n",
      backend, Percentile(t.corrections, 0.5), Percentile(t.corrections, 0.9),
      Percentile(t.additions, 0.5), Percentile(t.additions, 0.9),
      t.cpu_ms / static_cast<double>(t.corrections.size() + t.additions.size()));
}

// The server's URL with its database name replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database) {
  size_t scheme = url.find("://");
  size_t query = url.find('?');
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  size_t start = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (start == std::string::npos || start > query)
    return url.substr(0, query) + "/" + database + rest;
  return url.substr(0, start) + "/" + database + rest;
}

std::optional<Timings> BenchPostgres(const std::string& folder) {
  const char* server_url = std::getenv("SCORECARD_TEST_PG_URL");
  if (!server_url || !*server_url) {
    fmt::print(
        "  postgres: skipped: SCORECARD_TEST_PG_URL is not set (run through "
        "scripts/with-postgres.sh, as `make bench` does)\n");
    return std::nullopt;
  }
  auto server = Check(OpenDatabase(server_url), "connect");
  const std::string name = "scorecard_edit_bench";
  auto drop = [&] {
    (void)server->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
  };
  drop();
  if (auto r = server->Exec(fmt::format("CREATE DATABASE {}", name)); !r) {
    throw std::runtime_error("create database: " + r.error().message);
  }
  try {
    Timings t = EditAll(WithDatabase(server_url, name), folder);
    drop();
    return t;
  } catch (...) {
    drop();
    throw;
  }
}

int RunBench() {
  TempDir work("scorecard-edit-bench");
  const std::string folder = work.path() + "/council";
  std::filesystem::create_directory(folder);
  FolderCounts counts = WriteSyntheticFolder(folder, kMeasures, kQuarters, kSeed);
  fmt::print("edit bench: a council of {} measures, {} targets, {} values, seed {}\n",
             counts.measures, counts.targets, counts.values, kSeed);
  Timings sqlite = EditAll("sqlite:" + work.path() + "/scorecard.db", folder);
  PrintDetail("sqlite", sqlite);
  std::optional<Timings> postgres = BenchPostgres(folder);
  if (postgres) PrintDetail("postgres", *postgres);
  std::vector<double> all = sqlite.all();
  fmt::print(
      "single-edit: median {:.2f} ms over {} edits on a 1,000-measure council (sqlite), {}\n",
      Percentile(all, 0.5), all.size(),
      postgres ? fmt::format("{:.2f} ms (postgresql)", Percentile(postgres->all(), 0.5))
               : std::string("postgresql skipped"));
  return 0;
}

}  // namespace
}  // namespace scorecard::bench

int main() {
  try {
    return scorecard::bench::RunBench();
  } catch (const std::exception& e) {
    fmt::print(stderr, "edit_bench: {}\n", e.what());
    return 1;
  }
}

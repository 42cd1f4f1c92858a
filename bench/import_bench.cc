// Times `scorecard import` of a synthetic council with 1,000,000 values (the same ImportCouncil
// call, in process: reading, checking, history) into a fresh SQLite file and a fresh PostgreSQL
// database, beside the same values loaded by the sqlite3 shell's .import and by psql's \copy
// (each a whole command, process start included): into a bare table of values.csv's columns as
// TEXT, and as the store's own rows into the store's own "values" table, made by its migrations,
// with its primary key and indexes. Medians of several runs, each on a fresh database.
// PostgreSQL is skipped, with a note, unless SCORECARD_TEST_PG_URL names a server
// (scripts/with-postgres.sh, as `make bench` runs it).

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/import_council.h"
#include "app/system_clock.h"
#include "io/csv.h"
#include "io/folder.h"
#include "store/migrations.h"
#include "store/open_store.h"
#include "synthetic_folder.h"
#include "temp_dir.h"

namespace scorecard::bench {
namespace {

constexpr int kMeasures = 25'000;
constexpr int kQuarters = 40;  // 1,000,000 values
constexpr uint64_t kSeed = 2012;
constexpr const char* kOrg = "synthetic";

// What to run: `make bench` runs everything; the options are for profiling one part.
struct Settings {
  int runs = 3;
  bool bare = true;      // --scorecard-only: no bare or indexed loads
  bool postgres = true;  // --sqlite-only
  std::string folder;    // --write-folder=DIR: only write the synthetic folder there
};

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `run` (which times its own part and returns the seconds) `runs` times, prints each time
// and returns the median.
double MedianSeconds(const std::string& name, int runs, const std::function<double()>& run) {
  std::vector<double> seconds;
  fmt::print("{}: {} runs, seconds:", name, runs);
  std::fflush(stdout);
  for (int i = 0; i < runs; ++i) {
    seconds.push_back(run());
    fmt::print(" {:.3f}", seconds.back());
    std::fflush(stdout);
  }
  std::ranges::sort(seconds);
  fmt::print(", median {:.3f}\n", seconds[runs / 2]);
  return seconds[runs / 2];
}

std::string ShellQuoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command, timing it whole.
double TimeCommand(const std::string& command) {
  Clock::time_point start = Clock::now();
  int status = std::system(command.c_str());
  double seconds = SecondsSince(start);
  if (status != 0) throw std::runtime_error(fmt::format("failed ({}): {}", status, command));
  return seconds;
}

template <typename T>
T Check(StoreResult<T> r, std::string_view what) {
  if (!r) throw std::runtime_error(fmt::format("{}: {}", what, r.error().message));
  return std::move(*r);
}

void Check(StoreResult<void> r, std::string_view what) {
  if (!r) throw std::runtime_error(fmt::format("{}: {}", what, r.error().message));
}

int64_t CountRows(Database& db, std::string_view table) {
  auto rows = Check(db.Query(fmt::format("SELECT count(*) FROM {}", table)), "count");
  return std::stoll(rows.at(0).at(0).value_or("0"));
}

void ExpectRows(int64_t found, size_t expected, std::string_view what) {
  if (found != static_cast<int64_t>(expected)) {
    throw std::runtime_error(fmt::format("{}: {} rows, expected {}", what, found, expected));
  }
}

void RemoveSqliteFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix);
}

// Where an import's time went: seconds from its start to the end of each stage.
struct Stages {
  double checked = 0;  // read and checked every table
  double planned = 0;  // compared with the stored rows (till the first rows were written)
  double written = 0;  // every row written
  double done = 0;     // committed, and ImportCouncil has returned
  double cpu = 0;      // processor seconds of the whole import (others share the machine)

  std::string ToString() const {
    return fmt::format("checked {:.2f}, planned ~{:.2f}, written {:.2f}, done {:.2f} (cpu {:.2f})",
                       checked, planned, written, done, cpu);
  }
};

// The whole ImportCouncil call into a migrated, empty store.
double TimeImport(Store& store, const std::string& folder, const FolderCounts& counts,
                  std::vector<Stages>* stages) {
  DiskFileSource files(folder);
  FolderTableSource source(files);
  Stages s;
  Clock::time_point start = Clock::now();
  auto progress = [&](std::string_view stage, size_t done, size_t total) {
    if (stage == "checking" && done == total) s.checked = SecondsSince(start);
    if (stage == "writing" && s.planned == 0) s.planned = SecondsSince(start);
    if (stage == "writing" && done == total) s.written = SecondsSince(start);
  };
  ImportOptions options{
      kOrg, {"bench", "import benchmark", "import " + folder}, false, false, progress};
  start = Clock::now();
  std::clock_t cpu = std::clock();
  auto report = ImportCouncil(store, source, options);
  s.done = SecondsSince(start);
  s.cpu = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
  if (!report) {
    throw std::runtime_error(fmt::format("import: {} issues, the first: {}",
                                         report.error().issues.size(),
                                         report.error().issues.front().ToString()));
  }
  for (const TableCounts& t : report->tables) {
    if (t.table == "values") ExpectRows(t.added, counts.values, "values added");
  }
  stages->push_back(s);
  return s.done;
}

void PrintStages(const std::vector<Stages>& stages) {
  for (size_t i = 0; i < stages.size(); ++i) {
    fmt::print("  run {}: seconds to {}\n", i + 1, stages[i].ToString());
  }
}

// The columns of values.csv's header, as a bare table's.
std::string BareTable(const std::string& values) {
  std::ifstream in(values);
  std::string header, columns;
  std::getline(in, header);
  size_t start = 0;
  while (start <= header.size()) {
    size_t comma = std::min(header.find(',', start), header.size());
    columns += fmt::format("{}\"{}\" TEXT", columns.empty() ? "" : ", ",
                           header.substr(start, comma - start));
    start = comma + 1;
  }
  return fmt::format("CREATE TABLE bare ({})", columns);
}

// values.csv as the rows the store writes to its "values" table: organisation 1, the store's row
// key, version 1, seq, change 1, no to_change, then the table's columns in its order. Empty texts
// are quoted, which psql reads as '' (the columns are NOT NULL), and the empty to_change is not,
// which psql reads as NULL. The sqlite3 shell has no NULL: to_change is '' there, so its rows go
// to the "ended" partial index rather than the "current" one, the same work (one B-tree insert
// beside the primary key's). Returns the file's path.
std::string WriteStoreRows(const std::string& values, const std::string& work, size_t expected) {
  std::ifstream in(values, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Issues issues;
  CsvTable table = ParseCsv(std::move(text), values, &issues);
  if (!issues.empty()) throw std::runtime_error(issues.front().ToString());
  ExpectRows(static_cast<int64_t>(table.rows.size()), expected, "values.csv");
  const TableSpec& spec = SpecOf("values");
  std::vector<std::optional<size_t>> from;  // each store column's place in values.csv
  for (std::string_view column : spec.columns()) {
    auto it = std::ranges::find(table.header, column);
    from.push_back(it == table.header.end() ? std::nullopt
                                            : std::optional<size_t>(it - table.header.begin()));
  }
  const std::string path = work + "/store_values.csv";
  std::ofstream out(path, std::ios::binary);
  out << "org_id,row_key,version,seq,from_change,to_change";
  for (std::string_view column : spec.columns()) out << ',' << column;
  out << '\n';
  std::vector<std::string> fields(from.size());
  int64_t seq = 0;
  for (const CsvRow& row : table.rows) {
    for (size_t k = 0; k < from.size(); ++k)
      fields[k] = from[k] ? std::string(table.Field(row, *from[k])) : "";
    out << "1," << CsvField(RowKey(spec, fields)) << ",1," << ++seq << ",1,";
    for (const std::string& f : fields) out << ',' << (f.empty() ? "\"\"" : CsvField(f));
    out << '\n';
  }
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
  return path;
}

// The columns of the store's rows file (WriteStoreRows), for psql's \copy.
std::string StoreRowColumns() {
  std::string names = "org_id, row_key, version, seq, from_change, to_change";
  for (std::string_view column : SpecOf("values").columns()) {
    names += fmt::format(", \"{}\"", column);
  }
  return names;
}

// Every row loaded into the store's "values" table, its row key made of its own ref and period.
void ExpectStoreRows(Database& db, size_t expected, std::string_view what) {
  ExpectRows(CountRows(db, "\"values\""), expected, what);
  const char* unit_separator = db.dialect() == Dialect::kSqlite ? "char(31)" : "chr(31)";
  ExpectRows(
      CountRows(db, fmt::format("\"values\" WHERE row_key = ref || {} || period", unit_separator)),
      expected, fmt::format("{}, keyed by ref and period", what));
}

void Migrated(const std::string& url) {
  auto db = Check(OpenDatabase(url), "open");
  Check(Migrate(*db), "migrate");
}

struct Medians {
  double scorecard = 0, bare = 0, indexed = 0;
};

Medians BenchSqlite(const Settings& settings, const std::string& work, const std::string& folder,
                    const std::string& store_rows, const FolderCounts& counts) {
  const std::string path = work + "/scorecard.db";
  const std::string values = folder + "/values.csv";
  Medians m;
  std::vector<Stages> stages;
  m.scorecard = MedianSeconds("sqlite scorecard import", settings.runs, [&] {
    RemoveSqliteFiles(path);
    SystemClock clock;
    auto store = Check(OpenStore("sqlite:" + path, clock), "open");
    return TimeImport(*store, folder, counts, &stages);
  });
  PrintStages(stages);
  RemoveSqliteFiles(path);
  if (!settings.bare) return m;
  m.bare = MedianSeconds("sqlite bare sqlite3 .import", settings.runs, [&] {
    RemoveSqliteFiles(path);
    double seconds =
        TimeCommand(fmt::format("sqlite3 -bail {} -cmd '.mode csv' {}", ShellQuoted(path),
                                ShellQuoted(".import " + values + " bare")));
    auto db = Check(OpenDatabase("sqlite:" + path), "open");
    ExpectRows(CountRows(*db, "bare"), counts.values, "sqlite3 .import");
    return seconds;
  });
  // Into a file the store's migrations made: its table, and its 16 KiB pages and WAL journal.
  m.indexed = MedianSeconds("sqlite indexed sqlite3 .import", settings.runs, [&] {
    RemoveSqliteFiles(path);
    Migrated("sqlite:" + path);
    double seconds =
        TimeCommand(fmt::format("sqlite3 -bail {} -cmd '.mode csv' {}", ShellQuoted(path),
                                ShellQuoted(".import --skip 1 " + store_rows + " \"values\"")));
    auto db = Check(OpenDatabase("sqlite:" + path), "open");
    ExpectStoreRows(*db, counts.values, "sqlite3 .import into the store's table");
    return seconds;
  });
  RemoveSqliteFiles(path);
  return m;
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

// A database of its own on the server, created empty and dropped when done.
class FreshPostgres {
 public:
  FreshPostgres(Database& server, const std::string& url, std::string name)
      : server_(server), name_(std::move(name)), url_(WithDatabase(url, name_)) {
    Drop();
    Check(server_.Exec(fmt::format("CREATE DATABASE {}", name_)), "create database");
  }
  ~FreshPostgres() { Drop(); }
  const std::string& url() const { return url_; }

 private:
  void Drop() { (void)server_.Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_)); }

  Database& server_;
  std::string name_, url_;
};

Medians BenchPostgres(const Settings& settings, const std::string& server_url,
                      const std::string& folder, const std::string& store_rows,
                      const FolderCounts& counts) {
  auto server = Check(OpenDatabase(server_url), "connect");
  const std::string values = folder + "/values.csv";
  Medians m;
  std::vector<Stages> stages;
  m.scorecard = MedianSeconds("postgres scorecard import", settings.runs, [&] {
    FreshPostgres fresh(*server, server_url, "scorecard_import_bench");
    SystemClock clock;
    auto store = Check(OpenStore(fresh.url(), clock), "open");
    return TimeImport(*store, folder, counts, &stages);
  });
  PrintStages(stages);
  if (!settings.bare) return m;
  m.bare = MedianSeconds("postgres bare psql \\copy", settings.runs, [&] {
    FreshPostgres fresh(*server, server_url, "scorecard_import_bench_bare");
    Check(Check(OpenDatabase(fresh.url()), "open")->Exec(BareTable(values)), "create table");
    double seconds = TimeCommand(
        fmt::format("psql -X -q -v ON_ERROR_STOP=1 -d {} -c {}", ShellQuoted(fresh.url()),
                    ShellQuoted("\\copy bare FROM '" + values + "' CSV HEADER")));
    auto db = Check(OpenDatabase(fresh.url()), "open");
    ExpectRows(CountRows(*db, "bare"), counts.values, "psql \\copy");
    return seconds;
  });
  m.indexed = MedianSeconds("postgres indexed psql \\copy", settings.runs, [&] {
    FreshPostgres fresh(*server, server_url, "scorecard_import_bench_indexed");
    Migrated(fresh.url());
    double seconds = TimeCommand(
        fmt::format("psql -X -q -v ON_ERROR_STOP=1 -d {} -c {}", ShellQuoted(fresh.url()),
                    ShellQuoted(fmt::format("\\copy \"values\" ({}) FROM '{}' CSV HEADER",
                                            StoreRowColumns(), store_rows))));
    auto db = Check(OpenDatabase(fresh.url()), "open");
    ExpectStoreRows(*db, counts.values, "psql \\copy into the store's table");
    ExpectRows(CountRows(*db, "\"values\" WHERE to_change IS NULL"), counts.values,
               "psql \\copy into the store's table, current");
    return seconds;
  });
  return m;
}

void PrintComparison(std::string_view backend, const Medians& m) {
  if (m.bare == 0) return;
  fmt::print(
      "import-vs-bare: {} scorecard {:.2f}s, bare {:.2f}s, ratio {:.2f}; "
      "indexed {:.2f}s, ratio {:.2f} (goal at most 1.5)\n",
      backend, m.scorecard, m.bare, m.scorecard / m.bare, m.indexed, m.scorecard / m.indexed);
}

int RunBench(const Settings& settings) {
  if (!settings.folder.empty()) {
    std::filesystem::create_directories(settings.folder);
    FolderCounts counts = WriteSyntheticFolder(settings.folder, kMeasures, kQuarters, kSeed);
    fmt::print("wrote {} values to {}\n", counts.values, settings.folder);
    return 0;
  }
  TempDir work("scorecard-import-bench");
  const std::string folder = work.path() + "/council";
  std::filesystem::create_directory(folder);
  Clock::time_point start = Clock::now();
  FolderCounts counts = WriteSyntheticFolder(folder, kMeasures, kQuarters, kSeed);
  fmt::print(
      "folder: {} measures, {} targets, {} values ({} quarters each; values.csv {:.1f} MB), "
      "seed {} ({:.1f} s, not timed)\n",
      counts.measures, counts.targets, counts.values, kQuarters,
      std::filesystem::file_size(folder + "/values.csv") / 1e6, kSeed, SecondsSince(start));

  const std::string store_rows =
      settings.bare ? WriteStoreRows(folder + "/values.csv", work.path(), counts.values) : "";
  Medians sqlite = BenchSqlite(settings, work.path(), folder, store_rows, counts);
  std::optional<Medians> postgres;
  const char* url = std::getenv("SCORECARD_TEST_PG_URL");
  if (!settings.postgres) {
    fmt::print("postgres: skipped (--sqlite-only)\n");
  } else if (url && *url) {
    postgres = BenchPostgres(settings, url, folder, store_rows, counts);
  } else {
    fmt::print(
        "postgres: skipped: SCORECARD_TEST_PG_URL is not set (run through "
        "scripts/with-postgres.sh, as `make bench` does)\n");
  }
  PrintComparison("sqlite", sqlite);
  if (postgres) PrintComparison("postgres", *postgres);
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
    } else if (arg == "--scorecard-only") {
      settings.bare = false;
    } else if (arg == "--sqlite-only") {
      settings.postgres = false;
    } else if (arg.starts_with("--write-folder=")) {
      settings.folder = arg.substr(15);
    } else {
      fmt::print(stderr,
                 "usage: import_bench [--runs=N] [--scorecard-only] [--sqlite-only] "
                 "[--write-folder=DIR]\n");
      return 2;
    }
  }
  try {
    return scorecard::bench::RunBench(settings);
  } catch (const std::exception& e) {
    fmt::print(stderr, "import_bench: {}\n", e.what());
    return 1;
  }
}

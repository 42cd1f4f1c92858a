// The commands that read and write the database: import, export, migrate, history, diff,
// publish, backup.

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "app/import_council.h"
#include "app/stored_council.h"
#include "cli/commands.h"
#include "cli/store_access.h"
#include "io/file_source.h"
#include "io/folder.h"
#include "io/open_source.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

namespace scorecard {
namespace {

std::string Author(const Options& o) {
  if (!o.author.empty()) return o.author;
  const char* user = std::getenv("USER");
  return user && *user ? user : "scorecard";
}

// A bar on a terminal; plain lines, one per stage and every tenth, otherwise.
class ProgressReport {
 public:
  ProgressReport() : tty_(isatty(STDERR_FILENO)) {}
  ~ProgressReport() {
    if (tty_ && drawn_) fmt::print(stderr, "\n");
  }
  void operator()(std::string_view stage, size_t done, size_t total) {
    if (tty_) {
      int filled = total ? static_cast<int>(30 * done / total) : 30;
      fmt::print(stderr, "\r{:<9} [{:#<{}}{:.<{}}] {}/{}", stage, "", filled, "", 30 - filled, done,
                 total);
      drawn_ = true;
      return;
    }
    int tenth = total ? static_cast<int>(10 * done / total) : 10;
    if (stage != stage_ || tenth != tenth_) {
      fmt::print(stderr, "{}: {} of {}\n", stage, done, total);
      stage_ = stage;
      tenth_ = tenth;
    }
  }

 private:
  bool tty_;
  bool drawn_ = false;
  std::string stage_;
  int tenth_ = -1;
};

std::string Fields(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) {
    if (!f.empty()) out += (out.empty() ? "" : " | ") + f;
  }
  return out.size() > 160 ? out.substr(0, 157) + "..." : out;
}

}  // namespace

int RunImport(const Options& o) {
  SystemClock clock;
  auto store = OpenStoreFor(o, clock);
  if (!store) return PrintIssues({StoreIssue(store.error())}, o.db, "nothing was imported");
  auto source = OpenTableSource(o.source);
  if (!source) return PrintIssues(source.error(), o.source, "nothing was imported");
  ProgressReport progress;
  ImportOptions options{
      o.org,
      {Author(o), o.reason.empty() ? "import of " + o.source : o.reason, "import " + o.source},
      o.dry_run,
      std::ref(progress)};
  auto report = ImportCouncil(**store, **source, options);
  if (!report) return PrintIssues(report.error(), o.source, "nothing was imported");
  for (const TableCounts& t : report->tables) {
    if (t.added + t.changed + t.removed + t.unchanged == 0) continue;
    fmt::print("{:<22} {:>7} added {:>7} changed {:>7} removed {:>7} unchanged\n", t.table, t.added,
               t.changed, t.removed, t.unchanged);
  }
  if (o.dry_run) {
    fmt::print("dry run: {} rows would change; nothing was written\n", report->total_changes());
  } else if (report->change == 0) {
    fmt::print("nothing changed\n");
  } else {
    fmt::print("imported as change {} ({} rows)\n", report->change, report->total_changes());
  }
  return 0;
}

int RunExport(const Options& o) {
  SystemClock clock;
  auto store = OpenStoreFor(o, clock);
  if (!store) return PrintIssues({StoreIssue(store.error())}, o.db, "nothing was exported");
  auto as_at = ResolveAsAt(**store, o);
  if (!as_at) return PrintIssues(as_at.error(), "database", "nothing was exported");
  if (o.target.ends_with(".xlsx")) {
    if (auto r = ExportWorkbook(**store, o.org, *as_at, o.target); !r) {
      return PrintIssues(r.error(), o.target, "nothing was exported");
    }
    fmt::print("exported to {}\n", o.target);
    return 0;
  }
  auto files = ExportFiles(**store, o.org, *as_at);
  if (!files) return PrintIssues(files.error(), "database", "nothing was exported");
  if (auto r = WriteFiles(o.target, *files); !r) {
    return PrintIssues(r.error(), o.target, "the export is incomplete");
  }
  fmt::print("exported {} files to {}\n", files->size(), o.target);
  return 0;
}

int RunMigrate(const Options& o) {
  auto db = OpenDatabase(o.db.empty() ? kDefaultStoreUrl : o.db);
  if (!db) return PrintIssues({StoreIssue(db.error())}, o.db, "nothing was migrated");
  auto applied = Migrate(**db);
  if (!applied) return PrintIssues({StoreIssue(applied.error())}, o.db, "stopped there");
  for (int v : *applied) {
    for (const Migration& m : Migrations((*db)->dialect())) {
      if (m.version == v) fmt::print("applied migration {}: {}\n", v, m.description);
    }
  }
  fmt::print("the database is at schema version {}\n", LatestSchemaVersion());
  return 0;
}

int RunHistory(const Options& o) {
  SystemClock clock;
  auto opened = OpenOrganisation(o, clock);
  if (!opened) return PrintIssues(opened.error(), "database", "nothing was read");
  auto versions = opened->store->History(opened->org, o.ref);
  if (!versions) return PrintIssues({StoreIssue(versions.error())}, "database", "nothing was read");
  if (versions->empty()) fmt::print("no records with ref \"{}\"\n", o.ref);
  for (const Version& v : *versions) {
    fmt::print("change {} at {} by {} ({}): {} {} version {}{}\n    {}\n", v.change,
               FormatMoment(v.at), v.author, v.reason, v.table, KeyText(v.key), v.version,
               v.ended ? " (since replaced or removed)" : "", Fields(v.fields));
  }
  return 0;
}

int RunDiff(const Options& o) {
  SystemClock clock;
  auto opened = OpenOrganisation(o, clock);
  if (!opened) return PrintIssues(opened.error(), "database", "nothing was read");
  Store& store = *opened->store;
  int64_t org = opened->org;
  auto from = ResolveChange(store, org, o.from, "--from");
  if (!from) return PrintIssues(from.error(), "database", "nothing was read");
  int64_t to = 0;
  if (o.to.empty()) {
    auto latest = store.LatestChange(org);
    if (!latest) return PrintIssues({StoreIssue(latest.error())}, "database", "nothing was read");
    to = *latest;
  } else {
    auto given = ResolveChange(store, org, o.to, "--to");
    if (!given) return PrintIssues(given.error(), "database", "nothing was read");
    to = *given;
  }
  auto diff = store.Diff(org, *from, to);
  if (!diff) return PrintIssues({StoreIssue(diff.error())}, "database", "nothing was read");
  for (const Difference& d : *diff) {
    const char* what = !d.before ? "added" : !d.after ? "removed" : "changed";
    fmt::print("{} {} {}\n", what, d.table, KeyText(d.key));
    if (d.before) fmt::print("  - {}\n", Fields(*d.before));
    if (d.after) fmt::print("  + {}\n", Fields(*d.after));
  }
  fmt::print("{} differences between change {} and change {}\n", diff->size(), *from, to);
  return 0;
}

int RunPublish(const Options& o) {
  SystemClock clock;
  auto opened = OpenOrganisation(o, clock);
  if (!opened) return PrintIssues(opened.error(), "database", "nothing was published");
  auto period = ParsePeriod(o.period);
  if (!period) {
    fmt::print(stderr, "scorecard publish: --period: expected {}\n", period.error());
    return 2;
  }
  auto change =
      opened->store->Publish(opened->org, period->ToString(), {Author(o), o.reason, "publish"});
  if (!change)
    return PrintIssues({StoreIssue(change.error())}, "database", "nothing was published");
  fmt::print("published the {} report as at change {}\n", period->ToString(), *change);
  return 0;
}

int RunIntegrity(const Options& o) {
  SystemClock clock;
  auto store = OpenStoreFor(o, clock);
  if (!store) return PrintIssues({StoreIssue(store.error())}, o.db, "nothing was checked");
  auto problems = (*store)->CheckIntegrity();
  if (!problems) return PrintIssues({StoreIssue(problems.error())}, o.db, "the check stopped");
  std::string url = o.db.empty() ? kDefaultStoreUrl : o.db;
  if (problems->empty()) {
    fmt::print("{} is whole: every version was made by its organisation's changes\n", url);
    return 0;
  }
  for (const std::string& p : *problems) fmt::print(stderr, "{}\n", p);
  fmt::print(stderr, "{}: {} problems (at most 10 of each kind a table are listed)\n", url,
             problems->size());
  return 1;
}

int RunBackup(const Options& o) {
  std::string url = o.db.empty() ? kDefaultStoreUrl : o.db;
  if (!url.starts_with("sqlite:")) {
    fmt::print(stderr, "scorecard backup: for PostgreSQL use pg_dump (see docs/storage.md)\n");
    return 2;
  }
  auto db = SqliteDatabase::Open(url.substr(7));
  if (!db) return PrintIssues({StoreIssue(db.error())}, url, "nothing was backed up");
  if (auto r = (*db)->Backup(o.target); !r) {
    return PrintIssues({StoreIssue(r.error())}, o.target, "the backup failed");
  }
  fmt::print("backed up {} to {}\n", url, o.target);
  return 0;
}

}  // namespace scorecard

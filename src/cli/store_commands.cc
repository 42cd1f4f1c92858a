// The commands that read and write the database: import, export, migrate, history, diff,
// publish, integrity, backup.

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "app/history.h"
#include "app/import_council.h"
#include "app/maintenance.h"
#include "app/stored_council.h"
#include "app/system_clock.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "reports/publish_report.h"

namespace scorecard {
namespace {

std::string Author(const Options& o) {
  if (!o.author.empty()) return o.author;
  const char* user = std::getenv("USER");
  return user && *user ? user : "scorecard";
}

std::string Url(const Options& o) { return StoreAddress{o.db, o.org}.url_or_default(); }

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

void PrintImport(const ImportReport& report, bool dry_run) {
  if (report.new_database && dry_run) {
    fmt::print("there is no database yet: everything would be added\n");
  }
  for (const TableCounts& t : report.tables) {
    if (t.kept) {
      if (t.unchanged > 0) {
        fmt::print("{:<22} {:>7} kept as stored: the source has no such table\n", t.table,
                   t.unchanged);
      }
      continue;
    }
    if (t.added + t.changed + t.removed + t.unchanged == 0) continue;
    fmt::print("{:<22} {:>7} added {:>7} changed {:>7} removed {:>7} unchanged\n", t.table, t.added,
               t.changed, t.removed, t.unchanged);
  }
  for (const TableCounts& t : report.tables) {
    for (const std::string& row : t.removed_rows) {
      fmt::print("{} {}: {}\n", dry_run ? "would remove" : "removed", t.table, row);
    }
  }
  if (dry_run) {
    fmt::print("dry run: {} rows would change; nothing was written\n", report.total_changes());
  } else if (report.change == 0) {
    fmt::print("nothing changed\n");
  } else {
    fmt::print("imported {} as change {} ({} rows)\n", report.org, report.change,
               report.total_changes());
  }
}

}  // namespace

int RunImport(const Options& o) {
  SystemClock clock;
  ProgressReport progress;
  ImportOptions options;
  options.org_code = o.org;
  options.info = {Author(o), o.reason.empty() ? "import of " + o.source : o.reason,
                  "import " + o.source};
  options.dry_run = o.dry_run;
  options.allow_removals = o.allow_removals;
  options.progress = std::ref(progress);
  Where where{"import", o.source};
  auto report = ImportPath(o.source, o.db, options, clock);
  if (!report) {
    return PrintFailure(report.error(), where,
                        o.dry_run ? "the import would fail" : "nothing was imported");
  }
  PrintWarnings(report->warnings, where);
  PrintImport(*report, o.dry_run);
  return 0;
}

int RunExport(const Options& o) {
  SystemClock clock;
  Where where{"export", Url(o)};
  auto refuse = [&](std::string_view code, std::string option, IssueParams params = {}) {
    return PrintUsageError(MakeIssue(code, {"request", 0, std::move(option)}, std::move(params)),
                           where, "nothing was exported");
  };
  if (o.published && o.period.empty()) {
    return refuse("request.published-without-period", "published");
  }
  if (!o.published && !o.period.empty()) {
    return refuse("request.period-without-published", "period");
  }
  std::optional<Period> published;
  if (o.published) {
    auto p = ParsePeriod(o.period);
    if (!p) return refuse("request.period", "period", {{"text", o.period}});
    published = *p;
  }
  auto exported = ExportCouncil({o.db, o.org}, AsAt{o.as_at, published}, o.target, clock);
  if (!exported) return PrintFailure(exported.error(), where, "nothing was exported");
  fmt::print("{}\n", *exported);
  return 0;
}

int RunMigrate(const Options& o) {
  auto migrated = MigrateDatabase(Url(o));
  if (!migrated) return PrintFailure(migrated.error(), {"migrate", Url(o)}, "stopped there");
  for (const Migration& m : migrated->applied) {
    fmt::print("applied migration {}: {}\n", m.version, m.description);
  }
  fmt::print("the database is at schema version {}\n", migrated->version);
  return 0;
}

int RunHistory(const Options& o) {
  SystemClock clock;
  auto versions = RecordHistory({o.db, o.org}, o.ref, clock);
  if (!versions) return PrintFailure(versions.error(), {"history", Url(o)}, "nothing was read");
  for (const Version& v : *versions) {
    fmt::print("change {} at {} by {} ({}): {} {} version {}{}\n    {}\n", v.change,
               FormatMoment(v.at), v.author, v.reason, v.table, KeyText(v.key), v.version,
               v.ended ? " (since replaced or removed)" : "", Fields(v.fields));
  }
  return 0;
}

int RunDiff(const Options& o) {
  SystemClock clock;
  auto diff = DiffChanges({o.db, o.org}, o.from, o.to, clock);
  if (!diff) return PrintFailure(diff.error(), {"diff", Url(o)}, "nothing was read");
  for (const Difference& d : diff->differences) {
    const char* what = !d.before ? "added" : !d.after ? "removed" : "changed";
    fmt::print("{} {} {}\n", what, d.table, KeyText(d.key));
    if (d.before) fmt::print("  - {}\n", Fields(*d.before));
    if (d.after) fmt::print("  + {}\n", Fields(*d.after));
  }
  fmt::print("{} differences between change {} and change {}\n", diff->differences.size(),
             diff->from, diff->to);
  return 0;
}

int RunPublish(const Options& o) {
  SystemClock clock;
  auto period = ParsePeriod(o.period);
  if (!period) {
    return PrintUsageError(
        MakeIssue("request.period", {"request", 0, "period"}, {{"text", o.period}}),
        {"publish", Url(o)}, "nothing was published");
  }
  PublishReportRequest request{
      {o.db, o.org}, *period, o.supersede, {Author(o), o.reason, "publish"}, o.layout, o.formats};
  auto done = PublishReportFiles(request, clock);
  if (!done) return PrintFailure(done.error(), {"publish", Url(o)}, "nothing was published");
  const Published& published = done->published;
  if (published.superseded) {
    fmt::print("published the {} report again as at change {}, in place of change {}\n",
               period->ToString(), published.change, published.superseded->change);
  } else {
    fmt::print("published the {} report as at change {}\n", period->ToString(), published.change);
  }
  if (done->layout.empty()) {
    fmt::print("no files kept: the council has no report layout\n");
    return 0;
  }
  fmt::print("kept {} file{} of layout {}:\n", published.files.size(),
             published.files.size() == 1 ? "" : "s", done->layout);
  size_t width = 0;
  for (const PublishedFile& f : published.files) width = std::max(width, f.name.size());
  for (const PublishedFile& f : published.files) {
    fmt::print("  {:<{}}  {:>9} bytes  sha256 {}\n", f.name, width, f.size, f.sha256);
  }
  return 0;
}

int RunIntegrity(const Options& o) {
  SystemClock clock;
  auto problems = CheckDatabase(Url(o), clock);
  if (!problems) return PrintFailure(problems.error(), {"integrity", Url(o)}, "the check stopped");
  if (problems->empty()) {
    fmt::print(
        "{} is whole: every version was made by its organisation's changes, and every published "
        "file is as it was published\n",
        Url(o));
    return 0;
  }
  for (const std::string& p : *problems) fmt::print(stderr, "{}\n", p);
  fmt::print(stderr, "{}: {} problems (at most 10 of each kind a table are listed)\n", Url(o),
             problems->size());
  return 1;
}

int RunBackup(const Options& o) {
  if (auto r = BackupDatabase(Url(o), o.target); !r) {
    return PrintFailure(r.error(), {"backup", Url(o)}, "nothing was backed up");
  }
  fmt::print("backed up {} to {}\n", Url(o), o.target);
  return 0;
}

}  // namespace scorecard

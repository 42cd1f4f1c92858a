// The scorecard command: a thin main over one table of subcommands.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace scorecard {
namespace {

CLI::Option* Source(CLI::App& c, Options& o, const char* what) {
  return c.add_option("source", o.source, what);
}
void Database(CLI::App& c, Options& o) {
  c.add_option("--db", o.db,
               "database URL: sqlite:FILE or postgresql://user@host:port/db "
               "(default sqlite:var/scorecard.db)");
}
void Organisation(CLI::App& c, Options& o, bool required) {
  auto* opt = c.add_option("--org", o.org, "the organisation's code in the database");
  if (required) opt->required();
}
void AsAt(CLI::App& c, Options& o) {
  c.add_option("--as-at", o.as_at,
               "see the data as at a moment (2017-11-20T09:30, UTC) or "
               "change:N");
  c.add_flag("--published", o.published, "see the data as the --period report was published");
}
void Change(CLI::App& c, Options& o) {
  c.add_option("--author", o.author, "who makes the change (default: $USER)");
  c.add_option("--reason", o.reason, "why");
}

void DefineAssess(CLI::App& c, Options& o) {
  Source(c, o, "the council's interchange folder (or use --db and --org)");
  c.add_option("--period", o.period,
               "the reporting period, e.g. \"2017/18 Q2\" (default: the "
               "council's reporting_period)");
  c.add_option("--format", o.format, "table, csv or json");  // checked by RunAssess
  c.add_option("--explain", o.explain, "print the reasoning for one measure's status");
  Database(c, o);
  Organisation(c, o, false);
  AsAt(c, o);
}
void DefineCheck(CLI::App& c, Options& o) {
  Source(c, o, "the council's interchange folder")->required();
}
void DefinePeriods(CLI::App& c, Options& o) {
  c.add_option("spellings", o.spellings, "period spellings, e.g. \"Sep-17\" \"Q2 2017/18\"")
      ->required();
}
void DefineVerify(CLI::App& c, Options& o) {
  Source(c, o, "a seed folder with expected.csv / expected_counts.csv")->required();
}
void DefineImport(CLI::App& c, Options& o) {
  Source(c, o, "the interchange folder or .xlsx workbook to import")->required();
  Database(c, o);
  c.add_option("--org", o.org,
               "the organisation's code in the database (default: code in scorecard.toml)");
  c.add_flag("--dry-run", o.dry_run, "say what would be added, changed and removed; write nothing");
  c.add_flag("--allow-removals", o.allow_removals,
             "allow removing more than a tenth of a table's stored rows");
  Change(c, o);
}
void DefineExport(CLI::App& c, Options& o) {
  c.add_option("target", o.target, "the folder (or FILE.xlsx) to write")->required();
  Database(c, o);
  Organisation(c, o, true);
  AsAt(c, o);
  c.add_option("--period", o.period, "with --published: the report");
}
void DefineMigrate(CLI::App& c, Options& o) { Database(c, o); }
void DefineHistory(CLI::App& c, Options& o) {
  c.add_option("ref", o.ref, "a measure's, action's, project's or risk's ref")->required();
  Database(c, o);
  Organisation(c, o, true);
}
void DefineDiff(CLI::App& c, Options& o) {
  Database(c, o);
  Organisation(c, o, true);
  c.add_option("--from", o.from, "a moment (2017-11-20T09:30, UTC) or change:N")->required();
  c.add_option("--to", o.to, "a moment or change:N (default: now)");
}
void DefinePublish(CLI::App& c, Options& o) {
  Database(c, o);
  Organisation(c, o, true);
  c.add_option("--period", o.period, "the report's period, e.g. \"2017/18 Q2\"")->required();
  c.add_option("--supersede", o.supersede,
               "publish a period again, in place of its last publication: say why");
  c.add_option("--layout", o.layout, "the report layout (default: the council's default layout)");
  c.add_option("--format", o.formats,
               "the formats to keep the report in, repeated or separated by commas "
               "(default: html,csv,xlsx,pdf)")
      ->delimiter(',');
  Change(c, o);
}
void DefineIntegrity(CLI::App& c, Options& o) { Database(c, o); }
void DefineBackup(CLI::App& c, Options& o) {
  c.add_option("target", o.target, "the backup file to write")->required();
  Database(c, o);
}
void DefineIssues(CLI::App&, Options&) {}
void DefineReport(CLI::App& c, Options& o) {
  Source(c, o, "the council's interchange folder or workbook (or use --db and --org)");
  c.add_option("--period", o.period,
               "the reporting period, e.g. \"2017/18 Q2\" (default: the council's "
               "reporting_period)");
  c.add_option("--layout", o.layout,
               "the layout (reports/NAME.toml; default: the one scorecard.toml names)");
  c.add_option("--format", o.report_format, "html (the default), pdf, xlsx or csv (a folder)");
  c.add_option("-o,--output", o.output, "the file (or, for csv, the folder) to write")->required();
  Database(c, o);
  Organisation(c, o, false);
  AsAt(c, o);
}

struct Command {
  const char* name;
  const char* help;
  void (*define)(CLI::App&, Options&);
  int (*run)(const Options&);
};

constexpr Command kCommands[] = {
    {"assess", "assess a council for a reporting period and print its scorecard", DefineAssess,
     RunAssess},
    {"check", "read a council's folder and list every problem in it", DefineCheck, RunCheck},
    {"periods", "show how period spellings are read", DefinePeriods, RunPeriods},
    {"verify", "compare a seed folder's assessment with what the council published", DefineVerify,
     RunVerify},
    {"import", "import an interchange folder into the database, as one change", DefineImport,
     RunImport},
    {"export", "write a council from the database as an interchange folder", DefineExport,
     RunExport},
    {"migrate", "bring the database's schema up to date", DefineMigrate, RunMigrate},
    {"history", "list every version of a record: who changed what, when and why", DefineHistory,
     RunHistory},
    {"diff", "list what changed between two moments", DefineDiff, RunDiff},
    {"publish", "publish a period's report as the data stands now, keeping its files",
     DefinePublish, RunPublish},
    {"integrity", "check that the database is whole and its history intact", DefineIntegrity,
     RunIntegrity},
    {"backup", "copy an SQLite database while it is in use", DefineBackup, RunBackup},
    {"report", "make a council's report for a period, by one of its layouts", DefineReport,
     RunReport},
    {"issues", "list every warning and error Scorecard can give, and how to fix it (Markdown)",
     DefineIssues, RunIssues},
};

}  // namespace
}  // namespace scorecard

int main(int argc, char** argv) {
  using namespace scorecard;
  CLI::App app{"Scorecard: performance management for UK councils"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "scorecard 0.1.0");
  Options options;
  const Command* chosen = nullptr;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    c.define(*sub, options);
    sub->callback([&chosen, &c] { chosen = &c; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    return chosen ? chosen->run(options) : 2;
  } catch (const std::exception& e) {  // a bug, not bad input: say so plainly
    fmt::print(stderr, "scorecard: internal error: {}\n", e.what());
    return 70;
  }
}

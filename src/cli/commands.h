#pragma once
// The scorecard command's subcommands; main.cc holds the table that names them. Each reads its
// options, calls one use case of src/app and prints what it returns.

#include <optional>
#include <string>
#include <vector>

namespace scorecard {

// Every option any subcommand takes, as the command line gave it; each subcommand reads the
// ones it defines and hands the use case plain parameters.
struct Options {
  std::string source;  // a folder or a workbook
  std::string period;
  std::string format = "table";
  std::string explain;
  std::vector<std::string> spellings;
  std::string db;     // --db URL
  std::string org;    // --org CODE
  std::string as_at;  // --as-at MOMENT or change:N
  bool published = false;
  bool dry_run = false;
  bool allow_removals = false;
  std::string author, reason;
  std::optional<std::string> supersede;  // publish: why the period is published again
  std::vector<std::string> formats;      // publish: the formats to keep the report in
  std::string from, to;                  // diff
  std::string ref;                       // history
  std::string target;                    // export: a folder (or .xlsx); backup: a file
  std::string layout;                    // report, publish: the layout's name
  std::string report_format = "html";    // report: html, pdf, xlsx or csv
  std::string output;                    // report: -o PATH
};

int RunAssess(const Options& o);
int RunCheck(const Options& o);
int RunPeriods(const Options& o);
int RunVerify(const Options& o);
int RunImport(const Options& o);
int RunExport(const Options& o);
int RunMigrate(const Options& o);
int RunHistory(const Options& o);
int RunDiff(const Options& o);
int RunPublish(const Options& o);
int RunIntegrity(const Options& o);
int RunBackup(const Options& o);
int RunIssues(const Options& o);
int RunReport(const Options& o);

}  // namespace scorecard

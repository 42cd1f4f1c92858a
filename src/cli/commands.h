#pragma once
// The scorecard command's subcommands; main.cc holds the table that names them.

#include <string>
#include <vector>

#include "domain/issue.h"

namespace scorecard {

// Every option any subcommand takes; each subcommand reads the ones it defines.
struct Options {
  std::string source;  // a folder or a workbook
  std::string period;
  std::string format = "table";
  std::string explain;
  std::vector<std::string> spellings;
  std::string db;     // --db URL
  std::string org;    // --org CODE
  std::string as_at;  // --as-at MOMENT or change number
  bool published = false;
  bool dry_run = false;
  std::string author, reason;
  std::string from, to;  // diff
  std::string ref;       // history
  std::string target;    // export: a folder (or .xlsx); backup: a file
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

// Prints every issue, located, and says nothing was done. Returns the exit code 1.
int PrintIssues(const Issues& issues, const std::string& where, std::string_view outcome);

}  // namespace scorecard

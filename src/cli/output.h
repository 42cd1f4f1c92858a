#pragma once
// How the scorecard command tells its user what went wrong: every issue located, then one line
// saying what was (not) done.

#include <string>
#include <string_view>

#include "app/result.h"

namespace scorecard {

// Where a command's issues are: the command's name (for its options) and the folder, workbook
// or database it worked on (for files in it).
struct Where {
  std::string command;  // "import"
  std::string source;   // "data/seeds/derby-2012-q2", "sqlite:var/scorecard.db"
};

// An issue as printed: "data/x/values.csv:3: column value: ...", "scorecard assess: --as-at:
// ...", "warning: ...".
std::string Located(const Issue& issue, const Where& where);
// Prints each warning on stderr.
void PrintWarnings(const Issues& warnings, const Where& where);
// Prints every issue and "SOURCE: N problems; OUTCOME". Returns the exit code: 1.
int PrintFailure(const Failure& failure, const Where& where, std::string_view outcome);
int PrintIssues(const Issues& issues, const Where& where, std::string_view outcome);
// Prints a problem with how the command was given (an issue placed on "request") as PrintIssues
// does. Returns the exit code of a usage error: 2.
int PrintUsageError(const Issue& issue, const Where& where, std::string_view outcome);

}  // namespace scorecard

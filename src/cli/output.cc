#include "cli/output.h"

#include <fmt/format.h>

#include <algorithm>

namespace scorecard {

std::string Located(const Issue& issue, const Where& where) {
  if (issue.file == "request") {
    return fmt::format("{}scorecard {}: {}{}", issue.is_warning() ? "warning: " : "", where.command,
                       issue.column.empty() ? "" : "--" + issue.column + ": ", issue.message);
  }
  bool located = issue.file == where.source || issue.file == "database" ||
                 issue.file.starts_with(where.source + "/") || where.source.empty() ||
                 issue.file.starts_with("/");
  if (located) return issue.ToString();
  Issue under = issue;
  // A workbook names itself in its issues ("derby.xlsx [values]"): put its folder in front.
  size_t slash = where.source.rfind('/');
  std::string_view name = std::string_view(where.source).substr(slash + 1);
  if (slash != std::string::npos && issue.file.starts_with(name)) {
    under.file = where.source.substr(0, slash + 1) + issue.file;
  } else if (slash != std::string::npos || !issue.file.starts_with(name)) {
    under.file = where.source + "/" + issue.file;
  }
  return under.ToString();
}

void PrintWarnings(const Issues& warnings, const Where& where) {
  for (const Issue& w : warnings) fmt::print(stderr, "{}\n", Located(w, where));
}

int PrintIssues(const Issues& issues, const Where& where, std::string_view outcome) {
  for (const Issue& i : issues) fmt::print(stderr, "{}\n", Located(i, where));
  size_t errors =
      std::count_if(issues.begin(), issues.end(), [](const Issue& i) { return !i.is_warning(); });
  fmt::print(stderr, "{}: {} problem{}; {}\n", where.source.empty() ? where.command : where.source,
             errors, errors == 1 ? "" : "s", outcome);
  return 1;
}

int PrintUsageError(const Issue& issue, const Where& where, std::string_view outcome) {
  PrintIssues({issue}, where, outcome);
  return 2;
}

int PrintFailure(const Failure& failure, const Where& where, std::string_view outcome) {
  return PrintIssues(failure.issues, where, outcome);
}

}  // namespace scorecard

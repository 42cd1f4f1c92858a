// The issues command: the catalogue of issues as the Markdown table docs/interchange.md holds,
// sorted by code, with a doubled brace of the catalogue shown single.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "domain/issue.h"

namespace scorecard {
namespace {

// Text as one cell of a Markdown table: a bar would end the cell, and <workbook> would be read
// as HTML and vanish.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '*') {
      out += "\\*";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

int RunIssues(const Options&) {
  std::vector<IssueText> catalogue(IssueCatalogue().begin(), IssueCatalogue().end());
  std::ranges::sort(catalogue, {}, &IssueText::code);  // an area's codes together
  fmt::print("| code | error or warning | what it says | how to fix it |\n");
  fmt::print("|---|---|---|---|\n");
  for (const IssueText& t : catalogue) {
    fmt::print("| `{}` | {} | {} | {} |\n", t.code,
               t.severity == Severity::kWarning ? "warning" : "error", Cell(ShownWords(t.words)),
               Cell(ShownWords(t.fix)));
  }
  return 0;
}

}  // namespace scorecard

#pragma once
// A problem a user can fix, located where they can find it. Readers collect every issue rather
// than stopping at the first. An issue is data: a code, a place and parameters; one catalogue
// (issue_catalogue.cc) gives the words, so that the CLI, an import and a web form say the same.

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scorecard {

// An error stops a read, an import or an edit; a warning is said and the input is used.
enum class Severity : uint8_t { kError, kWarning };

// Named values for a catalogue entry's {placeholders}.
using IssueParams = std::vector<std::pair<std::string, std::string>>;

// Where an issue is.
struct Place {
  std::string file;    // "measures.csv", "derby.xlsx [values]", "request" (a command's options)
  int line = 0;        // 1-based; 0 when the issue is about the whole file
  std::string column;  // the column, the TOML key, the form field or the option
};

// An issue is made only by MakeIssue, from the catalogue, so that every issue has a code.
struct Issue {
  std::string file;     // "measures.csv", "derby.xlsx [values]", a form, "request"
  int line = 0;         // 1-based; 0 when the issue is about the whole file
  std::string column;   // the column, the TOML key, the form field or the option
  std::string message;  // the words: the catalogue's, with the parameters filled in
  std::string code;     // the catalogue entry ("values.period-frequency"); see IssueCatalogue()
  Severity severity = Severity::kError;
  IssueParams params;

  // "measures.csv:12: column polarity: expected a polarity: higher, lower or none"; a warning
  // says so first: "warning: values.csv:3: ...".
  std::string ToString() const;
  // The parameter's value, or empty.
  std::string_view Param(std::string_view name) const;
  bool is_warning() const { return severity == Severity::kWarning; }
  bool operator==(const Issue&) const = default;

 private:
  Issue() = default;
  friend Issue MakeIssue(std::string_view code, Place place, IssueParams params);
};

using Issues = std::vector<Issue>;

// One entry of the catalogue: what an issue means, in words with {placeholders}, and how to
// put it right (docs/interchange.md lists them all).
struct IssueText {
  std::string_view code;
  Severity severity;
  std::string_view words;
  std::string_view fix;
};

std::span<const IssueText> IssueCatalogue();
// The entry for a code, or null.
const IssueText* FindIssueText(std::string_view code);

// An issue from the catalogue, its words filled in from `params`.
// REQUIRES: `code` is in the catalogue and every placeholder of its words is in `params`.
Issue MakeIssue(std::string_view code, Place place, IssueParams params = {});

// An issue's code and parameters without its place: what a parser that does not know where its
// input came from returns, for its caller to place.
struct Problem {
  std::string code;
  IssueParams params;
};
Issue MakeIssue(Problem problem, Place place);

// The names of the {placeholders} in catalogue words, in order, each once; fails with what is
// wrong when a brace is not closed or a name is not lower_case letters, digits and underscores.
// A doubled brace ({{ or }}) is a brace in the words: "= {{ label = \"...\" }}".
std::expected<std::vector<std::string>, std::string> Placeholders(std::string_view words);
// Catalogue words as a reader of the catalogue sees them: each {placeholder} as it is, each
// doubled brace single. REQUIRES: Placeholders(words) succeeds.
std::string ShownWords(std::string_view words);

// True when any issue is an error (not a warning).
bool HasErrors(const Issues& issues);
// Moves the warnings out of `issues` into `warnings`.
void SplitWarnings(Issues& issues, Issues* warnings);

}  // namespace scorecard

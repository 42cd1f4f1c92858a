// The catalogue of issues: every code, its words and how to put it right. The CLI, imports and
// (later) the web's forms all take their words from here; docs/interchange.md lists each code.
// Words may hold {placeholders}, filled from the issue's parameters.

#include "domain/issue.h"

namespace scorecard {
namespace {

constexpr Severity kError = Severity::kError;
constexpr Severity kWarning = Severity::kWarning;

constexpr IssueText kCatalogue[] = {
    // --- Reading a folder or a workbook --------------------------------------------------------
    {"folder.unexpected-file", kError,
     "expected only the files Scorecard reads: did you mean {nearest}? (keep files of your own "
     "under names starting x_)",
     "Rename the file to the name Scorecard expects (names are lower case and end .csv), or, if "
     "it is yours, start its name with x_."},
    {"folder.unknown-file", kError,
     "expected only the files Scorecard reads: scorecard.toml and the tables of "
     "docs/interchange.md (keep files of your own under names starting x_)",
     "Remove the file, or start its name with x_ if it is yours."},
};

}  // namespace

std::span<const IssueText> IssueCatalogue() { return kCatalogue; }

}  // namespace scorecard

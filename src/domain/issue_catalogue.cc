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

    // --- Reading a workbook's sheets: rows and cells as the XML places them --------------------
    {"workbook.row-twice", kError, "expected one row {row}, not two (the file is damaged)",
     "The sheet's XML gives the row twice, which Excel never writes: check the row in a "
     "spreadsheet program and save the workbook again from it, or correct the XML."},
    {"workbook.cell-twice", kError, "expected one cell {cell}, not two (the file is damaged)",
     "The sheet's XML gives the cell twice, which Excel never writes: check the cell in a "
     "spreadsheet program and save the workbook again from it, or correct the XML."},
    {"workbook.cell-in-other-row", kError,
     "expected a cell of row {row}, not {cell} (the file is damaged)",
     "The sheet's XML places the cell in another row than its reference names, which Excel never "
     "writes: check the row in a spreadsheet program and save the workbook again from it, or "
     "correct the XML."},
};

}  // namespace

std::span<const IssueText> IssueCatalogue() { return kCatalogue; }

}  // namespace scorecard

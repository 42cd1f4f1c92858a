#pragma once
// A report as an Excel workbook (.xlsx): a sheet "Details" with the document's title, organisation,
// period, source, contact and notice, then a sheet per section, named by its title. A section's
// blocks follow one another down its sheet, a blank row between two:
// - a paragraph is a row, a list its title and a row per item, details a row per name and value;
// - a table is its caption (bold), its note, a row of column groups (merged) when its columns
//   have groups, its header row, then its rows, each group of rows under a bold heading row; a
//   highlighted row has a border and, in a last column "Highlighted", its word;
// - a chart is its title, its text alternative and its data as a table (the SVG is not placed).
// Cells are typed: a figure is a number in its Excel format, a date a date ("d mmm yyyy"), a
// status its symbol and word on its colour. The rows above the first table's rows are frozen when
// the section begins with that table; a table with `filter` gets the sheet's autofilter (Excel
// allows one a sheet: the first such table has it) and, if nothing else is frozen, frozen rows.

#include <string>
#include <vector>

#include "app/result.h"
#include "domain/clock.h"
#include "reports/document.h"

namespace scorecard {

// The sheets' names, "Details" first, then a sheet's for each section in order: its title (else
// its id) made a name Excel takes: the characters []:*?/\ become "-", at most 31 characters, and
// each name once, without regard to case ("Summary (2)").
std::vector<std::string> XlsxSheetNames(const ReportDocument& document);

// Writes `document` to the workbook `path`, whole or not at all: it is written beside `path`
// and renamed over it once complete. The workbook's properties give the document's title, its
// organisation as the company, and `created` as the time it was created, so that the same
// document and moment give the same bytes.
// REQUIRES: every colour is empty or "#rrggbb".
Result<void> WriteXlsx(const ReportDocument& document, const std::string& path, Moment created);

}  // namespace scorecard

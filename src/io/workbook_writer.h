#pragma once
// Writes a council's interchange tables as one Excel workbook, the form WorkbookTableSource
// reads (docs/interchange.md, "As one workbook"). Every cell is text, so what was read is what
// comes back: "82.0" stays "82.0" and "2017-09" is not turned into a date.

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "domain/council.h"
#include "domain/issue.h"
#include "io/csv.h"

namespace scorecard {

// A table and the sheet it goes in: `name` is its TableSpec name ("measures").
struct NamedTable {
  std::string name;
  CsvTable table;
};

// Writes the sheet "scorecard" (config_text, one line per row in column A), then one sheet per
// table in the order given, then a sheet "report NAME" per layout, its text as the scorecard
// sheet holds scorecard.toml. Fails with the reason, e.g. a cell longer than Excel allows or a
// layout name too long for a sheet's, for the caller to place.
std::expected<void, Problem> WriteWorkbook(const std::string& path, std::string_view config_text,
                                           const std::vector<NamedTable>& tables,
                                           const std::vector<ReportLayoutText>& layouts = {});

}  // namespace scorecard

#pragma once
// A report document with every kind of block and of cell, made by hand, for the writers' tests,
// and the small makers it is built with.

#include <string>
#include <vector>

#include "reports/document.h"

namespace scorecard {

ReportSection MakeSection(std::string id, std::string title);
ReportColumn MakeColumn(std::string label, std::string group = "", bool numeric = false,
                        int width = 12);
ReportTable MakeTable(std::string name, std::vector<ReportColumn> columns);
ReportRow MakeRow(std::vector<ReportCell> cells, std::string group = "",
                  std::string highlight = "");

// Sections, in order:
// - "Summary": a lead paragraph, a list with a title, details;
// - "Scorecard: all measures": first a table with `filter`, its columns Ref, Measure, two under
//   the group "Quarterly", Status and Due; its rows in groups Housing (two rows, the second
//   highlighted) and Environment (a cell spanning three columns, a status on black);
// - "Red flags": a paragraph, then a table with no rows and its `empty` words;
// - "Calls answered over time": a chart whose data table is named "scorecard" too;
// - "Summary" again (id "summary-2"): a list with no items and its `empty` words.
ReportDocument SampleDocument();

}  // namespace scorecard

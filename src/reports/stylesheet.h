#pragma once
// The report stylesheet: GOV.UK Frontend's typography, tables, summary lists, tags, inset and
// warning text, with the `sc-` rules of our own (statuses, highlighted rows, landscape sections,
// the notice, charts, heat maps) and the print rules (A4, page numbers, repeated table headers).
// Compiled at build time from src/reports/style/report.scss (docs/adr/0012).

#include <string_view>

namespace scorecard {

// The stylesheet as CSS, minified, in UTF-8 with no byte-order mark: for a <style> element of a
// self-contained report, or a file the web app serves.
std::string_view ReportStylesheet();

}  // namespace scorecard

#pragma once
// Use case: a council's report for a period, by one of its layouts, written in a format. The CLI
// (and later the web app and publishing) call these; the figures are the Position's.

#include <string>
#include <string_view>
#include <vector>

#include "app/position.h"
#include "app/result.h"
#include "reports/document.h"
#include "reports/report.h"

namespace scorecard {

// The formats a report is written in.
const std::vector<std::string_view>& ReportFormats();

// The layout `name` of the council (its default when `name` is empty), read and made into the
// report's document. Fails (kInvalid) with report.no-layout or report.unknown-layout, or with
// every issue in the layout or in what it asks of the council's data.
Result<ReportDocument> MakeReport(const Position& position, const std::string& name,
                                  const ReportOptions& options = {});

// Writes the document at `path` as `format` (html, pdf, xlsx: a file; csv: a folder of files)
// and returns the files written. Output depends only on the document: written twice, HTML, CSV
// and XLSX are byte-identical. `on_step` (if given) is told each step, for a progress line.
Result<std::vector<std::string>> WriteReport(const ReportDocument& document,
                                             std::string_view format, const std::string& path,
                                             void (*on_step)(std::string_view) = nullptr);

}  // namespace scorecard

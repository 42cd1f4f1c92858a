#pragma once
// Report layouts as a council's folder and workbook keep them (docs/interchange.md, "Report
// layouts"): the file reports/NAME.toml, or the sheet "report NAME". Only their names are checked
// here; a layout's text is carried untouched, for the reports layer to read (docs/reports.md).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/council.h"
#include "domain/issue.h"

namespace scorecard {

inline constexpr std::string_view kReportsFolder = "reports";
inline constexpr std::string_view kLayoutSheetPrefix = "report ";
// Excel's limit on a sheet's name, 31 characters, less the prefix.
inline constexpr size_t kMaxLayoutName = 24;

// "reports/quarterly.toml"
std::string LayoutFileName(std::string_view name);
// "report quarterly"
std::string LayoutSheetName(std::string_view name);

// Orders the layouts by name and adds an error, at the layout's file, for each name that is not
// one to kMaxLayoutName lower-case letters, digits and hyphens.
void CheckLayoutNames(std::vector<ReportLayoutText>* layouts, Issues* issues);

}  // namespace scorecard

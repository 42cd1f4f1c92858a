#include "io/report_layouts.h"

#include <algorithm>

namespace scorecard {

std::string LayoutFileName(std::string_view name) {
  return std::string(kReportsFolder) + "/" + std::string(name) + ".toml";
}

std::string LayoutSheetName(std::string_view name) {
  return std::string(kLayoutSheetPrefix) + std::string(name);
}

void CheckLayoutNames(std::vector<ReportLayoutText>* layouts, Issues* issues) {
  std::stable_sort(
      layouts->begin(), layouts->end(),
      [](const ReportLayoutText& a, const ReportLayoutText& b) { return a.name < b.name; });
  for (const ReportLayoutText& layout : *layouts) {
    const std::string& name = layout.name;
    bool plain = !name.empty() && std::ranges::all_of(name, [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!plain) {
      issues->push_back(MakeIssue("reports.name", {layout.file, 0, ""}, {{"name", name}}));
    } else if (name.size() > kMaxLayoutName) {
      issues->push_back(MakeIssue("reports.long-name", {layout.file, 0, ""},
                                  {{"name", name},
                                   {"length", std::to_string(name.size())},
                                   {"most", std::to_string(kMaxLayoutName)}}));
    }
  }
}

}  // namespace scorecard

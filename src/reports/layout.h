#pragma once
// A report layout (docs/reports.md): the title and contact block, what the report covers (its
// scope) and an ordered list of sections, each a type and its options. A council keeps its
// layouts as reports/NAME.toml; ParseLayout reads one and checks every section and option
// against the section types Scorecard has, so a misspelt option is an error, not passed over.

#include <cstdint>
#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/issue.h"

namespace scorecard {

// An option's value as the layout gave it, and the line it is on.
struct LayoutValue {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  std::variant<std::string, int64_t, bool, std::vector<std::string>, Pairs> value;
  int line = 0;
};

// One section of a layout: its type and options, checked against the type's options.
struct LayoutSection {
  std::string type;
  int line = 0;  // where the section starts in its file
  std::map<std::string, LayoutValue, std::less<>> options;

  // The option's value, or `otherwise` when the layout does not give it.
  // REQUIRES: the option, if given, has the kind asked for (ParseLayout checks every option).
  std::string Text(std::string_view name, std::string_view otherwise = "") const;
  bool Flag(std::string_view name, bool otherwise) const;
  int64_t Integer(std::string_view name, int64_t otherwise) const;
  std::vector<std::string> List(std::string_view name,
                                const std::vector<std::string>& otherwise = {}) const;
  LayoutValue::Pairs PairList(std::string_view name) const;
  bool Has(std::string_view name) const { return options.contains(name); }
  int LineOf(std::string_view name) const;  // the option's line, or the section's
};

// What a report covers: the whole plan, or one theme, portfolio or directorate, and perhaps its
// priority measures only.
struct LayoutScope {
  enum class Kind : uint8_t { kAll, kTheme, kPortfolio, kDirectorate };
  Kind kind = Kind::kAll;
  std::string value;  // the theme's id, the portfolio's or directorate's name
  bool priority_only = false;
  int line = 0;
};

struct ReportLayout {
  std::string name;  // "quarterly"
  std::string file;  // how messages name it: "reports/quarterly.toml"
  std::string title, subtitle;
  std::vector<std::string> contact;
  LayoutScope scope;
  std::vector<LayoutSection> sections;
};

// The layout, or every issue with it, each located at its line and key in `file`.
std::expected<ReportLayout, Issues> ParseLayout(std::string_view text, std::string name,
                                                std::string file);

// The section types a layout may use, in the order docs/reports.md lists them.
std::vector<std::string_view> SectionTypes();

}  // namespace scorecard

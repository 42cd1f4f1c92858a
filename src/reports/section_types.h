#pragma once
// The section types a layout may use: each one's options, with what each option may hold, and the
// function that makes the section from a council's position. docs/reports.md describes them.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/issue.h"

namespace scorecard {

struct LayoutSection;
struct ReportSection;
struct ReportContext;

enum class OptionKind : uint8_t { kText, kFlag, kInteger, kList, kPairs };

// How the kind is said in messages: "true or false".
std::string_view KindWords(OptionKind kind);

struct SectionOption {
  std::string_view name;
  OptionKind kind;
  std::vector<std::string_view> words;  // the words a text or list may hold; empty: any
  // For options whose words follow a pattern: why the word is not one, or nothing if it is.
  std::function<std::optional<std::string>(const std::string&)> check;
  bool required = false;
};

// Makes a section from the position; issues (a section that needs data the council lacks) are
// located at the section's line.
using SectionBuilder = void (*)(const ReportContext& context, const LayoutSection& layout,
                                ReportSection* section, Issues* issues);

struct SectionType {
  std::string_view type;
  std::string_view title;  // the heading when the layout gives none; may be empty
  std::vector<SectionOption> options;
  SectionBuilder build;

  const SectionOption* Find(std::string_view name) const;
  std::vector<std::string_view> OptionNames() const;
};

std::span<const SectionType> AllSectionTypes();
const SectionType* FindSectionType(std::string_view type);

}  // namespace scorecard

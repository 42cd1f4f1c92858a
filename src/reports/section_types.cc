#include "reports/section_types.h"

#include "reports/section_parts.h"

namespace scorecard {
namespace {

using K = OptionKind;

// Options every section takes: its heading, and the one theme of the report it covers.
void AddCommon(std::vector<SectionOption>* options) {
  options->push_back({"title", K::kText, {}, {}, false});
  options->push_back({"theme", K::kText, {}, {}, false});
}

const std::vector<std::string_view> kKinds = {"measure", "action", "project", "risk"};

std::vector<SectionType> MakeTypes() {
  std::vector<std::string_view> columns = ScorecardColumns();
  std::vector<SectionType> types = {
      {"title", "", {}, BuildTitle},
      {"details",
       "Document details",
       {{"rows", K::kPairs, {}, {}, false},
        {"generated", K::kFlag, {}, {}, false},
        {"contact", K::kFlag, {}, {}, false}},
       BuildDetails},
      {"text",
       "",
       {{"text", K::kText, {}, {}, true}, {"lead", K::kFlag, {}, {}, false}},
       BuildText},
      {"summary",
       "Summary",
       {{"by", K::kText, {"all", "theme", "portfolio", "directorate"}, {}, false},
        {"show", K::kText, {"statuses", "directions", "ratings", "items"}, {}, false},
        {"orientation", K::kText, {"rows", "columns"}, {}, false},
        {"percent", K::kFlag, {}, {}, false},
        {"total", K::kFlag, {}, {}, false},
        {"every-status", K::kFlag, {}, {}, false}},
       BuildSummary},
      {"headlines",
       "Headlines",
       {{"highlights", K::kFlag, {}, {}, false}, {"kinds", K::kList, kKinds, {}, false}},
       BuildHeadlines},
      {"red-flags",
       "Red flags",
       {{"style", K::kText, {"list", "table"}, {}, false}},
       BuildRedFlags},
      {"changes",
       "Changes since the last period",
       {{"kinds", K::kList, kKinds, {}, false},
        {"show", K::kText, {"all", "improved", "declined"}, {}, false}},
       BuildChanges},
      {"by-status",
       "",
       {{"statuses", K::kList, {}, {}, true},
        {"kinds", K::kList, {"measure", "action"}, {}, false}},
       BuildByStatus},
      {"scorecard",
       "Scorecard",
       {{"columns", K::kList, columns, {}, false},
        {"history", K::kList, {}, HistorySpecProblem, false},
        {"group-by", K::kText, {"theme", "node", "directorate", "portfolio", "none"}, {}, false},
        {"statuses", K::kList, {}, {}, false},
        {"caption", K::kText, {}, {}, false},
        {"highlight-portfolio", K::kText, {}, {}, false},
        {"highlight-word", K::kText, {}, {}, false}},
       BuildScorecard},
      {"exceptions",
       "Improvement report",
       {{"columns", K::kList, columns, {}, false},
        {"history", K::kList, {}, HistorySpecProblem, false},
        {"group-by", K::kText, {"theme", "node", "directorate", "portfolio", "none"}, {}, false},
        {"caption", K::kText, {}, {}, false}},
       BuildExceptions},
      {"milestones",
       "Actions and milestones",
       {{"kind", K::kText, {}, {}, false},
        {"quarters", K::kFlag, {}, {}, false},
        {"commentary", K::kFlag, {}, {}, false},
        {"caption", K::kText, {}, {}, false}},
       BuildMilestones},
      {"projects",
       "Projects",
       {{"commentary", K::kFlag, {}, {}, false}, {"caption", K::kText, {}, {}, false}},
       BuildProjects},
      {"risks",
       "Strategic risks",
       {{"kind", K::kText, {"threat", "opportunity"}, {}, false},
        {"table", K::kFlag, {}, {}, false},
        {"heat-map", K::kFlag, {}, {}, false},
        {"commentary", K::kFlag, {}, {}, false},
        {"caption", K::kText, {}, {}, false}},
       BuildRisks},
      {"chart",
       "",
       {{"measure", K::kText, {}, {}, false},
        {"group", K::kText, {}, {}, false},
        {"periods", K::kInteger, {}, {}, false},
        {"caption", K::kText, {}, {}, false}},
       BuildChart},
      {"key", "Key", {{"all-schemes", K::kFlag, {}, {}, false}}, BuildKey},
      {"publication-changes", "Changes since publication", {}, BuildPublicationChanges},
  };
  for (SectionType& t : types) AddCommon(&t.options);
  return types;
}

}  // namespace

std::string_view KindWords(OptionKind kind) {
  switch (kind) {
    case OptionKind::kText:
      return "words in quotes";
    case OptionKind::kFlag:
      return "true or false";
    case OptionKind::kInteger:
      return "a whole number, 0 or more";
    case OptionKind::kList:
      return "a list of words in quotes, [\"a\", \"b\"]";
    case OptionKind::kPairs:
      return "a list of pairs, [[\"name\", \"value\"], ...]";
  }
  return "";
}

const SectionOption* SectionType::Find(std::string_view name) const {
  for (const SectionOption& o : options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

std::vector<std::string_view> SectionType::OptionNames() const {
  std::vector<std::string_view> names;
  for (const SectionOption& o : options) names.push_back(o.name);
  return names;
}

std::span<const SectionType> AllSectionTypes() {
  static const std::vector<SectionType> types = MakeTypes();
  return types;
}

const SectionType* FindSectionType(std::string_view type) {
  for (const SectionType& t : AllSectionTypes()) {
    if (t.type == type) return &t;
  }
  return nullptr;
}

}  // namespace scorecard

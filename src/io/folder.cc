#include "io/folder.h"

#include "io/config.h"
#include "io/readers.h"

namespace scorecard {
namespace {

using TableReader = void (*)(const CsvTable&, Council*, Issues*);

struct TableFile {
  const char* name;
  bool required;
  TableReader read;
};

// In dependency order: each table may name items of the tables above it.
constexpr TableFile kTables[] = {
    {"framework.csv", false, ReadFramework},
    {"measures.csv", true, ReadMeasures},
    {"targets.csv", false, ReadTargets},
    {"values.csv", false, ReadValues},
    {"comparators.csv", false, ReadComparators},
    {"actions.csv", false, ReadActions},
    {"action_ratings.csv", false, ReadActionRatings},
    {"projects.csv", false, ReadProjects},
    {"project_assessments.csv", false, ReadProjectAssessments},
    {"risks.csv", false, ReadRisks},
    {"risk_scores.csv", false, ReadRiskScores},
};

}  // namespace

std::expected<Council, Issues> ReadFolder(const FileSource& source) {
  Council council;
  Issues issues;
  std::string error;
  std::optional<std::string> config = source.Read("scorecard.toml", &error);
  if (!config) {
    issues.push_back({"scorecard.toml", 0, "",
                      "expected this file: the organisation and its "
                      "status rules"});
  } else if (!error.empty()) {
    issues.push_back({"scorecard.toml", 0, "", error});
  } else {
    ReadConfig(*config, "scorecard.toml", &council, &issues);
  }
  for (const TableFile& table : kTables) {
    error.clear();
    std::optional<std::string> text = source.Read(table.name, &error);
    if (!text) {
      if (table.required) issues.push_back({table.name, 0, "", "expected this file"});
      continue;
    }
    if (!error.empty()) {
      issues.push_back({table.name, 0, "", error});
      continue;
    }
    CsvTable csv = ParseCsv(*text, table.name, &issues);
    table.read(csv, &council, &issues);
  }
  if (!issues.empty()) return std::unexpected(std::move(issues));
  return council;
}

}  // namespace scorecard

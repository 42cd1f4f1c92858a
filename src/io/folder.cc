#include "io/folder.h"

#include <map>

#include "io/config.h"
#include "io/readers.h"

namespace scorecard {
namespace {

using TableReader = void (*)(const CsvTable&, Council*, Issues*);

const std::map<std::string_view, TableReader>& Readers() {
  static const std::map<std::string_view, TableReader> kReaders = {
      {"framework", ReadFramework},
      {"measures", ReadMeasures},
      {"targets", ReadTargets},
      {"values", ReadValues},
      {"comparators", ReadComparators},
      {"actions", ReadActions},
      {"action_ratings", ReadActionRatings},
      {"projects", ReadProjects},
      {"project_assessments", ReadProjectAssessments},
      {"risks", ReadRisks},
      {"risk_scores", ReadRiskScores},
  };
  return kReaders;
}

}  // namespace

std::optional<std::string> FolderTableSource::Config(Issues* issues) const {
  std::string error;
  std::optional<std::string> text = files_.Read("scorecard.toml", &error);
  if (!text) {
    issues->push_back(
        {"scorecard.toml", 0, "", "expected this file: the organisation and its status rules"});
  } else if (!error.empty()) {
    issues->push_back({"scorecard.toml", 0, "", error});
    return std::nullopt;
  }
  return text;
}

std::optional<CsvTable> FolderTableSource::Table(const TableSpec& spec, Issues* issues) const {
  std::string file = std::string(spec.name) + ".csv";
  std::string error;
  std::optional<std::string> text = files_.Read(file, &error);
  if (!text) return std::nullopt;
  if (!error.empty()) {
    issues->push_back({file, 0, "", error});
    return std::nullopt;
  }
  return ParseCsv(*text, file, issues);
}

std::expected<Council, Issues> ReadCouncil(const TableSource& source) {
  Council council;
  Issues issues;
  if (std::optional<std::string> config = source.Config(&issues)) {
    ReadConfig(*config, source.ConfigName(), &council, &issues);
  }
  for (const TableSpec& spec : InterchangeTables()) {
    std::optional<CsvTable> table = source.Table(spec, &issues);
    if (!table) {
      if (spec.required_table) {
        issues.push_back({source.NameOf(spec), 0, "", "expected this table"});
      }
      continue;
    }
    Readers().at(spec.name)(*table, &council, &issues);
  }
  if (!issues.empty()) return std::unexpected(std::move(issues));
  return council;
}

}  // namespace scorecard

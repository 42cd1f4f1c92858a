#include "io/folder.h"

#include <algorithm>
#include <map>

#include "domain/text.h"
#include "io/config.h"
#include "io/readers.h"
#include "io/report_layouts.h"

namespace scorecard {
namespace {

struct TableReading {
  TableReader read;
  std::string_view needs;  // a table whose rows this one names; empty if none
};

const std::map<std::string_view, TableReading>& Readers() {
  static const std::map<std::string_view, TableReading> kReaders = {
      {"framework", {ReadFramework, ""}},
      {"measures", {ReadMeasures, ""}},
      {"targets", {ReadTargets, "measures"}},
      {"values", {ReadValues, "measures"}},
      {"comparators", {ReadComparators, "measures"}},
      {"actions", {ReadActions, ""}},
      {"action_ratings", {ReadActionRatings, "actions"}},
      {"projects", {ReadProjects, ""}},
      {"project_assessments", {ReadProjectAssessments, "projects"}},
      {"risks", {ReadRisks, ""}},
      {"risk_scores", {ReadRiskScores, "risks"}},
  };
  return kReaders;
}

// A file of reports/ read as a layout: NAME.toml, unless hidden or the user's own (x_).
bool IsLayoutFile(std::string_view name) {
  return name.ends_with(".toml") && !StartsWith(name, ".") && !StartsWith(name, "x_");
}

bool HasReportsFolder(const FileSource& files) {
  std::vector<std::string> listed = files.List("");
  return std::find(listed.begin(), listed.end(), std::string(kReportsFolder) + "/") != listed.end();
}

// An issue for everything in reports/ that is not a layout nor the user's own.
void CheckReportsFolder(const FileSource& files, Issues* issues) {
  std::vector<std::string> listed = files.List(std::string(kReportsFolder));
  std::sort(listed.begin(), listed.end());
  for (const std::string& name : listed) {
    if (IsLayoutFile(name) || StartsWith(name, "x_")) continue;
    std::string path = std::string(kReportsFolder) + "/" + name;
    if (StartsWith(name, ".")) {
      issues->push_back(MakeIssue("folder.hidden-file", {path, 0, ""}));
    } else {
      issues->push_back(MakeIssue("reports.unexpected-file", {path, 0, ""}));
    }
  }
}

// Reads the layouts into the council, its names checked.
void ReadLayouts(const TableSource& source, Council* council, Issues* issues) {
  std::optional<std::vector<ReportLayoutText>> layouts = source.Layouts(issues);
  if (!layouts) return;
  council->layouts = std::move(*layouts);
  CheckLayoutNames(&council->layouts, issues);
}

}  // namespace

const std::vector<std::string_view>& VerificationFiles() {
  static const std::vector<std::string_view> kFiles = {"expected.csv", "expected_counts.csv",
                                                       "known_differences.csv"};
  return kFiles;
}

std::optional<std::string> FolderTableSource::Config(Issues* issues) const {
  std::string error;
  std::optional<std::string> text = files_.Read("scorecard.toml", &error);
  if (text && !error.empty()) {
    issues->push_back(MakeIssue("folder.unreadable", {"scorecard.toml", 0, ""}, {{"why", error}}));
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
    issues->push_back(MakeIssue("folder.unreadable", {file, 0, ""}, {{"why", error}}));
    return std::nullopt;
  }
  return ParseCsv(std::move(*text), file, issues);
}

std::optional<std::vector<ReportLayoutText>> FolderTableSource::Layouts(Issues* issues) const {
  if (!HasReportsFolder(files_)) return std::nullopt;
  std::vector<ReportLayoutText> out;
  for (const std::string& name : files_.List(std::string(kReportsFolder))) {
    if (!IsLayoutFile(name)) continue;  // CheckNothingElse says what it is
    std::string file = std::string(kReportsFolder) + "/" + name;
    std::string error;
    std::optional<std::string> text = files_.Read(file, &error);
    if (!text) error = "it was removed while the folder was read";
    if (!error.empty()) {
      issues->push_back(MakeIssue("folder.unreadable", {file, 0, ""}, {{"why", error}}));
      continue;
    }
    out.push_back(
        {name.substr(0, name.size() - std::string_view(".toml").size()), std::move(*text), file});
  }
  return out;
}

void FolderTableSource::CheckNothingElse(Issues* issues) const {
  std::vector<std::string> names = {"scorecard.toml", std::string(kReportsFolder) + "/"};
  for (const TableSpec& spec : InterchangeTables())
    names.push_back(std::string(spec.name) + ".csv");
  for (std::string_view f : VerificationFiles()) names.emplace_back(f);
  std::vector<std::string_view> known(names.begin(), names.end());
  std::vector<std::string> listed = files_.List("");
  std::sort(listed.begin(), listed.end());
  for (const std::string& name : listed) {
    if (std::find(known.begin(), known.end(), name) != known.end() || StartsWith(name, "x_")) {
      continue;
    }
    if (StartsWith(name, "~$")) {
      issues->push_back(MakeIssue("folder.lock-file", {name, 0, ""}, {{"file", name.substr(2)}}));
    } else if (StartsWith(name, ".")) {
      issues->push_back(MakeIssue("folder.hidden-file", {name, 0, ""}));
    } else if (name.ends_with("/")) {
      issues->push_back(MakeIssue("folder.unexpected-folder", {name, 0, ""}));
    } else if (std::string nearest = NearestName(name, known); !nearest.empty()) {
      issues->push_back(MakeIssue("folder.unexpected-file", {name, 0, ""}, {{"nearest", nearest}}));
    } else {
      issues->push_back(MakeIssue("folder.unknown-file", {name, 0, ""}));
    }
  }
  if (HasReportsFolder(files_)) CheckReportsFolder(files_, issues);
}

std::expected<Council, Issues> ReadCouncil(const TableSource& source, Issues* warnings) {
  Council council;
  Issues issues;
  source.CheckNothingElse(&issues);
  // Before the configuration, whose [reports] default names one of them; said after it.
  Issues layout_issues;
  ReadLayouts(source, &council, &layout_issues);
  size_t before = issues.size();
  if (std::optional<std::string> config = source.Config(&issues)) {
    ReadConfig(*config, source.ConfigName(), &council, &issues);
  } else if (issues.size() == before) {
    issues.push_back(source.MissingConfig());
  }
  issues.insert(issues.end(), layout_issues.begin(), layout_issues.end());
  // Tables absent, or whose columns could not be read: a table naming their rows is not read,
  // since it would only repeat that, row by row.
  std::map<std::string_view, bool> unread;  // by name: true when absent
  for (const TableSpec& spec : InterchangeTables()) {
    const TableReading& reading = Readers().at(spec.name);
    auto needed = unread.find(reading.needs);
    Issues* table_issues = needed == unread.end() ? &issues : nullptr;
    Issues ignored;  // the table's own problems, when it is not read for want of another
    std::optional<CsvTable> table = source.Table(spec, table_issues ? table_issues : &ignored);
    if (!table) {
      if (spec.required_table) {
        issues.push_back(MakeIssue("folder.no-table", {source.NameOf(spec), 0, ""}));
      }
      unread[spec.name] = true;
    } else if (needed != unread.end()) {
      // Without the table it names, only an absent one needs saying: an unreadable one has.
      if (needed->second && !SpecOf(needed->first).required_table) {
        issues.push_back(MakeIssue("folder.needs-table", {source.NameOf(spec), 0, ""},
                                   {{"needs", source.NameOf(SpecOf(needed->first))}}));
      }
      unread[spec.name] = false;
    } else if (!reading.read(*table, &council, &issues)) {
      unread[spec.name] = false;
    }
  }
  if (HasErrors(issues)) {
    // That a figure has no target is said once the council reads: beside an error (a misnamed
    // targets.csv, a target row refused) it could only mislead.
    std::erase_if(issues, [](const Issue& i) { return i.code == "values.no-target"; });
    return std::unexpected(std::move(issues));
  }
  SplitWarnings(issues, warnings);
  return council;
}

}  // namespace scorecard

#pragma once
// Everything Scorecard knows about one council: its settings, status schemes, framework and
// items. Plain data; the engine (assessment.h, summary.h) reads it.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/action.h"
#include "domain/framework.h"
#include "domain/measure.h"
#include "domain/period.h"
#include "domain/project.h"
#include "domain/risk.h"
#include "domain/status_scheme.h"

namespace scorecard {

struct Organisation {
  std::string name, code;
  std::string scheme;  // default status scheme
  // The default forecast method, for the measures it suits (docs/adr/0009-forecast-methods.md).
  std::optional<ForecastMethod> forecast;
  std::optional<Period> reporting_period;
};

// A report layout (docs/reports.md) as the council keeps it: a name and its TOML text, carried
// untouched from folder to workbook to database and back; the reports layer reads the text.
struct ReportLayoutText {
  std::string name;  // "quarterly": lower-case letters, digits and hyphens
  std::string text;
  // Where it came from, as messages name it: "reports/quarterly.toml",
  // "derby.xlsx [report quarterly]", "reports/quarterly.toml (database)".
  std::string file;
};

struct Council {
  Organisation organisation;
  std::map<std::string, StatusScheme, std::less<>> schemes;  // defined in configuration
  std::array<StatusLabel, kActionRatingCount> action_labels;
  std::vector<RiskBand> risk_bands = DefaultRiskBands();
  Framework framework;
  std::vector<Measure> measures;  // in printed order
  std::vector<Action> actions;
  std::vector<Project> projects;
  std::vector<Risk> risks;
  std::vector<ReportLayoutText> layouts;  // by name
  std::string default_layout;             // [reports] default; empty if none

  Council();
  // The scheme by name: the council's own, else a built-in one; null if neither.
  const StatusScheme* FindScheme(std::string_view name) const;
  // The scheme a measure is assessed by. REQUIRES: the reader checked it exists.
  const StatusScheme& SchemeFor(const Measure& measure) const;
  const Measure* FindMeasure(std::string_view ref) const;
  Measure* FindMeasure(std::string_view ref);
  // The layout of this name, or null.
  const ReportLayoutText* FindLayout(std::string_view name) const;
  // Measures that are parts of `ref`.
  std::vector<const Measure*> PartsOf(std::string_view ref) const;
  // A parent measure with no values of its own and no roll-up rule is a heading for its parts,
  // not assessed itself.
  bool IsHeading(const Measure& measure) const;
  // A parent whose status comes from its parts' (rollup worst or all-met).
  bool RollsUp(const Measure& measure) const;
  // Summaries count a part only when its parent is not assessed itself (a heading or a group):
  // an assessed parent, by its own figure or rolled up, is counted in place of its parts.
  bool IsCountedInSummaries(const Measure& measure) const;
  // Rebuilds the ref index; call after changing `measures`.
  void Index();

 private:
  std::unordered_map<std::string, size_t> measure_index_;
  std::unordered_map<std::string, std::vector<size_t>> parts_index_;
};

}  // namespace scorecard

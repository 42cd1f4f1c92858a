#pragma once
// The engine: for a reporting period, each measure's status, direction of travel, forecast and
// forecast status, each with its reason in words. One place computes a status; the CLI, reports
// and (later) the web ask it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/council.h"
#include "domain/direction.h"

namespace scorecard {

// A status as shown: key, label and symbol (never colour alone) and the reason in words.
struct Status {
  std::string key, label, symbol, colour;
  std::string reason;
  bool is_band = false;      // earned by a band (not a special status)
  bool overridden = false;   // an officer's judgement replaced the computed status
  std::string computed_key;  // when overridden: what the rule gives
};

struct DirectionOfTravel {
  Direction direction = Direction::kNotApplicable;
  std::optional<Period> compared_with;
  std::optional<double> compared_value;
  int compared_decimals = -1;  // as compared_value was written
  std::string reason;
};

// The year-end forecast: the officer's, or computed by the measure's forecast method (see
// docs/adr/0009-forecast-methods.md).
struct Forecast {
  std::optional<double> value;
  int decimals = -1;      // as the officer wrote it; -1 when computed
  std::string text;       // the officer's forecast of a text measure ("On track")
  bool computed = false;  // false: the officer's forecast
  // What it is: "officer", "outturn" (the year's own figure, at the year end), or the method
  // that computed it ("pro-rata", "profile", "trend", "latest"; without a value when the method
  // could not be applied); "none" when computed forecasts are off; "parts" for a parent rolled
  // up from its parts; empty when there is no figure this year to forecast from.
  std::string method_key;
  std::string method;          // in words: how it was computed, or why there is none
  bool held_at_bound = false;  // computed beyond the measure's minimum or maximum, held there
};

// A resolved target: a number, or the special status that stands in for one.
struct ResolvedTarget {
  std::optional<double> value;
  int decimals = -1;  // as the target was written; -1 when computed
  std::optional<SpecialStatus> special;
  bool missing = false;  // no target row at all (rather than one saying why there is none)
  std::string reason;    // where it came from, or why there is none
};

struct MeasureAssessment {
  const Measure* measure = nullptr;
  Period reporting;
  Period period;                        // the measure's period this report shows
  const MeasureValue* value = nullptr;  // the value row for `period`, if any
  std::optional<double> number;         // the figure assessed
  ResolvedTarget target;                // for `period`
  std::optional<double> deviation;      // signed: positive is better than target
  Status status;
  DirectionOfTravel dot;
  Period year;  // the year the forecast is for
  Forecast forecast;
  ResolvedTarget annual_target;
  std::optional<double> forecast_deviation;
  Status forecast_status;
};

// The period a report shows for a measure and the value row recorded for it (null if none): see
// docs/adr/0005-which-figure-a-report-shows.md.
struct ShownFigure {
  Period period;
  const MeasureValue* value = nullptr;
};
ShownFigure FigureShown(const Measure& measure, const Period& reporting);

class Assessor {
 public:
  // How much of an assessment to make. The previous report needs only each measure's status,
  // period and direction of travel (for red flags and status changes): without its forecasts it
  // is made in about half the time.
  enum class Scope { kFull, kWithoutForecasts };

  // REQUIRES: `council` outlives the assessor and its assessments. With kWithoutForecasts the
  // assessments' annual_target, forecast and forecast_status are left empty.
  explicit Assessor(const Council& council, Scope scope = Scope::kFull)
      : council_(council), scope_(scope) {}

  // A parent with a roll-up rule (Council::RollsUp) is assessed from its parts' assessments:
  // see docs/adr/0008-parent-measures-roll-up.md.
  MeasureAssessment Assess(const Measure& measure, const Period& reporting) const;
  // Every measure except headings (parents with no values of their own), in order.
  std::vector<MeasureAssessment> AssessAll(const Period& reporting) const;

  // The target that applies to the measure in `period` (see docs/interchange.md).
  ResolvedTarget TargetFor(const Measure& measure, const Period& period) const;
  // The status a figure earns against a target under the measure's scheme.
  Status StatusOf(const Measure& measure, double number, const ResolvedTarget& target,
                  std::optional<double>* deviation, int number_decimals = -1) const;

 private:
  ResolvedTarget Resolve(const Measure& measure, const Target& target, const Period& period) const;
  Status Special(const StatusScheme& scheme, SpecialStatus special, std::string reason) const;
  Status CurrentStatus(const MeasureAssessment& a, const MeasureValue* report_row,
                       std::optional<double>* deviation) const;
  DirectionOfTravel TravelOf(const MeasureAssessment& a) const;
  MeasureAssessment AssessFromParts(const Measure& parent, const Period& reporting) const;
  // The parent's status (or forecast status) from its parts' under its roll-up rule.
  Status RolledUp(const Measure& parent, const std::vector<MeasureAssessment>& parts,
                  Status MeasureAssessment::*which) const;
  // The parts with a direction vote: improved or worse by the majority, stable on a tie.
  static DirectionOfTravel DirectionFromParts(const std::vector<MeasureAssessment>& parts);
  // REQUIRES: a.annual_target resolved.
  Forecast ForecastOf(const MeasureAssessment& a, const MeasureValue* report_row) const;
  // The method that computes the measure's forecast: its own; else the council's default where
  // that suits the measure; else the automatic choice by its accumulation.
  ForecastMethod MethodFor(const MeasureAssessment& a) const;
  // Forecast from this year's figures; `elapsed` of `total` months of the year have passed.
  Forecast TrendForecast(const MeasureAssessment& a, int elapsed, int total) const;
  void ApplyOverride(const StatusScheme& scheme, const std::string& key, const std::string& reason,
                     Status& status) const;

  const Council& council_;
  Scope scope_;
};

// A level rather than a sum (snapshot, rolling, average, a percentage or a rate), or an annual
// measure: a year's target also applies within the year, and a trend is its value at the year end.
bool AnnualTargetAppliesInYear(const Measure& measure);

// The value shown for a figure, in the measure's unit and decimals, with thousands separators
// ("82.0%", "14.3 days", "£11,127,609.70"). `given_decimals`: as the figure was written, -1 for
// a computed one (see Measure::DecimalsFor).
std::string FormatValue(const Measure& measure, double value, int given_decimals = -1);
// The same in two steps: the number alone, in the measure's decimals, as CSV writes it
// ("11127609.70"); and that number as people read it ("£11,127,609.70").
std::string PlainValue(const Measure& measure, double value, int given_decimals = -1);
std::string InUnit(const Measure& measure, std::string_view plain);

}  // namespace scorecard

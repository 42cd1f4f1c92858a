#include "domain/assessment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "domain/text.h"

namespace scorecard {
namespace {

std::string_view PolarityWords(Polarity p) {
  return p == Polarity::kHigherIsBetter ? "higher is better" : "lower is better";
}

}  // namespace

bool AnnualTargetAppliesInYear(const Measure& m) {
  if (m.frequency == Frequency::kAnnual || m.frequency == Frequency::kBiennial) return true;
  switch (m.accumulation) {
    case Accumulation::kSnapshot:
    case Accumulation::kRolling:
    case Accumulation::kAverage:
      return true;
    case Accumulation::kCumulative:
      return false;
    case Accumulation::kDiscrete:
      return m.is_percentage() || m.is_rate();
  }
  return false;
}

namespace {

bool HasFigure(const Measure& m, const MeasureValue& v) {
  return v.number.has_value() || (m.is_text() && !v.words().text.empty());
}

// The row a report's officer override is read from: the shown period's, else the report's own.
const MeasureValue* OverrideRow(const MeasureValue* shown, const MeasureValue* report_row,
                                std::string ValueWords::*field) {
  if (shown && !(shown->words().*field).empty()) return shown;
  if (report_row && !(report_row->words().*field).empty()) return report_row;
  return nullptr;
}

// The row recorded for the reporting period itself when the report shows another period.
const MeasureValue* ReportRow(const Measure& m, const Period& shown, const Period& reporting) {
  if (shown == reporting) return nullptr;
  const MeasureValue* row = nullptr;
  for (const MeasureValue& v : m.values) {
    if (v.period == reporting) row = &v;
  }
  return row;
}

}  // namespace

ShownFigure FigureShown(const Measure& m, const Period& reporting) {
  Period expected = CurrentPeriod(m.frequency, m.year, m.lag_months, reporting);
  ShownFigure shown{expected, m.ValueFor(expected)};
  // A newer figure available by then takes its place (an annual measure's in-year figure).
  Date available_by = EndOfMonthShifted(reporting.end(), -m.lag_months);
  for (const MeasureValue& v : m.values) {
    if (HasFigure(m, v) && v.period.end() > shown.period.end() && v.period.end() <= available_by) {
      shown = {v.period, &v};
    }
  }
  // A council may label a figure in arrears with the report that published it: when nothing at
  // all is recorded for the period the lag leads to, a figure for a period ending with the
  // report stands for it.
  if (m.lag_months > 0 && !shown.value) {
    for (const MeasureValue& v : m.values) {
      if (HasFigure(m, v) && v.period.end() == reporting.end()) shown = {v.period, &v};
    }
  }
  return shown;
}

std::string_view ToString(Direction d) {
  switch (d) {
    case Direction::kImproved:
      return "improved";
    case Direction::kStable:
      return "stable";
    case Direction::kWorse:
      return "worse";
    case Direction::kNotApplicable:
      return "not-applicable";
  }
  return "?";
}

std::string PlainValue(const Measure& m, double value, int given_decimals) {
  int decimals = m.DecimalsFor(given_decimals);
  std::string n = FormatDecimal(value, decimals >= 0 ? decimals : 2);
  if (decimals < 0 && n.find('.') != std::string::npos) {  // as few places as it needs
    while (n.back() == '0') n.pop_back();
    if (n.back() == '.') n.pop_back();
  }
  return n;
}

std::string InUnit(const Measure& m, std::string_view plain) {
  std::string n(plain);
  size_t digits = n.find('.');
  if (digits == std::string::npos) digits = n.size();
  size_t first = n[0] == '-' ? 1 : 0;
  for (size_t at = digits; at > first + 3; at -= 3) n.insert(at - 3, ",");
  if (m.unit.empty() || m.unit == "count") return n;
  if (m.unit == "%") return n + "%";
  if (m.unit == "\xC2\xA3") return "\xC2\xA3" + n;
  if (m.unit == "\xC2\xA3m") return "\xC2\xA3" + n + "m";
  return n + " " + m.unit;
}

std::string FormatValue(const Measure& m, double value, int given_decimals) {
  return InUnit(m, PlainValue(m, value, given_decimals));
}

// --- Targets -------------------------------------------------------------------------------

ResolvedTarget Assessor::Resolve(const Measure& m, const Target& t, const Period& period) const {
  ResolvedTarget r;
  std::string where = t.period.ToString();
  switch (t.kind) {
    case TargetKind::kValue:
      r.value = t.value;
      r.decimals = t.decimals;
      r.reason = fmt::format("the {} target of {}", where, FormatValue(m, *t.value, t.decimals));
      return r;
    case TargetKind::kNone:
      r.special = SpecialStatus::kNoTarget;
      r.reason = fmt::format("no target is set for {}{}", where,
                             t.text.empty() ? "" : " (\"" + t.text + "\")");
      return r;
    case TargetKind::kBaseline:
      r.special = SpecialStatus::kBaseline;
      r.reason = fmt::format("{} is a baseline year", where);
      return r;
    case TargetKind::kTbc:
      r.special = SpecialStatus::kTbc;
      r.reason = fmt::format("the {} target is to be confirmed", where);
      return r;
    case TargetKind::kUnderDevelopment:
      r.special = SpecialStatus::kUnderDevelopment;
      r.reason = fmt::format("the {} target is under development", where);
      return r;
    case TargetKind::kComparator:
      if (const ComparatorFigure* c = m.ComparatorFor(period, t.comparator)) {
        r.value = c->value;
        r.decimals = c->decimals;
        r.reason = fmt::format("the {} figure of {} for {}", t.comparator,
                               FormatValue(m, c->value, c->decimals), c->period.ToString());
      } else if (t.value) {
        r.value = t.value;
        r.decimals = t.decimals;
        r.reason = fmt::format("the {} figure of {} stated with the target", t.comparator,
                               FormatValue(m, *t.value, t.decimals));
      } else {
        r.special = SpecialStatus::kNotAvailable;
        r.reason = fmt::format("the target is the {} figure, which is not held for {}",
                               t.comparator, period.ToString());
      }
      return r;
    case TargetKind::kChange: {
      const MeasureValue* base = m.ValueFor(*t.baseline);
      if (!base || !base->number) {
        r.special = SpecialStatus::kNotAvailable;
        r.reason = fmt::format("the target is a change on {}, whose value is not held",
                               t.baseline->ToString());
        return r;
      }
      double b = *base->number;
      r.value = t.change_is_fraction ? b * (1 + t.change) : b + t.change;
      r.reason = fmt::format(
          "{} on the {} value of {}: {}",
          t.change_is_fraction ? FormatDeviation(t.change, DeviationKind::kRelative)
                               : FormatDeviation(t.change, DeviationKind::kAbsolute),
          t.baseline->ToString(), FormatValue(m, b, base->decimals), FormatValue(m, *r.value));
      return r;
    }
  }
  return r;
}

ResolvedTarget Assessor::TargetFor(const Measure& m, const Period& period) const {
  if (const Target* t = m.TargetFor(period)) return Resolve(m, *t, period);
  Period year = YearContaining(m.year, period.end());
  const Target* annual = m.TargetFor(year);
  // A year with no number to aim at (none, baseline, tbc, ...) says so at every period.
  bool says_why_none = annual && !annual->value && annual->kind != TargetKind::kComparator &&
                       annual->kind != TargetKind::kChange;
  if (annual && (says_why_none || AnnualTargetAppliesInYear(m) || year.end() == period.end())) {
    return Resolve(m, *annual, period);
  }
  ResolvedTarget r;
  r.special = SpecialStatus::kNoTarget;
  r.missing = true;
  r.reason = annual ? fmt::format("no target is set for {}; the {} target is for the year end",
                                  period.ToString(), year.ToString())
                    : fmt::format("no target is set for {}", period.ToString());
  return r;
}

// --- Status --------------------------------------------------------------------------------

Status Assessor::Special(const StatusScheme& scheme, SpecialStatus special,
                         std::string reason) const {
  const StatusLabel& l = scheme.Special(special);
  return Status{l.key, l.label, l.symbol, l.colour, std::move(reason), false, false, ""};
}

Status Assessor::StatusOf(const Measure& m, double number, const ResolvedTarget& target,
                          std::optional<double>* deviation, int number_decimals) const {
  const StatusScheme& scheme = council_.SchemeFor(m);
  if (target.special) return Special(scheme, *target.special, target.reason);
  if (m.polarity == Polarity::kNone) {
    return Special(scheme, SpecialStatus::kNoTarget,
                   "there is no good or bad performance for this measure");
  }
  double d = scheme.DeviationOf(number, *target.value, m.polarity);
  if (deviation) *deviation = d;
  size_t band = scheme.BandFor(d);
  const StatusLabel& l = scheme.bands[band].status;
  std::string reason =
      fmt::format("{} against {} ({}): deviation {}; {} is {}",
                  FormatValue(m, number, number_decimals), target.reason, PolarityWords(m.polarity),
                  FormatDeviation(d, scheme.deviation), l.key, scheme.DescribeBand(band));
  return Status{l.key, l.label, l.symbol, l.colour, std::move(reason), true, false, ""};
}

void Assessor::ApplyOverride(const StatusScheme& scheme, const std::string& key,
                             const std::string& reason, Status& status) const {
  const StatusLabel* l = scheme.Find(key);
  if (auto special = ParseSpecialKey(key); special && !l) l = &scheme.Special(*special);
  std::string computed = status.key;
  std::string computed_reason = status.reason;
  status.key = key;
  status.label = l ? l->label : key;
  status.symbol = l ? l->symbol : "";
  status.colour = l ? l->colour : "";
  status.is_band = scheme.Rank(key) < static_cast<int>(scheme.bands.size());
  status.overridden = true;
  status.computed_key = computed;
  status.reason = fmt::format("officer override: {} (the rule gives {}: {})", reason, computed,
                              computed_reason);
}

Status Assessor::CurrentStatus(const MeasureAssessment& a, const MeasureValue* report_row,
                               std::optional<double>* deviation) const {
  const Measure& m = *a.measure;
  const StatusScheme& scheme = council_.SchemeFor(m);
  std::string p = a.period.ToString();
  Status s;
  const MeasureValue* v = a.value;
  uint16_t flags = (v ? v->flags : 0) | (report_row ? report_row->flags : 0);
  if (a.number && m.is_text()) {
    s = Special(scheme, SpecialStatus::kNoTarget, "a text measure is not assessed by bands");
  } else if (a.number && a.target.missing && a.period.end() < a.year.start()) {
    s = Special(scheme, SpecialStatus::kNotDue,
                fmt::format("the {} figure is not yet due; {} shows the {} outturn, for which no "
                            "target is held",
                            a.year.ToString(), a.reporting.ToString(), p));
  } else if (a.number) {
    s = StatusOf(m, *a.number, a.target, deviation, a.value->decimals);
  } else if (flags & kFlagUnderDevelopment) {
    s = Special(scheme, SpecialStatus::kUnderDevelopment,
                fmt::format("the {} figure is flagged as under development", p));
  } else if (flags & kFlagNotDue) {
    s = Special(scheme, SpecialStatus::kNotDue, fmt::format("the {} figure is not due", p));
  } else if (flags & (kFlagNotAvailable | kFlagAwaiting)) {
    s = Special(scheme, SpecialStatus::kNotAvailable,
                fmt::format("the figure is flagged as {}", ValueFlagsToString(flags)));
  } else if (v && v->number.has_value() == false && !v->words().text.empty() && m.is_text()) {
    s = Special(scheme, SpecialStatus::kNoTarget, "a text measure is not assessed by bands");
  } else if (PeriodContaining(m.frequency, m.year, a.reporting.end()).end() > a.reporting.end() &&
             !v) {
    s = Special(scheme, SpecialStatus::kNotDue,
                fmt::format("a {} measure: no figure for {} is held and the {} period is not over",
                            ToString(m.frequency), p,
                            PeriodContaining(m.frequency, m.year, a.reporting.end()).ToString()));
  } else {
    s = Special(scheme, SpecialStatus::kNotAvailable, fmt::format("no figure is held for {}", p));
  }
  if (const MeasureValue* with_override = OverrideRow(v, report_row, &ValueWords::status)) {
    ApplyOverride(scheme, with_override->words().status, with_override->words().status_reason, s);
  }
  return s;
}

// --- Direction of travel -------------------------------------------------------------------

DirectionOfTravel Assessor::TravelOf(const MeasureAssessment& a) const {
  const Measure& m = *a.measure;
  const StatusScheme& scheme = council_.SchemeFor(m);
  DotBasis basis = m.dot.value_or(scheme.dot);
  DirectionOfTravel dot;
  if (m.polarity == Polarity::kNone) {
    dot.reason = "there is no good or bad performance for this measure";
    return dot;
  }
  if (!a.number || m.is_text()) {
    dot.reason = fmt::format("no figure for {}", a.period.ToString());
    return dot;
  }
  Period other;
  switch (basis) {
    case DotBasis::kPreviousPeriod:
      other = a.period.Previous();
      break;
    case DotBasis::kPreviousReport: {
      // What the last report showed: a figure recorded for its period itself (a monthly
      // measure's quarter-end figure), else the measure's own period at that report.
      Period last = a.reporting.Previous();
      const MeasureValue* recorded = m.ValueFor(last);
      other = recorded && recorded->period == last && !(last == a.period)
                  ? last
                  : FigureShown(m, last).period;
      break;
    }
    case DotBasis::kSamePeriodLastYear:
      other = a.period.SameLastYear();
      break;
    case DotBasis::kLastYearOutturn:
      other = YearContaining(m.year, a.period.end()).Previous();
      break;
  }
  dot.compared_with = other;
  if (other == a.period) {  // an annual measure mid-year shows last time's figure again
    dot.reason = fmt::format("no newer figure than {} since the last report", other.ToString());
    return dot;
  }
  const MeasureValue* prev = m.ValueFor(other);
  if (!prev || !prev->number) {
    dot.reason =
        fmt::format("no figure for {} to compare with ({})", other.ToString(), ToString(basis));
    return dot;
  }
  double now = *a.number, then = *prev->number;
  dot.compared_value = then;
  dot.compared_decimals = prev->decimals;
  dot.direction = DirectionBetween(now, then, m.polarity, scheme);
  dot.reason = fmt::format("{} in {} against {} in {} ({}; {}); stable within {}",
                           FormatValue(m, now, a.value->decimals), a.period.ToString(),
                           FormatValue(m, then, prev->decimals), other.ToString(), ToString(basis),
                           PolarityWords(m.polarity),
                           scheme.deviation == DeviationKind::kRelative
                               ? FormatNumber(scheme.stable_within * 100) + "%"
                               : FormatNumber(scheme.stable_within));
  return dot;
}

// --- Putting it together -------------------------------------------------------------------

MeasureAssessment Assessor::Assess(const Measure& m, const Period& reporting) const {
  if (council_.RollsUp(m)) return AssessFromParts(m, reporting);
  MeasureAssessment a;
  a.measure = &m;
  a.reporting = reporting;
  ShownFigure shown = FigureShown(m, reporting);
  a.period = shown.period;
  a.value = shown.value;
  const MeasureValue* report_row = ReportRow(m, a.period, reporting);
  if (a.value && a.value->number) a.number = a.value->number;
  if (m.is_text() && a.value && !a.value->words().text.empty()) a.number = 0;
  a.target = TargetFor(m, a.period);
  a.year = YearContaining(m.year, reporting.end());
  a.status = CurrentStatus(a, report_row, &a.deviation);
  if (m.is_text()) a.number.reset();
  a.dot = TravelOf(a);
  if (scope_ == Scope::kWithoutForecasts) return a;

  const StatusScheme& scheme = council_.SchemeFor(m);
  if (const Target* t = m.TargetFor(a.year)) {
    a.annual_target = Resolve(m, *t, a.year);
  } else {
    a.annual_target.special = SpecialStatus::kNoTarget;
    a.annual_target.reason = fmt::format("no {} target is set", a.year.ToString());
  }
  a.forecast = ForecastOf(a, report_row);
  if (a.forecast.value) {
    a.forecast_status =
        StatusOf(m, *a.forecast.value, a.annual_target, &a.forecast_deviation, a.forecast.decimals);
    a.forecast_status.reason =
        fmt::format("forecast ({}) {}", a.forecast.method, a.forecast_status.reason);
  } else {
    std::string why =
        !a.forecast.text.empty()
            ? fmt::format("the officer's forecast for {}, \"{}\", is words, not a figure",
                          a.year.ToString(), a.forecast.text)
            : fmt::format("no forecast for {}{}", a.year.ToString(),
                          a.forecast.method.empty() ? "" : ": " + a.forecast.method);
    a.forecast_status = Special(scheme, SpecialStatus::kNotAvailable, std::move(why));
  }
  if (const MeasureValue* row = OverrideRow(a.value, report_row, &ValueWords::forecast_status)) {
    ApplyOverride(scheme, row->words().forecast_status, row->words().status_reason,
                  a.forecast_status);
  }
  return a;
}

// --- Parents rolled up from their parts -----------------------------------------------------

MeasureAssessment Assessor::AssessFromParts(const Measure& m, const Period& reporting) const {
  MeasureAssessment a;
  a.measure = &m;
  a.reporting = reporting;
  a.year = YearContaining(m.year, reporting.end());
  a.target.reason = a.annual_target.reason = "its parts' targets apply";
  std::vector<MeasureAssessment> parts;
  for (const Measure* part : council_.PartsOf(m.ref)) parts.push_back(Assess(*part, reporting));
  // It shows the newest of its parts' periods, and its own row for that period carries its
  // commentary and any override.
  a.period = FigureShown(m, reporting).period;
  for (const MeasureAssessment& p : parts) a.period = std::max(a.period, p.period);
  a.value = m.ValueFor(a.period);
  a.status = RolledUp(m, parts, &MeasureAssessment::status);
  a.dot = DirectionFromParts(parts);
  const StatusScheme& scheme = council_.SchemeFor(m);
  const MeasureValue* report_row = ReportRow(m, a.period, reporting);
  if (const MeasureValue* row = OverrideRow(a.value, report_row, &ValueWords::status)) {
    ApplyOverride(scheme, row->words().status, row->words().status_reason, a.status);
  }
  if (scope_ == Scope::kWithoutForecasts) return a;
  a.forecast_status = RolledUp(m, parts, &MeasureAssessment::forecast_status);
  a.forecast.method_key = "parts";
  a.forecast.method = "its parts are forecast, not the parent";
  if (const MeasureValue* row = OverrideRow(a.value, report_row, &ValueWords::forecast_status)) {
    ApplyOverride(scheme, row->words().forecast_status, row->words().status_reason,
                  a.forecast_status);
  }
  return a;
}

std::vector<MeasureAssessment> Assessor::AssessAll(const Period& reporting) const {
  std::vector<MeasureAssessment> out;
  out.reserve(council_.measures.size());
  for (const Measure& m : council_.measures) {
    if (!council_.IsHeading(m)) out.push_back(Assess(m, reporting));
  }
  return out;
}

}  // namespace scorecard

#include "domain/measure.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "domain/text.h"

namespace scorecard {
namespace {

template <typename T>
void SortVector(std::vector<T>& v) {
  std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.period < b.period; });
}

struct FlagName {
  uint16_t bit;
  std::string_view name;
};
constexpr std::array<FlagName, 7> kFlagNames = {{
    {kFlagProvisional, "provisional"},
    {kFlagEstimated, "estimated"},
    {kFlagCorrection, "correction"},
    {kFlagAwaiting, "awaiting"},
    {kFlagNotAvailable, "not-available"},
    {kFlagNotDue, "not-due"},
    {kFlagUnderDevelopment, "under-development"},
}};

}  // namespace

const MeasureValue* Measure::ValueFor(const Period& period) const {
  auto has_figure = [](const MeasureValue& v) { return v.number || !v.words().text.empty(); };
  const MeasureValue* exact = nullptr;
  const MeasureValue* same_end = nullptr;  // with a figure; prefers a finer period over a year
  for (const MeasureValue& v : values) {
    if (v.period == period) exact = &v;
    if (accumulation != Accumulation::kDiscrete && !(v.period == period) && has_figure(v) &&
        v.period.end() == period.end() && (!same_end || same_end->period.is_year())) {
      same_end = &v;
    }
  }
  if (exact && (has_figure(*exact) || !same_end)) return exact;
  return same_end;
}

const Target* Measure::TargetFor(const Period& period) const {
  for (const Target& t : targets) {
    if (t.period == period) return &t;
  }
  return nullptr;
}

const ComparatorFigure* Measure::ComparatorFor(const Period& period, std::string_view name) const {
  const ComparatorFigure* best = nullptr;
  for (const ComparatorFigure& c : comparators) {
    // The latest figure in force by the period's end (a year's figure applies within it).
    if (c.name == name && c.period.start() <= period.end()) best = &c;
  }
  return best;
}

int Measure::DecimalsFor(int given) const {
  if (decimals >= 0) return decimals;
  if (given >= 0) return given;
  return usual_decimals >= 0 ? std::min(usual_decimals, 2) : -1;
}

bool Measure::is_rate() const { return StartsWith(unit, "per "); }

std::optional<double> Measure::Minimum() const {
  if (min) return std::isinf(*min) ? std::nullopt : min;
  if (is_percentage()) return 0.0;
  return std::nullopt;
}

std::optional<double> Measure::Maximum() const {
  if (max) return std::isinf(*max) ? std::nullopt : max;
  if (is_percentage()) return 100.0;
  return std::nullopt;
}

std::string Measure::WhyNotProRata() const {
  if (is_text()) return "a text measure";
  if (is_percentage()) return "a percentage";
  if (is_rate()) return "a rate (" + unit + ")";
  switch (accumulation) {
    case Accumulation::kAverage:
      return "an average";
    case Accumulation::kSnapshot:
      return "a snapshot (a level at the period's end)";
    case Accumulation::kRolling:
      return "a rolling 12-month figure";
    case Accumulation::kCumulative:
    case Accumulation::kDiscrete:
      break;
  }
  return "";
}

void Measure::SortByPeriod() {
  SortVector(targets);
  SortVector(values);
  SortVector(comparators);
}

std::expected<Polarity, std::string> ParsePolarity(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s == "higher" || s == "high" || s == "up") return Polarity::kHigherIsBetter;
  if (s == "lower" || s == "low" || s == "down") return Polarity::kLowerIsBetter;
  if (s == "none" || s == "n/a" || s == "not applicable" || s == "neither") return Polarity::kNone;
  return std::unexpected("a polarity: higher, lower or none");
}

std::string_view ToString(Polarity p) {
  switch (p) {
    case Polarity::kHigherIsBetter:
      return "higher";
    case Polarity::kLowerIsBetter:
      return "lower";
    case Polarity::kNone:
      return "none";
  }
  return "?";
}

std::expected<Accumulation, std::string> ParseAccumulation(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s.empty() || s == "discrete") return Accumulation::kDiscrete;
  if (s == "cumulative" || s == "ytd" || s == "year-to-date") return Accumulation::kCumulative;
  if (s == "snapshot" || s == "as-at" || s == "as at") return Accumulation::kSnapshot;
  if (s == "rolling" || s == "rolling-12" || s == "rolling 12 months") {
    return Accumulation::kRolling;
  }
  if (s == "average" || s == "mean") return Accumulation::kAverage;
  return std::unexpected("an accumulation: discrete, cumulative, snapshot, rolling or average");
}

std::string_view ToString(Accumulation a) {
  switch (a) {
    case Accumulation::kDiscrete:
      return "discrete";
    case Accumulation::kCumulative:
      return "cumulative";
    case Accumulation::kSnapshot:
      return "snapshot";
    case Accumulation::kRolling:
      return "rolling";
    case Accumulation::kAverage:
      return "average";
  }
  return "?";
}

std::expected<DotBasis, std::string> ParseDotBasis(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s == "previous-period") return DotBasis::kPreviousPeriod;
  if (s == "previous-report") return DotBasis::kPreviousReport;
  if (s == "same-period-last-year") return DotBasis::kSamePeriodLastYear;
  if (s == "last-year-outturn") return DotBasis::kLastYearOutturn;
  return std::unexpected(
      "a direction-of-travel basis: previous-period, previous-report, same-period-last-year or "
      "last-year-outturn");
}

std::string_view ToString(DotBasis b) {
  switch (b) {
    case DotBasis::kPreviousPeriod:
      return "previous-period";
    case DotBasis::kPreviousReport:
      return "previous-report";
    case DotBasis::kSamePeriodLastYear:
      return "same-period-last-year";
    case DotBasis::kLastYearOutturn:
      return "last-year-outturn";
  }
  return "?";
}

std::expected<Rollup, std::string> ParseRollup(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s == "own") return Rollup::kOwn;
  if (s == "worst") return Rollup::kWorst;
  if (s == "all-met") return Rollup::kAllMet;
  return std::unexpected("a roll-up rule: worst, all-met or own");
}

std::string_view ToString(Rollup r) {
  switch (r) {
    case Rollup::kOwn:
      return "own";
    case Rollup::kWorst:
      return "worst";
    case Rollup::kAllMet:
      return "all-met";
  }
  return "?";
}

std::expected<ForecastMethod, std::string> ParseForecastMethod(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s == "none" || s == "officer") return ForecastMethod::kNone;
  if (s == "pro-rata") return ForecastMethod::kProRata;
  if (s == "profile") return ForecastMethod::kProfile;
  if (s == "trend") return ForecastMethod::kTrend;
  if (s == "latest") return ForecastMethod::kLatest;
  return std::unexpected("a forecast method: none, officer, pro-rata, profile, trend or latest");
}

std::string_view ToString(ForecastMethod m) {
  switch (m) {
    case ForecastMethod::kNone:
      return "none";
    case ForecastMethod::kProRata:
      return "pro-rata";
    case ForecastMethod::kProfile:
      return "profile";
    case ForecastMethod::kTrend:
      return "trend";
    case ForecastMethod::kLatest:
      return "latest";
  }
  return "?";
}

std::expected<TargetKind, std::string> ParseTargetKind(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s.empty() || s == "value") return TargetKind::kValue;
  if (s == "none") return TargetKind::kNone;
  if (s == "baseline") return TargetKind::kBaseline;
  if (s == "tbc") return TargetKind::kTbc;
  if (s == "under-development") return TargetKind::kUnderDevelopment;
  if (s == "comparator") return TargetKind::kComparator;
  if (s == "change") return TargetKind::kChange;
  return std::unexpected(
      "a target kind: value, none, baseline, tbc, under-development, comparator or change");
}

std::string_view ToString(TargetKind k) {
  switch (k) {
    case TargetKind::kValue:
      return "value";
    case TargetKind::kNone:
      return "none";
    case TargetKind::kBaseline:
      return "baseline";
    case TargetKind::kTbc:
      return "tbc";
    case TargetKind::kUnderDevelopment:
      return "under-development";
    case TargetKind::kComparator:
      return "comparator";
    case TargetKind::kChange:
      return "change";
  }
  return "?";
}

std::expected<uint16_t, std::string> ParseValueFlags(std::string_view text) {
  uint16_t flags = 0;
  if (Trim(text).empty()) return flags;
  for (std::string_view part : Split(text, ';')) {
    if (part.empty()) continue;
    std::string name = ToLower(part);
    auto it = std::find_if(kFlagNames.begin(), kFlagNames.end(),
                           [&](const FlagName& f) { return f.name == name; });
    if (it == kFlagNames.end()) {
      return std::unexpected(
          "flags from provisional, estimated, correction, awaiting, not-available, not-due, "
          "under-development, separated by ;");
    }
    flags |= it->bit;
  }
  return flags;
}

std::string ValueFlagsToString(uint16_t flags) {
  std::string out;
  for (const FlagName& f : kFlagNames) {
    if (flags & f.bit) {
      if (!out.empty()) out += ';';
      out += f.name;
    }
  }
  return out;
}

std::expected<int, std::string> ParseLag(std::string_view text) {
  std::string s = ToLower(Trim(text));
  auto fail = [] {
    return std::unexpected(std::string("a reporting lag such as 0, 2 months or 1 quarter"));
  };
  if (s.empty()) return 0;
  int n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || n < 0 || n > 36) return fail();
  std::string_view unit = Trim(std::string_view(ptr, s.data() + s.size() - ptr));
  if (unit.empty() || unit == "month" || unit == "months" || unit == "m") return n;
  if (unit == "quarter" || unit == "quarters" || unit == "q") return n * 3;
  if (unit == "year" || unit == "years") return n * 12;
  return fail();
}

}  // namespace scorecard

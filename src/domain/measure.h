#pragma once
// A measure (indicator, PI, KPI) with its targets, values and comparator figures.

#include <cstdint>
#include <expected>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/period.h"

namespace scorecard {

enum class Polarity : uint8_t { kHigherIsBetter, kLowerIsBetter, kNone };
// How a value builds over the year.
enum class Accumulation : uint8_t { kDiscrete, kCumulative, kSnapshot, kRolling, kAverage };
// What a direction of travel compares the current value with.
enum class DotBasis : uint8_t {
  kPreviousPeriod,
  kPreviousReport,
  kSamePeriodLastYear,
  kLastYearOutturn
};

// Flags carried by a value, as bits.
enum ValueFlag : uint16_t {
  kFlagProvisional = 1 << 0,
  kFlagEstimated = 1 << 1,
  kFlagCorrection = 1 << 2,
  kFlagAwaiting = 1 << 3,
  kFlagNotAvailable = 1 << 4,
  kFlagNotDue = 1 << 5,
  kFlagUnderDevelopment = 1 << 6,
};

// How a parent measure's status comes from its parts (measures.csv `rollup`; see
// docs/adr/0008-parent-measures-roll-up.md).
enum class Rollup : uint8_t {
  kOwn,     // the parent's own figure, as any measure's
  kWorst,   // the worst band any part earned
  kAllMet,  // the on-target band when every part meets its target, else the worst part's
};

// How a measure's year-end forecast is computed when the officer gives none (measures.csv
// `forecast`, scorecard.toml `[organisation] forecast`; see docs/adr/0009-forecast-methods.md).
enum class ForecastMethod : uint8_t {
  kNone,     // no computed forecast: only the officer's (also written "officer")
  kProRata,  // the year-to-date total scaled to the whole year
  kProfile,  // the annual target scaled by the figure over its period's target
  kTrend,    // the least-squares trend of this year's figures
  kLatest,   // the latest figure stands for the year
};

enum class TargetKind : uint8_t {
  kValue,
  kNone,
  kBaseline,
  kTbc,
  kUnderDevelopment,
  kComparator,
  kChange
};

struct Target {
  Period period;
  TargetKind kind = TargetKind::kValue;
  std::optional<double> value;      // kValue; also the stated figure of other kinds
  int8_t decimals = -1;             // as `value` was written; -1 if unknown
  std::string comparator;           // kComparator
  std::optional<Period> baseline;   // kChange
  double change = 0;                // kChange: fraction (-0.05) or units
  bool change_is_fraction = false;  // kChange: "-5%" rather than "-5"
  std::string text;                 // as printed
};

// What a value row says in words: most rows say nothing, so it is held apart (MeasureValue::
// words()), and a council of a million values takes a tenth of the memory it would.
struct ValueWords {
  std::string text;             // the words of a text measure
  std::string forecast_text;    // the officer's forecast of a text measure
  std::string status;           // officer override: a status key
  std::string forecast_status;  // officer override of the forecast status
  std::string status_reason;
  std::string context, actions, intervention, note;

  bool empty() const {
    return text.empty() && forecast_text.empty() && status.empty() && forecast_status.empty() &&
           status_reason.empty() && context.empty() && actions.empty() && intervention.empty() &&
           note.empty();
  }
};

// A figure or none, in eight bytes rather than std::optional's sixteen (a value row holds four,
// and a large council a million rows). None is a NaN, which no figure read is (ParseNumber takes
// digits only). It reads and is assigned as a std::optional<double>.
class OptionalFigure {
 public:
  constexpr OptionalFigure() = default;
  constexpr OptionalFigure(std::nullopt_t) {}
  constexpr OptionalFigure(double value) : value_(value) {}  // REQUIRES: not NaN
  constexpr OptionalFigure(const std::optional<double>& value) : value_(value ? *value : kNone) {}

  operator std::optional<double>() const {
    return has_value() ? std::optional<double>(value_) : std::nullopt;
  }
  bool has_value() const { return value_ == value_; }  // false only for NaN
  explicit operator bool() const { return has_value(); }
  const double& operator*() const { return value_; }  // REQUIRES: has_value()
  double value_or(double otherwise) const { return has_value() ? value_ : otherwise; }
  void reset() { value_ = kNone; }

  friend bool operator==(const OptionalFigure& a, const OptionalFigure& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || a.value_ == b.value_);
  }

 private:
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  double value_ = kNone;
};

struct MeasureValue {
  Period period;
  int8_t decimals = -1;           // as `number` was written ("154,681.30": 2); -1 if unknown
  int8_t forecast_decimals = -1;  // as `forecast` was written
  uint16_t flags = 0;
  OptionalFigure number;  // absent for text measures and missing figures
  OptionalFigure numerator, denominator;
  OptionalFigure forecast;  // the officer's year-end forecast

  // The row's words; empty ones if it has none.
  const ValueWords& words() const { return words_ ? *words_ : kNoWords; }
  // The row's words, to fill in. Copies of the row share them: fill them in before copying.
  ValueWords& mutable_words() {
    if (!words_) words_ = std::make_shared<ValueWords>();
    return *words_;
  }
  // Drops the words if they are all empty.
  void DropEmptyWords() {
    if (words_ && words_->empty()) words_.reset();
  }

 private:
  static inline const ValueWords kNoWords{};
  std::shared_ptr<ValueWords> words_;
};

struct ComparatorFigure {
  Period period;
  std::string name;
  double value = 0;
  int8_t decimals = -1;
  std::string text;
};

struct Measure {
  std::string ref, title, unit;
  Polarity polarity = Polarity::kHigherIsBetter;
  Frequency frequency = Frequency::kQuarterly;
  YearBasis year = YearBasis::kFinancial;
  Accumulation accumulation = Accumulation::kDiscrete;
  int lag_months = 0;
  int decimals = -1;        // places every figure shows; -1: each as it was given
  int usual_decimals = -1;  // the most its figures were given with (a reader sets it)
  std::optional<DotBasis> dot;
  std::optional<Rollup> rollup;            // set on a parent; unset: its own figure, or a heading
  std::optional<ForecastMethod> forecast;  // unset: the council's default, else automatic
  // The bounds its figures live in, as declared (measures.csv min and max); an infinity when
  // declared none. See Minimum() and Maximum().
  std::optional<double> min, max;
  std::string node, parent, scheme;
  std::string owner, director, directorate, portfolio, description;
  bool priority = false;
  int order = 0;

  std::vector<Target> targets;       // sorted by period
  std::vector<MeasureValue> values;  // sorted by period
  std::vector<ComparatorFigure> comparators;

  bool is_text() const { return unit == "text"; }
  bool is_percentage() const { return unit == "%"; }
  // A rate: a unit such as "per 10,000".
  bool is_rate() const;
  // The lowest and highest figure it can have: as declared, else 0 and 100 for a percentage;
  // nullopt when there is no bound.
  std::optional<double> Minimum() const;
  std::optional<double> Maximum() const;
  // Why scaling its year-to-date total to the year does not suit the measure, in words that
  // follow "it is" ("a percentage", "an average"); empty when pro rata suits it (a sum: a
  // cumulative or discrete count or amount).
  std::string WhyNotProRata() const;
  // The value recorded for the period; for a non-discrete measure, when that row has no figure
  // or there is none, a figure recorded for another period ending the same day (a quarter's
  // snapshot is its last month's). Null if none.
  const MeasureValue* ValueFor(const Period& period) const;
  // The target recorded for exactly this period, or null.
  const Target* TargetFor(const Period& period) const;
  const ComparatorFigure* ComparatorFor(const Period& period, std::string_view name) const;
  // Sorts targets, values and comparators by period.
  void SortByPeriod();
  // The places a figure of the measure shows: the measure's own; else those the figure was
  // given with (`given`, -1 for a computed figure); else as the measure's figures usually are,
  // at most 2; -1 if none of these is known (then as few as the figure needs, at most 2).
  int DecimalsFor(int given) const;
};

std::expected<Polarity, std::string> ParsePolarity(std::string_view text);
std::string_view ToString(Polarity polarity);
std::expected<Accumulation, std::string> ParseAccumulation(std::string_view text);
std::string_view ToString(Accumulation accumulation);
std::expected<DotBasis, std::string> ParseDotBasis(std::string_view text);
std::string_view ToString(DotBasis basis);
std::expected<Rollup, std::string> ParseRollup(std::string_view text);
std::string_view ToString(Rollup rollup);
// "pro-rata" -> kProRata; "officer" is read as kNone.
std::expected<ForecastMethod, std::string> ParseForecastMethod(std::string_view text);
std::string_view ToString(ForecastMethod method);
std::expected<TargetKind, std::string> ParseTargetKind(std::string_view text);
std::string_view ToString(TargetKind kind);
// "provisional;estimated" -> bits.
std::expected<uint16_t, std::string> ParseValueFlags(std::string_view text);
std::string ValueFlagsToString(uint16_t flags);
// "1 quarter", "2 months", "0" -> months.
std::expected<int, std::string> ParseLag(std::string_view text);

}  // namespace scorecard

// Year-end forecasts (docs/adr/0009-forecast-methods.md): the officer's where given, else
// computed by the measure's forecast method, and never beyond the measure's bounds.

#include <fmt/format.h>

#include <algorithm>

#include "domain/assessment.h"

namespace scorecard {
namespace {

int MonthsBetween(Date start, Date end) {
  return (end.year() - start.year()) * 12 + end.month() - start.month() + 1;
}

// A figure of this year up to the one shown, of the same kind of period as the shown figure's
// own (a quarter's figure standing for its last month is trended with the other quarters).
bool IsThisYearSoFar(const MeasureAssessment& a, const MeasureValue& v) {
  return v.number && v.period.kind() == a.value->period.kind() &&
         v.period.start() >= a.year.start() && v.period.end() <= a.period.end();
}

// Profile needs a target of the shown period's own (not zero) and a number for the year.
bool ProfileApplies(const MeasureAssessment& a) {
  return a.measure->TargetFor(a.period) && a.target.value && *a.target.value != 0 &&
         a.annual_target.value;
}

bool Suits(ForecastMethod method, const MeasureAssessment& a) {
  if (method == ForecastMethod::kProRata) return a.measure->WhyNotProRata().empty();
  if (method == ForecastMethod::kProfile) return ProfileApplies(a);
  return true;
}

Forecast Computed(std::string_view key) {
  Forecast f;
  f.computed = true;
  f.method_key = key;
  return f;
}

// The year-to-date total scaled to the year: a cumulative figure itself, or the sum of a
// discrete measure's figures this year.
Forecast ProRata(const MeasureAssessment& a, int elapsed, int total) {
  const Measure& m = *a.measure;
  Forecast f = Computed("pro-rata");
  if (std::string why = m.WhyNotProRata(); !why.empty()) {
    f.method = fmt::format("pro rata does not suit {}: it is {}", m.ref, why);
    return f;
  }
  double so_far = *a.number;
  std::string what = FormatValue(m, *a.number, a.value->decimals);
  if (m.accumulation == Accumulation::kDiscrete) {
    so_far = 0;
    int n = 0;
    for (const MeasureValue& v : m.values) {
      if (IsThisYearSoFar(a, v)) so_far += *v.number, ++n;
    }
    what =
        fmt::format("{} from {} figure{} this year", FormatValue(m, so_far), n, n == 1 ? "" : "s");
  }
  f.value = so_far * total / elapsed;
  f.method = fmt::format("pro rata: {} after {} of {} months", what, elapsed, total);
  return f;
}

// The annual target scaled by how the figure stands against its period's target.
Forecast Profile(const MeasureAssessment& a) {
  const Measure& m = *a.measure;
  Forecast f = Computed("profile");
  if (!a.measure->TargetFor(a.period) || !a.target.value) {
    f.method = fmt::format("profile needs a target for {} itself, and {}", a.period.ToString(),
                           a.target.reason);
  } else if (*a.target.value == 0) {
    f.method = fmt::format("profile cannot scale by the {} target of 0", a.period.ToString());
  } else if (!a.annual_target.value) {
    f.method = fmt::format("profile needs a target for {}, and {}", a.year.ToString(),
                           a.annual_target.reason);
  } else {
    f.value = *a.annual_target.value * *a.number / *a.target.value;
    f.method = fmt::format("on profile: {} against {} scales {}",
                           FormatValue(m, *a.number, a.value->decimals), a.target.reason,
                           a.annual_target.reason);
  }
  return f;
}

Forecast Latest(const MeasureAssessment& a) {
  Forecast f = Computed("latest");
  f.value = a.number;
  f.method =
      fmt::format("the latest figure, {} for {}, stands for the year",
                  FormatValue(*a.measure, *a.number, a.value->decimals), a.period.ToString());
  return f;
}

// No computed forecast leaves the measure's bounds: one beyond is held at the bound it passed.
void HoldWithinBounds(const Measure& m, Forecast& f) {
  if (!f.value) return;
  std::optional<double> min = m.Minimum(), max = m.Maximum();
  std::optional<double> bound;
  std::string_view which;
  if (max && *f.value > *max) bound = max, which = "maximum";
  if (min && *f.value < *min) bound = min, which = "minimum";
  if (!bound) return;
  f.method += fmt::format(", giving {}, held at the {} of {}", FormatValue(m, *f.value), which,
                          FormatValue(m, *bound));
  f.value = bound;
  f.held_at_bound = true;
}

}  // namespace

ForecastMethod Assessor::MethodFor(const MeasureAssessment& a) const {
  const Measure& m = *a.measure;
  if (m.forecast) return *m.forecast;
  if (std::optional<ForecastMethod> d = council_.organisation.forecast; d && Suits(*d, a)) {
    return *d;
  }
  switch (m.accumulation) {
    case Accumulation::kCumulative:
      if (ProfileApplies(a)) return ForecastMethod::kProfile;
      return m.WhyNotProRata().empty() ? ForecastMethod::kProRata : ForecastMethod::kTrend;
    case Accumulation::kSnapshot:
      return ForecastMethod::kLatest;
    default:
      return ForecastMethod::kTrend;
  }
}

Forecast Assessor::ForecastOf(const MeasureAssessment& a, const MeasureValue* report_row) const {
  const Measure& m = *a.measure;
  Forecast f;
  for (const MeasureValue* row : {a.value, report_row}) {
    if (row && (row->forecast || !row->words().forecast_text.empty())) {
      f.value = row->forecast;
      f.decimals = row->forecast_decimals;
      f.text = row->words().forecast_text;
      f.method_key = "officer";
      f.method = "officer's forecast";
      return f;
    }
  }
  if (!a.number || m.is_text()) return f;
  if (a.period.end() < a.year.start()) return f;  // the figure is from an earlier year
  ForecastMethod method = MethodFor(a);
  if (method == ForecastMethod::kNone) {
    f.method_key = "none";
    f.method = "the officer gave none, and none is computed (forecast method none)";
    return f;
  }
  if (a.period.is_year() || a.period.end() == a.year.end()) {
    f = Computed("outturn");
    f.value = a.number;
    f.method = "the year's outturn";
  } else {
    int elapsed = MonthsBetween(a.year.start(), a.period.end());
    int total = MonthsBetween(a.year.start(), a.year.end());
    switch (method) {
      case ForecastMethod::kProRata:
        f = ProRata(a, elapsed, total);
        break;
      case ForecastMethod::kProfile:
        f = Profile(a);
        break;
      case ForecastMethod::kLatest:
        f = Latest(a);
        break;
      case ForecastMethod::kTrend:
      case ForecastMethod::kNone:
        f = TrendForecast(a, elapsed, total);
        break;
    }
  }
  HoldWithinBounds(m, f);
  return f;
}

Forecast Assessor::TrendForecast(const MeasureAssessment& a, int elapsed, int total) const {
  const Measure& m = *a.measure;
  // Least-squares trend over this year's figures of the same kind of period.
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  bool all_non_negative = true;
  for (const MeasureValue& v : m.values) {
    if (!IsThisYearSoFar(a, v)) continue;
    double x = MonthsBetween(a.year.start(), v.period.end());
    n += 1, sx += x, sy += *v.number, sxx += x * x, sxy += x * *v.number;
    all_non_negative = all_non_negative && *v.number >= 0;
  }
  double slope = 0, intercept = *a.number;
  bool trend = n >= 2 && n * sxx - sx * sx != 0;
  if (trend) {
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    intercept = (sy - slope * sx) / n;
  }
  auto at = [&](double x) {
    double y = trend ? intercept + slope * x : *a.number;
    return all_non_negative ? std::max(0.0, y) : y;
  };
  Forecast f = Computed("trend");
  std::string basis =
      trend ? fmt::format("least-squares trend over {} figures this year", static_cast<int>(n))
            : "the latest figure (too few this year for a trend)";
  // A level, or a year-to-date figure: its value at the year end.
  if (AnnualTargetAppliesInYear(m) || m.accumulation == Accumulation::kCumulative) {
    f.value = at(total);
    f.method = basis + ", at the year end";
    return f;
  }
  // A sum: this year's figures so far plus the trend for each period still to come.
  double step = MonthsBetween(a.period.start(), a.period.end());
  double sum = sy;
  int remaining = 0;
  for (double x = elapsed + step; x <= total + 1e-9; x += step, ++remaining) sum += at(x);
  f.value = sum;
  f.method = fmt::format("{} this year so far plus {} for the {} period{} to come",
                         FormatValue(m, sy), basis, remaining, remaining == 1 ? "" : "s");
  return f;
}

}  // namespace scorecard

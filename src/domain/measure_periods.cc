#include "domain/measure_periods.h"

#include <fmt/format.h>

#include <vector>

namespace scorecard {
namespace {

PeriodKind YearKind(YearBasis basis) {
  switch (basis) {
    case YearBasis::kFinancial:
      return PeriodKind::kFinancialYear;
    case YearBasis::kAcademic:
      return PeriodKind::kAcademicYear;
    case YearBasis::kCalendar:
      return PeriodKind::kCalendarYear;
  }
  return PeriodKind::kFinancialYear;
}

bool IsYearly(Frequency f) { return f == Frequency::kAnnual || f == Frequency::kBiennial; }

// The kind of period CurrentPeriod gives a measure.
PeriodKind OwnKind(const Measure& m) {
  switch (m.frequency) {
    case Frequency::kMonthly:
      return PeriodKind::kMonth;
    case Frequency::kQuarterly:
      return PeriodKind::kQuarter;
    case Frequency::kTermly:
      return PeriodKind::kTerm;
    case Frequency::kHalfYearly:
      return PeriodKind::kHalfYear;
    case Frequency::kAnnual:
    case Frequency::kBiennial:
      break;
  }
  return YearKind(m.year);
}

std::string_view YearWords(YearBasis basis) {
  switch (basis) {
    case YearBasis::kFinancial:
      return "a year";
    case YearBasis::kAcademic:
      return "an academic year";
    case YearBasis::kCalendar:
      return "a calendar year";
  }
  return "a year";
}

std::string_view OwnWords(const Measure& m) {
  switch (m.frequency) {
    case Frequency::kMonthly:
      return "a month";
    case Frequency::kQuarterly:
      return "a quarter";
    case Frequency::kTermly:
      return "a term";
    case Frequency::kHalfYearly:
      return "a half-year";
    case Frequency::kAnnual:
    case Frequency::kBiennial:
      break;
  }
  return YearWords(m.year);
}

// True when one of the measure's periods, or a year of its basis, ends on the date.
bool EndsAPeriodOf(const Measure& m, Date date) {
  return PeriodContaining(m.frequency, m.year, date).end() == date ||
         YearContaining(m.year, date).end() == date;
}

bool FitsWithFigure(const Measure& m, const Period& p) {
  if (p.kind() == OwnKind(m) || p.kind() == YearKind(m.year)) return true;
  if (m.frequency == Frequency::kMonthly && p.kind() == PeriodKind::kQuarter) return true;
  return m.accumulation == Accumulation::kRolling && p.kind() == PeriodKind::kRolling12 &&
         EndsAPeriodOf(m, p.end());
}

// "A, B, or C"; "A, or B"; "A".
std::string OneOf(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? ", or " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

bool FitsMeasure(const Measure& m, const Period& p, RowKind kind) {
  switch (kind) {
    case RowKind::kTarget:
      return p.kind() == OwnKind(m) || p.kind() == YearKind(m.year);
    case RowKind::kFigure:
      return FitsWithFigure(m, p);
    case RowKind::kNoFigure:
      return FitsWithFigure(m, p) || p.kind() == PeriodKind::kQuarter;
  }
  return false;
}

std::string FittingPeriods(const Measure& m, const Period& near, RowKind kind) {
  Period example = PeriodContaining(m.frequency, m.year, near.end());
  std::vector<std::string> items = {fmt::format("{} such as {}", OwnWords(m), example.ToString())};
  if (kind != RowKind::kTarget && m.frequency == Frequency::kMonthly)
    items.emplace_back("a quarter");
  if (kind != RowKind::kTarget && m.accumulation == Accumulation::kRolling) {
    Date end = example.end();
    items.push_back(fmt::format("the 12 months ending with one ({})",
                                Period::Rolling12(end.year(), end.month()).ToString()));
  }
  if (!IsYearly(m.frequency)) items.emplace_back(YearWords(m.year));
  if (kind == RowKind::kNoFigure && m.frequency != Frequency::kMonthly &&
      m.frequency != Frequency::kQuarterly) {
    items.emplace_back("a quarter (for a row with no figure)");
  }
  return OneOf(items);
}

std::string DescribePeriod(const Period& p) {
  std::string_view what;
  switch (p.kind()) {
    case PeriodKind::kMonth:
      what = "the month";
      break;
    case PeriodKind::kQuarter:
      what = "the quarter";
      break;
    case PeriodKind::kHalfYear:
      what = "the half-year";
      break;
    case PeriodKind::kTerm:
      what = "the term";
      break;
    case PeriodKind::kFinancialYear:
      what = "the financial year";
      break;
    case PeriodKind::kAcademicYear:
      what = "the academic year";
      break;
    case PeriodKind::kCalendarYear:
      what = "the calendar year";
      break;
    case PeriodKind::kRolling12:
      what = "the 12 months";
      break;
    case PeriodKind::kDay:
      what = "the day";
      break;
  }
  return fmt::format("{} {}", what, p.ToString());
}

bool AssessedAgainstTargets(const Measure& m) {
  return m.polarity != Polarity::kNone && !m.is_text();
}

bool HasTargetRow(const Measure& m, const Period& p) {
  Period year = YearContaining(m.year, p.end());
  for (const Target& t : m.targets) {
    bool within = t.period.start() >= p.start() && t.period.end() <= p.end();
    if (t.period == p || t.period == year || within) return true;
  }
  return false;
}

}  // namespace scorecard

#pragma once
// Dates and the periods councils report in: financial years (April-March) and their quarters,
// halves and months, academic years and terms, calendar years, rolling 12 months, "as at" days.

#include <compare>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace scorecard {

// A calendar date, held as days since 1970-01-01.
struct Date {
  int32_t days = 0;

  static Date FromCivil(int year, int month, int day);
  int year() const;
  int month() const;
  int day() const;
  std::string ToString() const;  // 2017-09-30

  auto operator<=>(const Date&) const = default;
};

int DaysInMonth(int year, int month);

// How often a measure is collected.
enum class Frequency : uint8_t { kMonthly, kQuarterly, kTermly, kHalfYearly, kAnnual, kBiennial };
// Which year a measure follows.
enum class YearBasis : uint8_t { kFinancial, kAcademic, kCalendar };

std::expected<Frequency, std::string> ParseFrequency(std::string_view text);
std::string_view ToString(Frequency frequency);
std::expected<YearBasis, std::string> ParseYearBasis(std::string_view text);
std::string_view ToString(YearBasis basis);

enum class PeriodKind : uint8_t {
  kMonth,          // year_ = calendar year, index_ = 1..12
  kQuarter,        // year_ = financial year start, index_ = 1..4 (Q1 = Apr-Jun)
  kHalfYear,       // year_ = financial year start, index_ = 1..2
  kTerm,           // year_ = academic year start, index_ = 1..3 (autumn, spring, summer)
  kFinancialYear,  // year_ = start year (2017 for 2017/18)
  kAcademicYear,   // year_ = start year (Sep-Aug)
  kCalendarYear,   // year_ = the year
  kRolling12,      // the 12 months ending with month index_ of calendar year year_
  kDay,            // an "as at" date
};

// A period of time a value, target or report belongs to. Cheap to copy and compare.
class Period {
 public:
  Period() = default;
  static Period Month(int year, int month);
  static Period Quarter(int fy_start, int quarter);
  static Period HalfYear(int fy_start, int half);
  static Period Term(int ay_start, int term);
  static Period FinancialYear(int start);
  static Period AcademicYear(int start);
  static Period CalendarYear(int year);
  static Period Rolling12(int year, int end_month);
  static Period Day(Date date);

  PeriodKind kind() const { return kind_; }
  int year() const { return year_; }
  int index() const { return index_; }
  Date start() const;
  Date end() const;  // inclusive: the last day of the period
  bool is_year() const;

  // The canonical spelling: 2017/18, 2017/18 Q2, 2017/18 H1, 2017-09, AY 2017/18, AY 2017/18 T1,
  // 2015, R12 2017-09, 2017-09-30.
  std::string ToString() const;

  Period Previous() const;  // the period of the same kind just before
  Period Next() const;
  Period SameLastYear() const;  // the period of the same kind a year earlier

  bool operator==(const Period&) const = default;
  // Orders by end date, then by start date (so a quarter sorts before the year ending with it).
  std::strong_ordering operator<=>(const Period& other) const;

 private:
  PeriodKind kind_ = PeriodKind::kFinancialYear;
  int16_t year_ = 0;
  int16_t index_ = 0;
  int32_t day_ = 0;  // kDay only
};

// Reads any spelling in docs/interchange.md ("2017/18 Q2", "Q2 2017/18", "Sep-17", "Jul - Sep
// 2017", "AY 2017/18", "2015", ...). The error says what was expected.
std::expected<Period, std::string> ParsePeriod(std::string_view text);

// The period of a measure of this frequency and year basis that contains the date.
Period PeriodContaining(Frequency frequency, YearBasis basis, Date date);
// The latest such period that has ended on or before the date.
Period LatestPeriodEndingBy(Frequency frequency, YearBasis basis, Date date);
// The year of the basis containing the date (2017/18, AY 2017/18 or 2017).
Period YearContaining(YearBasis basis, Date date);
// The period a report for `reporting` shows for a measure of this frequency reported
// `lag_months` in arrears: the latest of its periods that ended `lag_months` before the
// reporting period's end.
Period CurrentPeriod(Frequency frequency, YearBasis basis, int lag_months, const Period& reporting);
// The last day of the month `months` months before (negative) or after the date's month.
Date EndOfMonthShifted(Date date, int months);

}  // namespace scorecard

#include "domain/period.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "domain/text.h"

namespace scorecard {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int y, m, d;
};

Civil CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2), m, d};
}

Date FirstOf(int year, int month) { return Date::FromCivil(year, month, 1); }
Date LastOf(int year, int month) { return Date::FromCivil(year, month, DaysInMonth(year, month)); }

// Normalises (year, month) after adding months.
void ShiftMonth(int& year, int& month, int months) {
  int total = year * 12 + (month - 1) + months;
  year = total >= 0 ? total / 12 : (total - 11) / 12;
  month = total - year * 12 + 1;
}

std::string YearPair(int start) { return fmt::format("{}/{:02}", start, (start + 1) % 100); }

constexpr std::array<std::string_view, 12> kMonthNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 12> kMonthLongNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// --- Parsing -------------------------------------------------------------------------------

struct Token {
  enum Kind { kWord, kNumber, kPunct } kind;
  std::string text;  // lower case
  int number = 0;
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (std::isspace(c)) {
      ++i;
    } else if (std::isalpha(c)) {
      size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({Token::kWord, ToLower(s.substr(i, j - i))});
      i = j;
    } else if (std::isdigit(c)) {
      size_t j = i;
      int n = 0;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
        if (j - i < 6) n = n * 10 + (s[j] - '0');
        ++j;
      }
      out.push_back({Token::kNumber, std::string(s.substr(i, j - i)), n});
      i = j;
    } else {
      out.push_back({Token::kPunct, std::string(1, static_cast<char>(c))});
      ++i;
    }
  }
  return out;
}

// A cursor over tokens with small matching helpers.
class Cursor {
 public:
  explicit Cursor(const std::vector<Token>& t) : t_(t) {}
  bool done() const { return i_ >= t_.size(); }
  bool Word(std::string_view w) {
    if (!done() && t_[i_].kind == Token::kWord && t_[i_].text == w) return ++i_, true;
    return false;
  }
  bool Punct(char c) {
    if (!done() && t_[i_].kind == Token::kPunct && t_[i_].text[0] == c) return ++i_, true;
    return false;
  }
  // A number of exactly `digits` digits (0: any).
  std::optional<int> Number(size_t digits = 0) {
    if (!done() && t_[i_].kind == Token::kNumber && (digits == 0 || t_[i_].text.size() == digits)) {
      return t_[i_++].number;
    }
    return std::nullopt;
  }
  std::optional<int> MonthName() {
    if (done() || t_[i_].kind != Token::kWord) return std::nullopt;
    const std::string& w = t_[i_].text;
    for (int m = 0; m < 12; ++m) {
      if (w == kMonthNames[m] || w == kMonthLongNames[m] || (m == 8 && w == "sept") ||
          (m == 5 && w == "june") || (m == 6 && w == "july")) {
        ++i_;
        return m + 1;
      }
    }
    return std::nullopt;
  }
  size_t pos() const { return i_; }
  void Reset(size_t p) { i_ = p; }

 private:
  const std::vector<Token>& t_;
  size_t i_ = 0;
};

int Century(int two_digit) { return two_digit >= 70 ? 1900 + two_digit : 2000 + two_digit; }

// "2017/18", "2017-18", "2017/2018", "17/18": returns the start year.
std::optional<int> YearPairAt(Cursor& c) {
  size_t p = c.pos();
  std::optional<int> first = c.Number(4);
  if (!first) {
    if (auto two = c.Number(2)) first = Century(*two);
  }
  if (first && (c.Punct('/') || c.Punct('-'))) {
    if (auto second = c.Number(2); second && *second == (*first + 1) % 100) return first;
    if (auto second = c.Number(4); second && *second == *first + 1) return first;
  }
  c.Reset(p);
  return std::nullopt;
}

// "q2", "qtr 2", "quarter 2", "h1", "t1": returns the kind letter and index.
std::optional<std::pair<char, int>> PartAt(Cursor& c) {
  size_t p = c.pos();
  char kind = 0;
  if (c.Word("q") || c.Word("qtr") || c.Word("quarter")) {
    kind = 'q';
  } else if (c.Word("h") || c.Word("half")) {
    kind = 'h';
  } else if (c.Word("t") || c.Word("term")) {
    kind = 't';
  }
  if (kind) {
    if (auto n = c.Number()) return std::pair{kind, *n};
  }
  c.Reset(p);
  return std::nullopt;
}

std::optional<Period> MakePart(bool academic, int start, std::pair<char, int> part) {
  auto [kind, n] = part;
  if (academic) {
    if (kind == 't' && n >= 1 && n <= 3) return Period::Term(start, n);
    return std::nullopt;
  }
  if (kind == 'q' && n >= 1 && n <= 4) return Period::Quarter(start, n);
  if (kind == 'h' && n >= 1 && n <= 2) return Period::HalfYear(start, n);
  return std::nullopt;
}

// FY and AY forms, with an optional part before or after the year pair.
std::optional<Period> TryYearBased(const std::vector<Token>& tokens) {
  Cursor c(tokens);
  bool academic = false;
  c.Word("fy");
  std::optional<std::pair<char, int>> part = PartAt(c);
  if (c.Word("ay")) academic = true;
  if (c.Word("academic")) {
    if (!c.Word("year") && !c.Word("yr")) return std::nullopt;
    academic = true;
  }
  c.Word("fy");
  std::optional<int> start = YearPairAt(c);
  if (!start) return std::nullopt;
  if (c.Word("ay")) academic = true;
  if (!part) part = PartAt(c);
  if (!c.done()) return std::nullopt;
  if (part) return MakePart(academic, *start, *part);
  return academic ? Period::AcademicYear(*start) : Period::FinancialYear(*start);
}

std::optional<Period> TryMonth(const std::vector<Token>& tokens) {
  Cursor c(tokens);
  if (auto y = c.Number(4); y && c.Punct('-')) {  // 2017-09
    if (auto m = c.Number(2); m && c.done() && *m >= 1 && *m <= 12) return Period::Month(*y, *m);
    return std::nullopt;
  }
  c.Reset(0);
  if (auto m = c.Number(2); m && c.Punct('/')) {  // 09/2017
    if (auto y = c.Number(4); y && c.done() && *m >= 1 && *m <= 12) return Period::Month(*y, *m);
    return std::nullopt;
  }
  c.Reset(0);
  if (auto m = c.MonthName()) {  // Sep 2017, Sep-17, September 2017
    c.Punct('-');
    if (auto y = c.Number(4); y && c.done()) return Period::Month(*y, *m);
    if (auto y = c.Number(2); y && c.done()) return Period::Month(Century(*y), *m);
  }
  return std::nullopt;
}

// "Jul - Sep 2017", "Jan-Mar 2018": a financial quarter spelled as its months.
std::optional<Period> TryMonthRange(const std::vector<Token>& tokens) {
  Cursor c(tokens);
  auto from = c.MonthName();
  if (!from || !c.Punct('-')) return std::nullopt;
  auto to = c.MonthName();
  if (!to) return std::nullopt;
  auto year = c.Number(4);
  if (!year || !c.done()) return std::nullopt;
  if ((*to - *from + 12) % 12 != 2 || (*from - 4 + 12) % 3 != 0) return std::nullopt;
  int fy = *to <= 3 ? *year - 1 : *year;
  int quarter = (*from - 4 + 12) % 12 / 3 + 1;
  return Period::Quarter(fy, quarter);
}

std::optional<Period> TryTerm(const std::vector<Token>& tokens) {
  Cursor c(tokens);
  int term = c.Word("autumn") ? 1 : c.Word("spring") ? 2 : c.Word("summer") ? 3 : 0;
  if (!term) return std::nullopt;
  c.Word("term");
  auto y = c.Number(4);
  if (!y || !c.done()) return std::nullopt;
  return Period::Term(term == 1 ? *y : *y - 1, term);
}

std::optional<Period> TryRolling(const std::vector<Token>& tokens) {
  Cursor c(tokens);
  std::vector<Token> rest;
  if (c.Word("r") && c.Number() == 12) {
    rest.assign(tokens.begin() + static_cast<long>(c.pos()), tokens.end());
  } else {
    c.Reset(0);
    if (c.Number() == 12 && c.Word("months") && (c.Word("to") || c.Word("ending"))) {
      rest.assign(tokens.begin() + static_cast<long>(c.pos()), tokens.end());
    }
  }
  if (rest.empty()) return std::nullopt;
  auto month = TryMonth(rest);
  if (!month) return std::nullopt;
  return Period::Rolling12(month->year(), month->index());
}

std::optional<Period> TryDay(const std::vector<Token>& tokens) {
  Cursor c(tokens);
  int y = 0, m = 0, d = 0;
  if (auto a = c.Number(4); a && c.Punct('-')) {  // 2017-09-30
    auto b = c.Number(2);
    if (!b || !c.Punct('-')) return std::nullopt;
    auto e = c.Number(2);
    if (!e || !c.done()) return std::nullopt;
    y = *a, m = *b, d = *e;
  } else {
    c.Reset(0);
    auto first = c.Number();
    if (!first || *first > 31) return std::nullopt;
    d = *first;
    if (c.Punct('/')) {  // 30/09/2017
      auto b = c.Number();
      if (!b || !c.Punct('/')) return std::nullopt;
      auto e = c.Number(4);
      if (!e || !c.done()) return std::nullopt;
      m = *b, y = *e;
    } else if (auto name = c.MonthName()) {  // 30 Sep 2017
      auto e = c.Number(4);
      if (!e || !c.done()) return std::nullopt;
      m = *name, y = *e;
    } else {
      return std::nullopt;
    }
  }
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return Period::Day(Date::FromCivil(y, m, d));
}

std::optional<Period> TryCalendarYear(const std::vector<Token>& tokens) {
  Cursor c(tokens);
  c.Word("cy");
  auto y = c.Number(4);
  if (!y || !c.done()) return std::nullopt;
  return Period::CalendarYear(*y);
}

}  // namespace

// --- Date ----------------------------------------------------------------------------------

Date Date::FromCivil(int year, int month, int day) { return Date{DaysFromCivil(year, month, day)}; }
int Date::year() const { return CivilFromDays(days).y; }
int Date::month() const { return CivilFromDays(days).m; }
int Date::day() const { return CivilFromDays(days).d; }
std::string Date::ToString() const {
  Civil c = CivilFromDays(days);
  return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// --- Frequency and basis -------------------------------------------------------------------

std::expected<Frequency, std::string> ParseFrequency(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s == "monthly" || s == "m" || s == "month") return Frequency::kMonthly;
  if (s == "quarterly" || s == "q" || s == "quarter") return Frequency::kQuarterly;
  if (s == "termly" || s == "t" || s == "term") return Frequency::kTermly;
  if (s == "half-yearly" || s == "half yearly" || s == "six-monthly" || s == "six monthly" ||
      s == "biannually" || s == "h") {
    return Frequency::kHalfYearly;
  }
  if (s == "annual" || s == "annually" || s == "a" || s == "yearly" || s == "year") {
    return Frequency::kAnnual;
  }
  if (s == "biennial" || s == "bi-annual" || s == "bi-annually" || s == "every two years") {
    return Frequency::kBiennial;
  }
  return std::unexpected(
      "a frequency: monthly, quarterly, termly, half-yearly, annual or biennial");
}

std::string_view ToString(Frequency f) {
  switch (f) {
    case Frequency::kMonthly:
      return "monthly";
    case Frequency::kQuarterly:
      return "quarterly";
    case Frequency::kTermly:
      return "termly";
    case Frequency::kHalfYearly:
      return "half-yearly";
    case Frequency::kAnnual:
      return "annual";
    case Frequency::kBiennial:
      return "biennial";
  }
  return "?";
}

std::expected<YearBasis, std::string> ParseYearBasis(std::string_view text) {
  std::string s = ToLower(Trim(text));
  if (s.empty() || s == "financial" || s == "fy") return YearBasis::kFinancial;
  if (s == "academic" || s == "ay") return YearBasis::kAcademic;
  if (s == "calendar" || s == "cy") return YearBasis::kCalendar;
  return std::unexpected("a year basis: financial, academic or calendar");
}

std::string_view ToString(YearBasis b) {
  switch (b) {
    case YearBasis::kFinancial:
      return "financial";
    case YearBasis::kAcademic:
      return "academic";
    case YearBasis::kCalendar:
      return "calendar";
  }
  return "?";
}

// --- Period --------------------------------------------------------------------------------

#define SCORECARD_PERIOD_FACTORY(Name, Kind, Args, YearExpr, IndexExpr) \
  Period Period::Name Args {                                            \
    Period p;                                                           \
    p.kind_ = PeriodKind::Kind;                                         \
    p.year_ = static_cast<int16_t>(YearExpr);                           \
    p.index_ = static_cast<int16_t>(IndexExpr);                         \
    return p;                                                           \
  }

SCORECARD_PERIOD_FACTORY(Month, kMonth, (int year, int month), year, month)
SCORECARD_PERIOD_FACTORY(Quarter, kQuarter, (int fy_start, int quarter), fy_start, quarter)
SCORECARD_PERIOD_FACTORY(HalfYear, kHalfYear, (int fy_start, int half), fy_start, half)
SCORECARD_PERIOD_FACTORY(Term, kTerm, (int ay_start, int term), ay_start, term)
SCORECARD_PERIOD_FACTORY(FinancialYear, kFinancialYear, (int start), start, 0)
SCORECARD_PERIOD_FACTORY(AcademicYear, kAcademicYear, (int start), start, 0)
SCORECARD_PERIOD_FACTORY(CalendarYear, kCalendarYear, (int year), year, 0)
SCORECARD_PERIOD_FACTORY(Rolling12, kRolling12, (int year, int end_month), year, end_month)
#undef SCORECARD_PERIOD_FACTORY

Period Period::Day(Date date) {
  Period p;
  p.kind_ = PeriodKind::kDay;
  p.day_ = date.days;
  p.year_ = static_cast<int16_t>(date.year());
  return p;
}

Date Period::start() const {
  switch (kind_) {
    case PeriodKind::kMonth:
      return FirstOf(year_, index_);
    case PeriodKind::kQuarter: {
      int y = year_, m = 4;
      ShiftMonth(y, m, (index_ - 1) * 3);
      return FirstOf(y, m);
    }
    case PeriodKind::kHalfYear:
      return index_ == 1 ? FirstOf(year_, 4) : FirstOf(year_, 10);
    case PeriodKind::kTerm:
      return index_ == 1   ? FirstOf(year_, 9)
             : index_ == 2 ? FirstOf(year_ + 1, 1)
                           : FirstOf(year_ + 1, 4);
    case PeriodKind::kFinancialYear:
      return FirstOf(year_, 4);
    case PeriodKind::kAcademicYear:
      return FirstOf(year_, 9);
    case PeriodKind::kCalendarYear:
      return FirstOf(year_, 1);
    case PeriodKind::kRolling12: {
      int y = year_, m = index_;
      ShiftMonth(y, m, -11);
      return FirstOf(y, m);
    }
    case PeriodKind::kDay:
      return Date{day_};
  }
  return {};
}

Date Period::end() const {
  switch (kind_) {
    case PeriodKind::kMonth:
      return LastOf(year_, index_);
    case PeriodKind::kQuarter: {
      int y = year_, m = 6;
      ShiftMonth(y, m, (index_ - 1) * 3);
      return LastOf(y, m);
    }
    case PeriodKind::kHalfYear:
      return index_ == 1 ? LastOf(year_, 9) : LastOf(year_ + 1, 3);
    case PeriodKind::kTerm:
      return index_ == 1   ? LastOf(year_, 12)
             : index_ == 2 ? LastOf(year_ + 1, 3)
                           : LastOf(year_ + 1, 8);
    case PeriodKind::kFinancialYear:
      return LastOf(year_ + 1, 3);
    case PeriodKind::kAcademicYear:
      return LastOf(year_ + 1, 8);
    case PeriodKind::kCalendarYear:
      return LastOf(year_, 12);
    case PeriodKind::kRolling12:
      return LastOf(year_, index_);
    case PeriodKind::kDay:
      return Date{day_};
  }
  return {};
}

bool Period::is_year() const {
  return kind_ == PeriodKind::kFinancialYear || kind_ == PeriodKind::kAcademicYear ||
         kind_ == PeriodKind::kCalendarYear;
}

std::string Period::ToString() const {
  switch (kind_) {
    case PeriodKind::kMonth:
      return fmt::format("{:04}-{:02}", year_, index_);
    case PeriodKind::kQuarter:
      return fmt::format("{} Q{}", YearPair(year_), index_);
    case PeriodKind::kHalfYear:
      return fmt::format("{} H{}", YearPair(year_), index_);
    case PeriodKind::kTerm:
      return fmt::format("AY {} T{}", YearPair(year_), index_);
    case PeriodKind::kFinancialYear:
      return YearPair(year_);
    case PeriodKind::kAcademicYear:
      return "AY " + YearPair(year_);
    case PeriodKind::kCalendarYear:
      return fmt::format("{:04}", year_);
    case PeriodKind::kRolling12:
      return fmt::format("R12 {:04}-{:02}", year_, index_);
    case PeriodKind::kDay:
      return Date{day_}.ToString();
  }
  return "?";
}

Period Period::Previous() const {
  Period p = *this;
  switch (kind_) {
    case PeriodKind::kMonth:
    case PeriodKind::kRolling12: {
      int y = year_, m = index_;
      ShiftMonth(y, m, -1);
      p.year_ = static_cast<int16_t>(y), p.index_ = static_cast<int16_t>(m);
      return p;
    }
    case PeriodKind::kQuarter:
    case PeriodKind::kHalfYear:
    case PeriodKind::kTerm: {
      int per_year = kind_ == PeriodKind::kQuarter ? 4 : kind_ == PeriodKind::kHalfYear ? 2 : 3;
      if (index_ == 1) {
        p.year_ = static_cast<int16_t>(year_ - 1), p.index_ = static_cast<int16_t>(per_year);
      } else {
        p.index_ = static_cast<int16_t>(index_ - 1);
      }
      return p;
    }
    case PeriodKind::kDay:
      return Day(Date{day_ - 1});
    default:
      p.year_ = static_cast<int16_t>(year_ - 1);
      return p;
  }
}

Period Period::Next() const {
  Period p = *this;
  switch (kind_) {
    case PeriodKind::kMonth:
    case PeriodKind::kRolling12: {
      int y = year_, m = index_;
      ShiftMonth(y, m, 1);
      p.year_ = static_cast<int16_t>(y), p.index_ = static_cast<int16_t>(m);
      return p;
    }
    case PeriodKind::kQuarter:
    case PeriodKind::kHalfYear:
    case PeriodKind::kTerm: {
      int per_year = kind_ == PeriodKind::kQuarter ? 4 : kind_ == PeriodKind::kHalfYear ? 2 : 3;
      if (index_ == per_year) {
        p.year_ = static_cast<int16_t>(year_ + 1), p.index_ = 1;
      } else {
        p.index_ = static_cast<int16_t>(index_ + 1);
      }
      return p;
    }
    case PeriodKind::kDay:
      return Day(Date{day_ + 1});
    default:
      p.year_ = static_cast<int16_t>(year_ + 1);
      return p;
  }
}

Period Period::SameLastYear() const {
  if (kind_ == PeriodKind::kDay) {
    Date d{day_};
    int day = std::min(d.day(), DaysInMonth(d.year() - 1, d.month()));
    return Day(Date::FromCivil(d.year() - 1, d.month(), day));
  }
  Period p = *this;
  p.year_ = static_cast<int16_t>(year_ - 1);
  return p;
}

std::strong_ordering Period::operator<=>(const Period& other) const {
  if (auto c = end() <=> other.end(); c != 0) return c;
  if (auto c = other.start() <=> start(); c != 0) return c;  // longer periods sort later
  if (auto c = kind_ <=> other.kind_; c != 0) return c;
  return index_ <=> other.index_;
}

std::expected<Period, std::string> ParsePeriod(std::string_view text) {
  std::vector<Token> tokens = Tokenize(text);
  if (!tokens.empty()) {
    for (auto* attempt :
         {TryDay, TryYearBased, TryMonthRange, TryMonth, TryTerm, TryRolling, TryCalendarYear}) {
      if (auto p = attempt(tokens)) return *p;
    }
  }
  return std::unexpected(fmt::format(
      "a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, not \"{}\"",
      text));
}

// --- Which period -------------------------------------------------------------------------

Period YearContaining(YearBasis basis, Date date) {
  int y = date.year(), m = date.month();
  switch (basis) {
    case YearBasis::kFinancial:
      return Period::FinancialYear(m >= 4 ? y : y - 1);
    case YearBasis::kAcademic:
      return Period::AcademicYear(m >= 9 ? y : y - 1);
    case YearBasis::kCalendar:
      return Period::CalendarYear(y);
  }
  return {};
}

Period PeriodContaining(Frequency frequency, YearBasis basis, Date date) {
  int y = date.year(), m = date.month();
  int fy = m >= 4 ? y : y - 1;
  switch (frequency) {
    case Frequency::kMonthly:
      return Period::Month(y, m);
    case Frequency::kQuarterly:
      return Period::Quarter(fy, (m + 8) % 12 / 3 + 1);
    case Frequency::kHalfYearly:
      return Period::HalfYear(fy, m >= 4 && m <= 9 ? 1 : 2);
    case Frequency::kTermly: {
      int ay = m >= 9 ? y : y - 1;
      return Period::Term(ay, m >= 9 ? 1 : m <= 3 ? 2 : 3);
    }
    case Frequency::kAnnual:
    case Frequency::kBiennial:
      return YearContaining(basis, date);
  }
  return {};
}

Period LatestPeriodEndingBy(Frequency frequency, YearBasis basis, Date date) {
  Period p = PeriodContaining(frequency, basis, date);
  return p.end() <= date ? p : p.Previous();
}

Date EndOfMonthShifted(Date date, int months) {
  int y = date.year(), m = date.month();
  ShiftMonth(y, m, months);
  return LastOf(y, m);
}

Period CurrentPeriod(Frequency frequency, YearBasis basis, int lag_months,
                     const Period& reporting) {
  Date by = reporting.end();
  if (lag_months > 0) by = EndOfMonthShifted(by, -lag_months);
  return LatestPeriodEndingBy(frequency, basis, by);
}

}  // namespace scorecard

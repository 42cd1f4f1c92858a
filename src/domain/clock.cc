#include "domain/clock.h"

#include <fmt/format.h>

#include <charconv>

#include "domain/period.h"

namespace scorecard {

Date DateOf(Moment moment) {
  constexpr int64_t kDay = 86'400'000'000;
  return Date{static_cast<int32_t>(moment >= 0 ? moment / kDay : (moment - kDay + 1) / kDay)};
}

std::string FormatMoment(Moment moment) {
  int64_t seconds = moment >= 0 ? moment / 1'000'000 : (moment - 999'999) / 1'000'000;
  int64_t micros = moment - seconds * 1'000'000;
  int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int64_t rest = seconds - days * 86400;
  Date d{static_cast<int32_t>(days)};
  return fmt::format("{}T{:02}:{:02}:{:02}.{:06}Z", d.ToString(), rest / 3600, rest / 60 % 60,
                     rest % 60, micros);
}

bool ParseMoment(std::string_view s, Moment* moment) {
  auto number = [&](size_t at, size_t len, int* out) {
    if (at + len > s.size()) return false;
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, *out);
    return ec == std::errc() && p == s.data() + at + len;
  };
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!number(0, 4, &y) || s.size() < 10 || s[4] != '-' || !number(5, 2, &mo) || s[7] != '-' ||
      !number(8, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo)) {
    return false;
  }
  size_t at = 10;
  if (at < s.size() && (s[at] == 'T' || s[at] == ' ')) {
    if (!number(at + 1, 2, &h) || at + 3 >= s.size() || s[at + 3] != ':' ||
        !number(at + 4, 2, &mi)) {
      return false;
    }
    at += 6;
    if (at < s.size() && s[at] == ':') {
      if (!number(at + 1, 2, &sec)) return false;
      at += 3;
    }
  }
  if (at < s.size() && s[at] == 'Z') ++at;
  if (at != s.size() || h > 23 || mi > 59 || sec > 59) return false;
  int64_t days = Date::FromCivil(y, mo, d).days;
  *moment = ((days * 86400) + h * 3600 + mi * 60 + sec) * 1'000'000;
  return true;
}

}  // namespace scorecard

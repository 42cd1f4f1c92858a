#include "domain/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace scorecard {

std::string_view Trim(std::string_view s) {
  // Also trims the UTF-8 no-break space (C2 A0) that PDF and spreadsheet exports leave behind.
  auto is_space = [](std::string_view t, size_t i) {
    return std::isspace(static_cast<unsigned char>(t[i]));
  };
  while (!s.empty()) {
    if (is_space(s, 0)) {
      s.remove_prefix(1);
    } else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  while (!s.empty()) {
    if (is_space(s, s.size() - 1)) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string NearestName(std::string_view name, const std::vector<std::string_view>& candidates) {
  std::string lower = ToLower(Trim(name));
  std::string_view best;
  size_t best_distance = 3;  // at most two letters out
  for (std::string_view c : candidates) {
    auto stem = [](std::string_view s) { return s.substr(0, s.find('.')); };
    if (lower == c || (StartsWith(lower, c) && lower.size() > c.size() && lower[c.size()] == '.') ||
        (stem(lower) == stem(c) && lower.find('.') != std::string::npos)) {
      return std::string(c);  // Values.csv, values.csv.txt, values.txt
    }
    size_t d = EditDistance(lower, c);
    if (d < best_distance) best = c, best_distance = d;
  }
  return std::string(best);
}

std::expected<WrittenNumber, std::string> ParseWrittenNumber(std::string_view text) {
  std::string_view s = Trim(text);
  auto fail = [&] {
    return std::unexpected(fmt::format("a number such as 82.5 or 17,931, not \"{}\"", text));
  };
  WrittenNumber out;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (StartsWith(s, "\xC2\xA3")) {  // £
    out.pounds = true;
    s.remove_prefix(2);
  }
  if (!s.empty() && s.back() == '%') {
    out.percent = true;
    s.remove_suffix(1);
  } else if (out.pounds && !s.empty() && (s.back() == 'm' || s.back() == 'M')) {
    out.millions = true;
    s.remove_suffix(1);
  }
  s = Trim(s);
  if (s.empty() || s.size() > 64) return fail();
  // Thousands separators must sit between groups of three digits.
  std::string digits;
  size_t comma_group = 0;
  bool seen_comma = false, seen_point = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',') {
      if (seen_point || i == 0 || (seen_comma && comma_group != 3) ||
          (!seen_comma && comma_group > 3)) {
        return fail();
      }
      seen_comma = true;
      comma_group = 0;
      continue;
    }
    if (c == '.') {
      if (seen_point || (seen_comma && comma_group != 3)) return fail();
      seen_point = true;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return fail();
    } else if (!seen_point) {
      ++comma_group;
    } else {
      ++out.decimals;
    }
    digits.push_back(c);
  }
  if (seen_comma && !seen_point && comma_group != 3) return fail();
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.value);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || !std::isfinite(out.value)) {
    return fail();
  }
  if (negative) out.value = -out.value;
  return out;
}

std::expected<double, std::string> ParseNumber(std::string_view text) {
  auto n = ParseWrittenNumber(text);
  if (!n) return std::unexpected(std::move(n.error()));
  return n->value;
}

std::string FormatDecimal(double value, int decimals, bool thousands) {
  if (std::isnan(value)) return "";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (decimals < 0) decimals = 0;
  // The shortest decimal that reads back as the value ("2.675", where the double is
  // 2.67499999999999982...), rounded in decimal. Very large or small values, which that writes
  // with an exponent, are written out to one place more than asked first.
  std::string shortest = fmt::format("{}", value);
  if (shortest.find('e') != std::string::npos) {
    shortest = fmt::format("{:.{}f}", value, decimals + 1);
  }
  bool negative = shortest[0] == '-';
  if (negative) shortest.erase(0, 1);
  size_t point = shortest.find('.');
  std::string whole = shortest.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : shortest.substr(point + 1);
  bool round_up = static_cast<int>(fraction.size()) > decimals && fraction[decimals] >= '5';
  fraction.resize(static_cast<size_t>(decimals), '0');
  std::string all = whole + fraction;
  if (round_up) {
    size_t i = all.size();
    while (i > 0 && all[i - 1] == '9') all[--i] = '0';
    if (i == 0) {
      all.insert(all.begin(), '1');
    } else {
      ++all[i - 1];
    }
  }
  whole = all.substr(0, all.size() - static_cast<size_t>(decimals));
  fraction = all.substr(all.size() - static_cast<size_t>(decimals));
  if (thousands) {
    for (size_t at = whole.size(); at > 3; at -= 3) whole.insert(at - 3, ",");
  }
  bool zero = all.find_first_not_of('0') == std::string::npos;
  return (negative && !zero ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "");
}

std::string FormatNumber(double value, int decimals) {
  if (std::isnan(value)) return "";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (decimals >= 0) return FormatDecimal(value, decimals);
  // Shortest form of the value rounded to 9 places: hides binary noise (0.1 + 0.2).
  std::string s = FormatDecimal(value, 9);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string CsvField(std::string_view value) {
  // The reader trims unquoted fields with Trim (tabs and no-break spaces too), so any value
  // Trim would change is quoted.
  bool needs = value.find_first_of(",\"\r\n") != std::string_view::npos ||
               Trim(value).size() != value.size();
  if (!needs) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace scorecard

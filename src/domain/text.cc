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

std::expected<double, std::string> ParseNumber(std::string_view text) {
  std::string_view s = Trim(text);
  auto fail = [&] {
    return std::unexpected(fmt::format("a number such as 82.5 or 17,931, not \"{}\"", text));
  };
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  bool pounds = false;
  if (StartsWith(s, "\xC2\xA3")) {  // £
    pounds = true;
    s.remove_prefix(2);
  }
  if (!s.empty() && s.back() == '%') {
    s.remove_suffix(1);
  } else if (pounds && !s.empty() && (s.back() == 'm' || s.back() == 'M')) {
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
    }
    digits.push_back(c);
  }
  if (seen_comma && !seen_point && comma_group != 3) return fail();
  double value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || !std::isfinite(value)) {
    return fail();
  }
  return negative ? -value : value;
}

std::string FormatNumber(double value, int decimals) {
  if (std::isnan(value)) return "";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (decimals >= 0) return fmt::format("{:.{}f}", value, decimals);
  // Shortest form of the value rounded to 9 places: hides binary noise (0.1 + 0.2).
  std::string s = fmt::format("{:.9f}", value);
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

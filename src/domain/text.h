#pragma once
// Small string helpers shared by the domain and the readers.

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard {

std::string_view Trim(std::string_view s);
std::string ToLower(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);

// The number of single-character insertions, deletions and substitutions that turn a into b.
size_t EditDistance(std::string_view a, std::string_view b);
// The candidate `name` most probably meant: the same but for case, with an extension added
// (values.csv.txt), or at most a few letters out (value.csv). Empty if none is that close.
std::string NearestName(std::string_view name, const std::vector<std::string_view>& candidates);

// A CSV field (RFC 4180): quoted if it needs it, so that a reader trimming unquoted fields gets
// back exactly `value`.
std::string CsvField(std::string_view value);

// A number as it was written: its value, how many decimal places it was given with, and the
// unit marks around it.
struct WrittenNumber {
  double value = 0;
  int decimals = 0;       // "154,681.30": 2
  bool percent = false;   // "82.0%"
  bool pounds = false;    // "£850,000"
  bool millions = false;  // "£1.37m"
};

// Reads a number as councils write it: "82.5", "-3", "17,931", "82.0%", "£850,000", "£1.37m".
// The error says what was expected.
std::expected<WrittenNumber, std::string> ParseWrittenNumber(std::string_view text);
std::expected<double, std::string> ParseNumber(std::string_view text);

// Formats a number with exactly `decimals` places, rounding half away from zero as the number
// reads in decimal (2.675 to 2 places is 2.68, though the binary double is a hair below), with
// thousands separators if asked: FormatDecimal(11127609.7, 2, true) = "11,127,609.70".
std::string FormatDecimal(double value, int decimals, bool thousands = false);
// Formats a number with exactly `decimals` places (FormatNumber(82, 1) = "82.0"), as
// FormatDecimal; with decimals < 0, in its shortest form after rounding to 9 places ("82",
// "0.15").
std::string FormatNumber(double value, int decimals = -1);

}  // namespace scorecard

#include "io/canonical.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "domain/period.h"
#include "domain/text.h"

namespace scorecard {
namespace {

enum class ColumnKind { kText, kPeriod, kNumber, kYesNo };

ColumnKind KindOf(std::string_view column) {
  static constexpr std::string_view kPeriods[] = {"period", "planned", "due", "baseline_period"};
  static constexpr std::string_view kNumbers[] = {
      "target", "value", "numerator", "denominator", "forecast", "likelihood",
      "impact", "score", "decimals",  "order",       "min",      "max"};
  static constexpr std::string_view kYesNo[] = {"priority", "time", "cost", "scope", "benefits"};
  auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), column) != std::end(list);
  };
  if (in(kPeriods)) return ColumnKind::kPeriod;
  if (in(kNumbers)) return ColumnKind::kNumber;
  if (in(kYesNo)) return ColumnKind::kYesNo;
  return ColumnKind::kText;
}

// A plain decimal below a million, no sign, no leading zero ("0", "82.50", "17931") is already
// canonical. Most figures are written so.
bool IsCanonicalNumber(std::string_view t) {
  size_t point = t.find('.');
  std::string_view whole = t.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? "" : t.substr(point + 1);
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > 6 || !digits(whole)) return false;
  if (whole.size() > 1 && whole[0] == '0') return false;
  return point == std::string_view::npos || (!fraction.empty() && digits(fraction));
}

std::string CanonicalText(ColumnKind kind, std::string_view t) {
  switch (kind) {
    case ColumnKind::kPeriod:
      if (auto p = ParsePeriod(t)) return p->ToString();
      break;
    case ColumnKind::kNumber:
      // Plainly, keeping the places it was written with ("£154,681.30" is 154681.30).
      if (IsCanonicalNumber(t)) return std::string(t);
      if (auto n = ParseWrittenNumber(t)) return FormatDecimal(n->value, n->decimals);
      break;
    case ColumnKind::kYesNo: {
      std::string s = ToLower(t);
      if (s == "yes" || s == "y" || s == "true" || s == "1") return "yes";
      if (s == "no" || s == "n" || s == "false" || s == "0") return "no";
      break;
    }
    case ColumnKind::kText:
      break;
  }
  return std::string(t);
}

// Puts fields in canonical form, remembering periods: a table names the same few over and over.
class Canonicalizer {
 public:
  std::string operator()(ColumnKind kind, std::string_view text) {
    std::string_view t = Trim(text);
    if (t.empty()) return "";
    if (kind != ColumnKind::kPeriod) return CanonicalText(kind, t);
    if (auto known = periods_.find(t); known != periods_.end()) return known->second;
    std::string canonical = CanonicalText(kind, t);
    constexpr size_t kPeriodsKept = 4096;
    if (periods_.size() < kPeriodsKept) periods_.emplace(t, canonical);
    return canonical;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> periods_;
};

}  // namespace

std::vector<Row> CanonicalRows(const CsvTable& table, const TableSpec& spec) {
  std::vector<std::string_view> columns = spec.columns();
  std::vector<int> source(columns.size(), -1);
  std::vector<ColumnKind> kinds(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    auto it = std::find(table.header.begin(), table.header.end(), columns[c]);
    if (it != table.header.end()) source[c] = static_cast<int>(it - table.header.begin());
    kinds[c] = KindOf(columns[c]);
  }
  Canonicalizer canonical;
  std::vector<Row> rows;
  rows.reserve(table.rows.size());
  for (const CsvRow& r : table.rows) {
    auto present = [&](size_t c) {
      return source[c] >= 0 && !table.Field(r, static_cast<size_t>(source[c])).empty();
    };
    size_t used = columns.size();
    while (used > 0 && !present(used - 1)) --used;
    Row row(used);
    for (size_t c = 0; c < used; ++c) {
      if (present(c)) row[c] = canonical(kinds[c], table.Field(r, static_cast<size_t>(source[c])));
    }
    while (!row.empty() && row.back().empty()) row.pop_back();
    rows.push_back(std::move(row));
  }
  return rows;
}

bool SameFields(const Row& a, const Row& b) {
  const Row& shorter = a.size() <= b.size() ? a : b;
  const Row& longer = a.size() <= b.size() ? b : a;
  return std::equal(shorter.begin(), shorter.end(), longer.begin()) &&
         std::all_of(longer.begin() + static_cast<std::ptrdiff_t>(shorter.size()), longer.end(),
                     [](const std::string& f) { return f.empty(); });
}

std::string CsvText(const TableSpec& spec, const std::vector<Row>& rows) {
  std::string out;
  std::vector<std::string_view> columns = spec.columns();
  for (size_t c = 0; c < columns.size(); ++c) {
    if (c) out += ',';
    out += columns[c];
  }
  out += '\n';
  for (const Row& row : rows) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c) out += ',';
      if (c < row.size()) out += CsvField(row[c]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace scorecard

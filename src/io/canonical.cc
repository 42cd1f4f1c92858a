#include "io/canonical.h"

#include <algorithm>

#include "domain/period.h"
#include "domain/text.h"

namespace scorecard {
namespace {

enum class ColumnKind { kText, kPeriod, kNumber, kYesNo };

ColumnKind KindOf(std::string_view column) {
  static constexpr std::string_view kPeriods[] = {"period", "planned", "due", "baseline_period"};
  static constexpr std::string_view kNumbers[] = {
      "target",     "value",  "numerator", "denominator", "forecast",
      "likelihood", "impact", "score",     "decimals",    "order"};
  static constexpr std::string_view kYesNo[] = {"priority", "time", "cost", "scope", "benefits"};
  auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), column) != std::end(list);
  };
  if (in(kPeriods)) return ColumnKind::kPeriod;
  if (in(kNumbers)) return ColumnKind::kNumber;
  if (in(kYesNo)) return ColumnKind::kYesNo;
  return ColumnKind::kText;
}

std::string Canonical(ColumnKind kind, std::string_view text) {
  std::string_view t = Trim(text);
  if (t.empty()) return "";
  switch (kind) {
    case ColumnKind::kPeriod:
      if (auto p = ParsePeriod(t)) return p->ToString();
      break;
    case ColumnKind::kNumber:
      if (auto n = ParseNumber(t)) return FormatNumber(*n);
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
  std::vector<Row> rows;
  rows.reserve(table.rows.size());
  for (const CsvRow& r : table.rows) {
    Row row(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      if (source[c] >= 0 && static_cast<size_t>(source[c]) < r.fields.size()) {
        row[c] = Canonical(kinds[c], r.fields[source[c]]);
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string CsvText(const TableSpec& spec, const std::vector<Row>& rows) {
  std::string out;
  std::vector<std::string_view> columns = spec.columns();
  for (size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + std::string(columns[c]);
  out += '\n';
  for (const Row& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + CsvField(row[c]);
    out += '\n';
  }
  return out;
}

}  // namespace scorecard

#include "io/table.h"

#include <fmt/format.h>

#include <charconv>

#include "domain/text.h"

namespace scorecard {

bool Table::CheckColumns(const std::vector<std::string_view>& required,
                         const std::vector<std::string_view>& optional) {
  if (csv_.unreadable) return false;  // already said
  bool ok = true;
  index_.clear();
  for (size_t i = 0; i < csv_.header.size(); ++i) {
    const std::string& name = csv_.header[i];
    bool known = StartsWith(name, "x_");
    for (auto list : {required, optional}) {
      for (std::string_view c : list) known = known || c == name;
    }
    if (name.empty()) {
      issues_->push_back({csv_.file, 1, "", fmt::format("expected a name for column {}", i + 1)});
      ok = false;
    } else if (!known) {
      std::string all;
      for (auto list : {required, optional}) {
        for (std::string_view c : list) all += (all.empty() ? "" : ", ") + std::string(c);
      }
      issues_->push_back({csv_.file, 1, name,
                          fmt::format("unknown column; expected one of {} (or a name starting "
                                      "x_ for your own use)",
                                      all)});
      ok = false;
    } else if (Position(name)) {
      issues_->push_back({csv_.file, 1, name, "column named twice"});
      ok = false;
    } else {
      index_.emplace_back(name, i);
    }
  }
  for (std::string_view c : required) {
    if (!Position(c)) {
      issues_->push_back({csv_.file, 1, std::string(c), "expected this required column"});
      ok = false;
    }
  }
  return ok;
}

const size_t* Table::Position(std::string_view column) const {
  for (const auto& [name, at] : index_) {
    if (name == column) return &at;
  }
  return nullptr;
}

std::string_view Table::Text(const CsvRow& row, std::string_view column) const {
  const size_t* at = Position(column);
  if (!at || *at >= row.fields.size()) return {};
  return Trim(row.fields[*at]);
}

void Table::Error(const CsvRow& row, std::string_view column, std::string message) {
  issues_->push_back({csv_.file, row.line, std::string(column), std::move(message)});
}

std::optional<std::string> Table::Required(const CsvRow& row, std::string_view column,
                                           std::string_view what) {
  std::string_view t = Text(row, column);
  if (t.empty()) {
    Error(row, column, fmt::format("expected {}", what));
    return std::nullopt;
  }
  return std::string(t);
}

std::optional<double> Table::Number(const CsvRow& row, std::string_view column) {
  std::string_view t = Text(row, column);
  if (t.empty()) return std::nullopt;
  auto n = ParseNumber(t);
  if (!n) {
    Error(row, column, "expected " + n.error());
    return std::nullopt;
  }
  return *n;
}

std::optional<Period> Table::PeriodOf(const CsvRow& row, std::string_view column, bool required) {
  std::string_view t = Text(row, column);
  if (t.empty()) {
    if (required) Error(row, column, "expected a period such as 2017/18 Q2");
    return std::nullopt;
  }
  if (auto known = periods_.find(t); known != periods_.end()) return known->second;
  auto p = ParsePeriod(t);
  if (!p) {
    Error(row, column, "expected " + p.error());
    return std::nullopt;
  }
  constexpr size_t kPeriodsKept = 4096;
  if (periods_.size() < kPeriodsKept) periods_.emplace(t, *p);
  return *p;
}

bool Table::YesNo(const CsvRow& row, std::string_view column) {
  std::string t = ToLower(Text(row, column));
  if (t.empty() || t == "no" || t == "n" || t == "false" || t == "0") return false;
  if (t == "yes" || t == "y" || t == "true" || t == "1") return true;
  Error(row, column, fmt::format("expected yes or no, not \"{}\"", Text(row, column)));
  return false;
}

std::optional<int> Table::Integer(const CsvRow& row, std::string_view column, int min, int max) {
  std::string_view t = Text(row, column);
  if (t.empty()) return std::nullopt;
  int n = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
  if (ec != std::errc() || ptr != t.data() + t.size() || n < min || n > max) {
    Error(row, column,
          fmt::format("expected a whole number from {} to {}, not \"{}\"", min, max, t));
    return std::nullopt;
  }
  return n;
}

}  // namespace scorecard

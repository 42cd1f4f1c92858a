#include "io/table.h"

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
      Header("table.unnamed-column", "", {{"number", std::to_string(i + 1)}});
      ok = false;
    } else if (!known) {
      std::string all;
      for (auto list : {required, optional}) {
        for (std::string_view c : list) all += (all.empty() ? "" : ", ") + std::string(c);
      }
      Header("table.unknown-column", name, {{"columns", all}});
      ok = false;
    } else if (Position(name)) {
      Header("table.column-twice", name);
      ok = false;
    } else {
      index_.emplace_back(name, i);
    }
  }
  for (std::string_view c : required) {
    if (!Position(c)) {
      Header("table.no-column", c);
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
  if (!at) return {};
  return Trim(csv_.Field(row, *at));
}

void Table::Report(const CsvRow& row, std::string_view column, std::string_view code,
                   IssueParams params) {
  issues_->push_back(MakeIssue(code, PlaceOf(row, column), std::move(params)));
}

void Table::Header(std::string_view code, std::string_view column, IssueParams params) {
  issues_->push_back(MakeIssue(code, {csv_.file, 1, std::string(column)}, std::move(params)));
}

std::optional<std::string> Table::Required(const CsvRow& row, std::string_view column,
                                           std::string_view what) {
  std::string_view t = Text(row, column);
  if (t.empty()) {
    Report(row, column, "table.required", {{"what", std::string(what)}});
    return std::nullopt;
  }
  return std::string(t);
}

std::optional<double> Table::Number(const CsvRow& row, std::string_view column) {
  std::string_view t = Text(row, column);
  if (t.empty()) return std::nullopt;
  auto n = ParseNumber(t);
  if (!n) {
    Report(row, column, "table.number", {{"text", std::string(t)}});
    return std::nullopt;
  }
  return *n;
}

std::optional<Period> Table::PeriodOf(const CsvRow& row, std::string_view column, bool required) {
  std::string_view t = Text(row, column);
  if (t.empty()) {
    if (required) Report(row, column, "table.no-period");
    return std::nullopt;
  }
  if (auto known = periods_.find(t); known != periods_.end()) return known->second;
  auto p = ParsePeriod(t);
  if (!p) {
    Report(row, column, "table.period", {{"text", std::string(t)}});
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
  Report(row, column, "table.yes-no", {{"text", std::string(Text(row, column))}});
  return false;
}

std::optional<int> Table::Integer(const CsvRow& row, std::string_view column, int min, int max) {
  std::string_view t = Text(row, column);
  if (t.empty()) return std::nullopt;
  int n = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
  if (ec != std::errc() || ptr != t.data() + t.size() || n < min || n > max) {
    Report(row, column, "table.whole-number",
           {{"min", std::to_string(min)}, {"max", std::to_string(max)}, {"text", std::string(t)}});
    return std::nullopt;
  }
  return n;
}

}  // namespace scorecard

#pragma once
// Typed, checked access to a CSV table's columns. Each getter records an issue naming the file,
// line and column when a field does not hold what the column promises.

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/issue.h"
#include "domain/period.h"
#include "io/csv.h"
#include "io/interchange.h"

namespace scorecard {

class Table {
 public:
  Table(const CsvTable& csv, Issues* issues) : csv_(csv), issues_(issues) {}

  // Checks the header: every required column present, no unknown column (x_ columns allowed),
  // no column named twice. False if the table cannot be read.
  bool CheckColumns(const std::vector<std::string_view>& required,
                    const std::vector<std::string_view>& optional);
  bool CheckColumns(const TableSpec& spec) { return CheckColumns(spec.required, spec.optional); }

  const std::vector<CsvRow>& rows() const { return csv_.rows; }
  const std::string& file() const { return csv_.file; }
  bool Has(std::string_view column) const { return Position(column) != nullptr; }

  // The trimmed field, or empty when the column is absent.
  std::string_view Text(const CsvRow& row, std::string_view column) const;
  // A non-empty field; records "expected <what>" (table.required) if empty.
  std::optional<std::string> Required(const CsvRow& row, std::string_view column,
                                      std::string_view what);
  std::optional<double> Number(const CsvRow& row, std::string_view column);
  std::optional<Period> PeriodOf(const CsvRow& row, std::string_view column, bool required);
  bool YesNo(const CsvRow& row, std::string_view column);
  std::optional<int> Integer(const CsvRow& row, std::string_view column, int min, int max);

  // Records the catalogue's issue `code` at this row and column.
  void Report(const CsvRow& row, std::string_view column, std::string_view code,
              IssueParams params = {});
  void Issue(scorecard::Issue issue) { issues_->push_back(std::move(issue)); }
  Place PlaceOf(const CsvRow& row, std::string_view column) const {
    return {csv_.file, row.line, std::string(column)};
  }

 private:
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  // Records the catalogue's issue `code` about the header row.
  void Header(std::string_view code, std::string_view column, IssueParams params = {});
  // The column's position in a row; null if the header has no such column.
  const size_t* Position(std::string_view column) const;

  const CsvTable& csv_;
  Issues* issues_;
  // Each column's name and position: a handful, so a list is quickest to search (Text is
  // called for every field read).
  std::vector<std::pair<std::string, size_t>> index_;
  // Periods already parsed: a table names the same few over and over.
  std::unordered_map<std::string, Period, NameHash, std::equal_to<>> periods_;
};

}  // namespace scorecard

#pragma once
// The interchange tables as the sheets of one Excel workbook (.xlsx): a sheet "scorecard" holds
// scorecard.toml, one line per row in column A, and each table is the sheet of its name
// ("measures", "values", ...) with the column names in its first row. A report layout is a sheet
// "report NAME" holding its text as the scorecard sheet holds scorecard.toml. Any other sheet is
// an error, unless its name starts with x_.

#include <expected>
#include <map>
#include <string>

#include "domain/issue.h"
#include "io/interchange.h"
#include "io/workbook_sheet.h"

namespace scorecard {

class WorkbookTableSource : public TableSource {
 public:
  // Reads the workbook's bytes; `name` names it in messages ("derby.xlsx"). Fails with an issue
  // when the bytes are not a workbook, a part is damaged, or the workbook is too large when
  // uncompressed. Problems with single cells are reported by Config and Table.
  static std::expected<WorkbookTableSource, Issues> Open(std::string bytes, std::string name);

  std::optional<std::string> Config(Issues* issues) const override;
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override;
  std::optional<std::vector<ReportLayoutText>> Layouts(Issues* issues) const override;
  std::string Describe() const override { return name_; }
  std::string NameOf(const TableSpec& spec) const override {
    return name_ + " [" + std::string(spec.name) + "]";
  }
  std::string ConfigName() const override { return name_ + " [scorecard]"; }
  std::string LayoutsName() const override { return name_ + " [report sheets]"; }
  Issue MissingConfig() const override;
  // Every other sheet is an error: a misnamed one would otherwise be passed over.
  void CheckNothingElse(Issues* issues) const override;

 private:
  explicit WorkbookTableSource(std::string name) : name_(std::move(name)) {}
  // "derby.xlsx [measures]": how issues name a sheet.
  std::string SheetFile(std::string_view sheet) const;

  std::string name_;
  std::map<std::string, Sheet, std::less<>> sheets_;  // by lower-case name; only those we read
  std::vector<std::string> layouts_;                  // "report NAME" sheets, as named
  std::vector<std::string> unread_;                   // the other sheets' names
  std::vector<std::string> charts_;                   // chart sheets named like a table
};

}  // namespace scorecard

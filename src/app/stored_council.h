#pragma once
// A council held in the store, read back as interchange tables: to assess it as at any moment,
// or to export it as a folder.

#include <expected>
#include <map>
#include <optional>
#include <string>

#include "app/result.h"
#include "app/store_session.h"
#include "domain/council.h"
#include "domain/issue.h"
#include "io/canonical.h"
#include "io/interchange.h"
#include "store/store.h"

namespace scorecard {

// The stored tables of one organisation as they were after a change (now, if none).
class StoredTableSource : public TableSource {
 public:
  StoredTableSource(Store& store, int64_t org, std::optional<int64_t> as_at)
      : store_(store), org_(org), as_at_(as_at) {}
  std::optional<std::string> Config(Issues* issues) const override;
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override;
  // Each named in messages as its file in the database: "reports/quarterly.toml (database)".
  std::optional<std::vector<ReportLayoutText>> Layouts(Issues* issues) const override;
  std::string Describe() const override { return "the database"; }
  std::string LayoutsName() const override { return "report_layouts (database)"; }

 private:
  Store& store_;
  int64_t org_;
  std::optional<int64_t> as_at_;
};

// The organisation's council as it was after change `as_at` (now, if none).
std::expected<Council, Issues> LoadCouncil(Store& store, std::string_view org_code,
                                           std::optional<int64_t> as_at = std::nullopt);

// scorecard.toml, NAME.csv for each table that has rows and reports/NAME.toml for each layout,
// as they were after `as_at`.
std::expected<std::map<std::string, std::string>, Issues> ExportFiles(
    Store& store, std::string_view org_code, std::optional<int64_t> as_at = std::nullopt);
// The same as one workbook (docs/interchange.md, "As one workbook").
std::expected<void, Issues> ExportWorkbook(Store& store, std::string_view org_code,
                                           std::optional<int64_t> as_at, const std::string& path);
// Use case: writes the council as at a moment to `target`, a folder or a workbook (ending .xlsx),
// whole or not at all. Says what it wrote: "exported 8 files to out".
Result<std::string> ExportCouncil(const StoreAddress& address, const AsAt& as_at,
                                  const std::string& target, const Clock& clock);
// Writes those files into `dir`, creating it and the folders they name (reports/).
std::expected<void, Issues> WriteFiles(const std::string& dir,
                                       const std::map<std::string, std::string>& files);

}  // namespace scorecard

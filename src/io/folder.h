#pragma once
// Reads a council (docs/interchange.md) from any table source: an interchange folder, a
// workbook, the database. A council with any error is rejected whole, with every issue listed;
// warnings are said and the council is read.

#include <expected>

#include "domain/council.h"
#include "domain/issue.h"
#include "io/file_source.h"
#include "io/interchange.h"

namespace scorecard {

// The council, or every issue (errors and warnings) when there is any error. On success the
// warnings, if any, go to `warnings`.
std::expected<Council, Issues> ReadCouncil(const TableSource& source, Issues* warnings = nullptr);

// The files a seed folder holds besides the interchange tables: what the council published, read
// by `scorecard verify` (docs/interchange.md, "Seed folders only").
const std::vector<std::string_view>& VerificationFiles();

// An interchange folder: scorecard.toml, NAME.csv for each table, and report layouts as
// reports/NAME.toml.
class FolderTableSource : public TableSource {
 public:
  explicit FolderTableSource(const FileSource& files) : files_(files) {}
  std::optional<std::string> Config(Issues* issues) const override;
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override;
  std::optional<std::vector<ReportLayoutText>> Layouts(Issues* issues) const override;
  std::string Describe() const override { return files_.Describe(); }
  void CheckNothingElse(Issues* issues) const override;

 private:
  const FileSource& files_;
};

inline std::expected<Council, Issues> ReadFolder(const FileSource& files,
                                                 Issues* warnings = nullptr) {
  return ReadCouncil(FolderTableSource(files), warnings);
}

}  // namespace scorecard

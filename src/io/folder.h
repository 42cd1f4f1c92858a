#pragma once
// Reads a council (docs/interchange.md) from any table source: an interchange folder, a
// workbook, the database. A council with any issue is rejected whole, with every issue listed.

#include <expected>

#include "domain/council.h"
#include "domain/issue.h"
#include "io/file_source.h"
#include "io/interchange.h"

namespace scorecard {

std::expected<Council, Issues> ReadCouncil(const TableSource& source);

// An interchange folder: scorecard.toml and NAME.csv for each table.
class FolderTableSource : public TableSource {
 public:
  explicit FolderTableSource(const FileSource& files) : files_(files) {}
  std::optional<std::string> Config(Issues* issues) const override;
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override;
  std::string Describe() const override { return files_.Describe(); }

 private:
  const FileSource& files_;
};

inline std::expected<Council, Issues> ReadFolder(const FileSource& files) {
  return ReadCouncil(FolderTableSource(files));
}

}  // namespace scorecard

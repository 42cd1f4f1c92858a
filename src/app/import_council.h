#pragma once
// Use case: import a council's interchange folder or workbook into the store, as one change.
// Steps: read and check every table (any issue: nothing changes, every issue listed); put the
// rows in canonical form; compare them with the stored rows; add, change and remove versions
// in one transaction. Importing the same data again changes nothing.

#include <expected>
#include <functional>
#include <string>
#include <vector>

#include "domain/issue.h"
#include "io/interchange.h"
#include "store/store.h"

namespace scorecard {

struct TableCounts {
  std::string table;
  int added = 0, changed = 0, removed = 0, unchanged = 0;
};

struct ImportReport {
  std::vector<TableCounts> tables;
  int64_t change = 0;  // the change made; 0 when nothing changed or a dry run
  int total_changes() const;
};

struct ImportOptions {
  std::string org_code;
  ChangeInfo info;
  bool dry_run = false;
  // Told how far the import has got ("reading", "writing", ...); may be empty.
  std::function<void(std::string_view stage, size_t done, size_t total)> progress;
};

std::expected<ImportReport, Issues> ImportCouncil(Store& store, const TableSource& source,
                                                  const ImportOptions& options);

}  // namespace scorecard

#pragma once
// Use case: import a council's interchange folder or workbook into the store, as one change.
// Steps: read and check every table, with the stored table standing in for any file the source
// does not have (any error: nothing changes, every issue listed); put the rows in canonical form;
// compare them with the stored rows; add, change and remove versions in one transaction. A table
// whose file is absent is left as stored; removing more than a tenth of a table's rows must be
// allowed. Importing the same data again changes nothing.

#include <functional>
#include <string>
#include <vector>

#include "app/result.h"
#include "io/interchange.h"
#include "store/store.h"

namespace scorecard {

struct TableCounts {
  std::string table;
  int added = 0, changed = 0, removed = 0, unchanged = 0;
  bool kept = false;                      // the source has no such table: left as stored
  std::vector<std::string> removed_rows;  // each removed row's key, as people read it
};

struct ImportReport {
  std::string org;  // the organisation's code
  std::vector<TableCounts> tables;
  int64_t change = 0;  // the change made; 0 when nothing changed or a dry run
  Issues warnings;
  bool new_database = false;  // a dry run with no database yet: planned against an empty one
  int total_changes() const;
};

struct ImportOptions {
  std::string org_code;  // empty: the code in scorecard.toml
  ChangeInfo info;
  bool dry_run = false;
  bool allow_removals = false;  // remove more than a tenth of a table's rows
  // Told how far the import has got ("checking", "writing", ...); may be empty.
  std::function<void(std::string_view stage, size_t done, size_t total)> progress;
};

Result<ImportReport> ImportCouncil(Store& store, const TableSource& source,
                                   const ImportOptions& options);

// Opens the folder or workbook at `path` and the database at `url` (the default if empty), and
// imports. A dry run never creates or migrates a database.
Result<ImportReport> ImportPath(const std::string& path, const std::string& url,
                                const ImportOptions& options, const Clock& clock);

}  // namespace scorecard

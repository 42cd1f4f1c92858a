#pragma once
// The tables of the interchange format (docs/interchange.md): one definition of each table's
// columns, shared by the readers, the workbook reader and writer, and the database.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/council.h"
#include "domain/issue.h"
#include "io/csv.h"

namespace scorecard {

struct TableSpec {
  std::string_view name;                   // "measures": file measures.csv, sheet measures
  std::vector<std::string_view> key;       // the columns that name a row
  std::vector<std::string_view> required;  // includes the key
  std::vector<std::string_view> optional;
  bool required_table = false;

  std::vector<std::string_view> columns() const;  // required, then optional
};

// In dependency order: each table may name rows of the tables before it.
const std::vector<TableSpec>& InterchangeTables();
// REQUIRES: name is one of InterchangeTables().
const TableSpec& SpecOf(std::string_view name);

// Where a council's configuration and tables come from: a folder of CSV files, a workbook's
// sheets, or the database.
class TableSource {
 public:
  virtual ~TableSource() = default;
  // The text of scorecard.toml; nullopt if there is none, or (with an issue) if it cannot be read.
  virtual std::optional<std::string> Config(Issues* issues) const = 0;
  // The table, or nullopt if the source has none. Problems reading it go to issues.
  virtual std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const = 0;
  // The council's report layouts (io/report_layouts.h), each name once, in any order; nullopt
  // if the source has no place for them (a folder without reports/), which leaves stored ones
  // as they are. Problems reading them go to issues; their names are the reader's to check.
  // Pure, so that no source (a wrapper, say) passes them over by default.
  virtual std::optional<std::vector<ReportLayoutText>> Layouts(Issues* issues) const = 0;
  // Names the source in messages: a folder's path, a workbook's file name.
  virtual std::string Describe() const = 0;
  // Names a table, and the configuration, in messages: "measures.csv", "derby.xlsx [measures]".
  virtual std::string NameOf(const TableSpec& spec) const {
    return std::string(spec.name) + ".csv";
  }
  virtual std::string ConfigName() const { return "scorecard.toml"; }
  // Names the layouts together in messages: "reports/", "derby.xlsx [report sheets]".
  virtual std::string LayoutsName() const { return "reports/"; }
  // The issue when there is no configuration.
  virtual Issue MissingConfig() const;
  // Adds an issue for everything in the source that Scorecard does not read: a misnamed file
  // is never silently passed over.
  virtual void CheckNothingElse(Issues*) const {}
};

}  // namespace scorecard

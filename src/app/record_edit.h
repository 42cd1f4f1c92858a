#pragma once
// Writing one record of an interchange table from a form (a value, a rating, an assessment, a
// score): what the edit use cases (enter_value.h, rate_action.h, assess_project.h, score_risk.h)
// share. Each reads only the rows its rules need, checks the form by the import's own readers
// (ReadCouncil over a council of those few rows), stores the row in canonical form, and writes
// it on top of the version the user read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/result.h"
#include "io/canonical.h"
#include "io/interchange.h"
#include "store/store.h"

namespace scorecard {

// Where an edit comes from unless its caller says otherwise.
inline constexpr std::string_view kWebEdit = "web edit";
// The file an edit's issues name; their column is the form's field (the table's column).
inline constexpr std::string_view kForm = "form";

// What an edit leaves.
struct Saved {
  int version = 0;     // the record's version now
  int64_t change = 0;  // the change that made it; 0 when it already held what was entered
  Issues warnings;     // said of the entry by the import's rules, which accepted it
};

// What an edit asks for, whatever its record.
struct EditBasis {
  std::string org_code;
  int base_version = 0;  // the version the user read; 0: there was no record yet
  ChangeInfo change;     // author (required) and reason; source kWebEdit if empty
};

// A form's fields by column; columns not named are empty.
using FormFields = std::vector<std::pair<std::string_view, std::string>>;

// The organisation's configuration as stored: scorecard.toml, and the report layouts its
// [reports] default names one of.
struct StoredConfig {
  std::string toml;
  std::vector<ReportLayoutText> layouts;
};

// The council ReadCouncil checks an edit in: the configuration and a few tables; an empty
// measures table if none is given (the readers require one).
class EditSource : public TableSource {
 public:
  using Tables = std::vector<std::pair<const TableSpec*, CsvTable>>;
  EditSource(StoredConfig config, Tables tables)
      : config_(std::move(config)), tables_(std::move(tables)) {}
  std::optional<std::string> Config(Issues* issues) const override;
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override;
  std::optional<std::vector<ReportLayoutText>> Layouts(Issues* issues) const override;
  std::string Describe() const override { return std::string(kForm); }

 private:
  StoredConfig config_;
  Tables tables_;
};

// The edit's steps, in the order the use cases take them.
class RecordEdit {
 public:
  // REQUIRES: basis.change.author is not empty; `fields` name only columns of `spec`.
  RecordEdit(Store& store, const TableSpec& spec, const EditBasis& basis, const FormFields& fields);

  // The row in canonical form, and its key.
  const Row& row() const { return row_; }
  const std::string& key() const { return key_; }
  // The row's field in `column`, or empty.
  std::string_view Field(std::string_view column) const;

  // Finds the organisation: not found if there is none.
  Result<void> FindOrganisation();
  // Reads the item the row belongs to (its ref): not found if there is none. `item` names its
  // kind in words ("a measure"). Returns it as a one-row table for Check, without the columns
  // naming other rows (node, parent), which the edit does not read.
  Result<std::pair<const TableSpec*, CsvTable>> ReadItem(const TableSpec& items,
                                                         std::string_view item);
  // Adds to the item's table (ReadItem's) the rows naming it as their parent (a measure's parts:
  // whether it rolls up from them is part of the rules).
  Result<void> ReadParts(std::pair<const TableSpec*, CsvTable>* item);
  // Reads the organisation's configuration (scorecard.toml) and its report layouts.
  Result<StoredConfig> ReadConfig();
  // Reads the record as stored now (none if there is no record yet).
  Result<void> ReadCurrent();
  // Reads the current rows of `spec` whose key begins with `leading` (a measure's targets: its
  // ref), as a table for Check.
  Result<std::pair<const TableSpec*, CsvTable>> ReadRows(const TableSpec& spec,
                                                         const std::vector<std::string>& leading);
  // Reads the other current rows of the edit's table whose key begins with `leading` (a risk's
  // scores of other kinds for the period), for rules across rows.
  Result<std::vector<std::vector<std::string>>> ReadOthers(const std::vector<std::string>& leading);

  // The form as a table of one row (file kForm, line 0), after `others` (rows of the same table).
  std::pair<const TableSpec*, CsvTable> FormTable(
      const std::vector<std::vector<std::string>>& others = {}) const;
  // Checks the form by the import's rules: ReadCouncil over `source`; invalid with its issues
  // (errors and warnings). Keeps the warnings for Save.
  Result<void> Check(const EditSource& source);

  // Saves the row on top of the base version, unless the record already holds it; `record`
  // names it in words for a conflict ("the value of CP 08b for 2017/18 Q2").
  Result<Saved> Save(std::string_view record);

 private:
  Store& store_;
  const TableSpec& spec_;
  const EditBasis& basis_;
  ChangeInfo info_;
  FormFields fields_;
  Row row_;
  std::string key_;
  int64_t org_ = 0;
  std::optional<StoredRow> current_;
  Issues warnings_;
};

}  // namespace scorecard

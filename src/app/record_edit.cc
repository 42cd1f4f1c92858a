#include "app/record_edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <stdexcept>

#include "io/folder.h"
#include "io/report_layouts.h"

namespace scorecard {
namespace {

// Empties the row's fields in `columns` (those the table has).
void Clear(const TableSpec& spec, std::vector<std::string>* fields,
           std::initializer_list<std::string_view> columns) {
  std::vector<std::string_view> header = spec.columns();
  for (std::string_view column : columns) {
    auto at = std::find(header.begin(), header.end(), column);
    if (at != header.end()) (*fields)[at - header.begin()].clear();
  }
}

std::vector<std::string> Header(const TableSpec& spec) {
  std::vector<std::string> header;
  for (std::string_view c : spec.columns()) header.emplace_back(c);
  return header;
}

// A stored row's fields: every column, in order.
std::vector<std::string> AllColumns(const TableSpec& spec, std::vector<std::string> fields) {
  fields.resize(spec.columns().size());
  return fields;
}

ChangeInfo WithSource(ChangeInfo info) {
  if (info.author.empty()) throw std::invalid_argument("an edit needs its author");
  if (info.source.empty()) info.source = kWebEdit;
  return info;
}

std::string InDatabase(const TableSpec& spec) { return std::string(spec.name) + " (database)"; }

}  // namespace

std::optional<std::string> EditSource::Config(Issues*) const { return config_.toml; }

std::optional<std::vector<ReportLayoutText>> EditSource::Layouts(Issues*) const {
  return config_.layouts;
}

std::optional<CsvTable> EditSource::Table(const TableSpec& spec, Issues*) const {
  for (const auto& [table_spec, table] : tables_) {
    if (table_spec == &spec) return table;
  }
  if (spec.required_table) return CsvTable{InDatabase(spec), Header(spec)};
  return std::nullopt;
}

RecordEdit::RecordEdit(Store& store, const TableSpec& spec, const EditBasis& basis,
                       const FormFields& fields)
    : store_(store), spec_(spec), basis_(basis), info_(WithSource(basis.change)), fields_(fields) {
  std::vector<std::string_view> columns = spec.columns();
  for (const auto& [column, value] : fields_) {
    if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
      throw std::logic_error(fmt::format("{} has no column {}", spec.name, column));
    }
  }
  row_ = CanonicalRows(FormTable().second, spec).front();
  key_ = RowKey(spec, row_);
}

std::string_view RecordEdit::Field(std::string_view column) const {
  std::vector<std::string_view> columns = spec_.columns();
  size_t at = std::find(columns.begin(), columns.end(), column) - columns.begin();
  return at < row_.size() ? std::string_view(row_[at]) : std::string_view();
}

Result<void> RecordEdit::FindOrganisation() {
  auto org = store_.FindOrganisation(basis_.org_code);
  if (org) {
    org_ = *org;
    return {};
  }
  if (org.error().kind != StoreError::Kind::kNotFound) return FromStore(org.error());
  return Fails(Failure::Kind::kNotFound,
               {MakeIssue("edit.unknown-organisation", {std::string(kForm), 0, "organisation"},
                          {{"code", basis_.org_code}})});
}

Result<std::pair<const TableSpec*, CsvTable>> RecordEdit::ReadItem(const TableSpec& items,
                                                                   std::string_view item) {
  std::string ref(Field("ref"));
  auto stored = store_.CurrentRow(org_, items, ref);
  if (!stored) return FromStore(stored.error());
  if (!*stored) {
    return Fails(Failure::Kind::kNotFound,
                 {MakeIssue("edit.unknown-ref", {std::string(kForm), 0, "ref"},
                            {{"item", std::string(item)}, {"ref", ref}})});
  }
  std::vector<std::string> fields = AllColumns(items, std::move((*stored)->fields));
  // The rows they name are not read: the framework's node, the item's parent.
  Clear(items, &fields, {"node", "parent"});
  return std::pair{&items, CsvTable{InDatabase(items), Header(items), {{0, fields}}}};
}

Result<void> RecordEdit::ReadParts(std::pair<const TableSpec*, CsvTable>* item) {
  auto parts = store_.CurrentRowsWith(org_, *item->first, "parent", Field("ref"));
  if (!parts) return FromStore(parts.error());
  CsvTable& table = item->second;
  for (StoredRow& part : *parts) {
    std::vector<std::string> fields = AllColumns(*item->first, std::move(part.fields));
    // Nor are a part's node and its own parts, which its roll-up would need.
    Clear(*item->first, &fields, {"node", "rollup"});
    table.AddRow(0, fields);
  }
  return {};
}

Result<StoredConfig> RecordEdit::ReadConfig() {
  StoredConfig config;
  auto stored = store_.CurrentRow(org_, ConfigSpec(), RowKey(ConfigSpec(), {}));
  if (!stored) return FromStore(stored.error());
  if (*stored) config.toml = std::move((*stored)->fields.at(0));
  auto layouts = store_.Rows(org_, ReportLayoutSpec());
  if (!layouts) return FromStore(layouts.error());
  for (StoredRow& row : *layouts) {
    std::string file = LayoutFileName(row.fields.at(0)) + " (database)";
    config.layouts.push_back({std::move(row.fields.at(0)), std::move(row.fields.at(1)), file});
  }
  return config;
}

Result<void> RecordEdit::ReadCurrent() {
  auto stored = store_.CurrentRow(org_, spec_, key_);
  if (!stored) return FromStore(stored.error());
  current_ = std::move(*stored);
  return {};
}

Result<std::pair<const TableSpec*, CsvTable>> RecordEdit::ReadRows(
    const TableSpec& spec, const std::vector<std::string>& leading) {
  auto stored = store_.CurrentRowsStartingWith(org_, spec, leading);
  if (!stored) return FromStore(stored.error());
  CsvTable table{InDatabase(spec), Header(spec)};
  for (const StoredRow& row : *stored) table.AddRow(0, row.fields);
  return std::pair{&spec, std::move(table)};
}

Result<std::vector<std::vector<std::string>>> RecordEdit::ReadOthers(
    const std::vector<std::string>& leading) {
  auto stored = store_.CurrentRowsStartingWith(org_, spec_, leading);
  if (!stored) return FromStore(stored.error());
  std::vector<std::vector<std::string>> others;
  for (StoredRow& row : *stored) {
    if (row.key != key_) others.push_back(AllColumns(spec_, std::move(row.fields)));
  }
  return others;
}

std::pair<const TableSpec*, CsvTable> RecordEdit::FormTable(
    const std::vector<std::vector<std::string>>& others) const {
  CsvTable table{std::string(kForm), Header(spec_)};
  for (const std::vector<std::string>& other : others) table.AddRow(0, other);
  std::vector<std::string> row(table.header.size());
  for (const auto& [column, value] : fields_) {
    row[std::find(table.header.begin(), table.header.end(), column) - table.header.begin()] = value;
  }
  table.AddRow(0, row);
  return {&spec_, std::move(table)};
}

Result<void> RecordEdit::Check(const EditSource& source) {
  auto council = ReadCouncil(source, &warnings_);
  if (!council) return Invalid(std::move(council.error()));
  return {};
}

Result<Saved> RecordEdit::Save(std::string_view record) {
  auto conflict = [&] {
    return Fails(Failure::Kind::kConflict,
                 {MakeIssue("edit.conflict", {std::string(kForm), 0, ""},
                            {{"record", std::string(record)},
                             {"read", std::to_string(basis_.base_version)}})});
  };
  int now = current_ ? current_->version : 0;
  if (now != basis_.base_version) return conflict();
  if (current_ && SameFields(current_->fields, row_)) return Saved{now, 0, warnings_};
  RowChange change{&spec_, key_, row_, basis_.base_version,
                   current_ ? current_->seq : RowChange::kSeqAtEnd};
  std::vector<int> versions;
  auto made = store_.Apply(org_, info_, {change}, &versions);
  if (!made && made.error().kind == StoreError::Kind::kConflict) return conflict();
  if (!made) return FromStore(made.error());
  return Saved{versions.front(), *made, warnings_};
}

}  // namespace scorecard

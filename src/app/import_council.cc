#include "app/import_council.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <unordered_set>

#include "app/store_session.h"
#include "app/stored_council.h"
#include "io/canonical.h"
#include "io/config.h"
#include "io/folder.h"
#include "io/open_source.h"
#include "store/open_store.h"

namespace scorecard {
namespace {

// A table read from the source, in canonical form, by row key.
struct Incoming {
  const TableSpec* spec;
  bool present = true;  // false: the source has no such table, which stays as stored
  std::vector<std::pair<std::string, Row>> rows;  // in source order
};

// A source's tables, each read once: they are put in canonical form first, then handed over,
// with the issues reading them raised, to ReadCouncil (which asks for each table once). A table
// the source does not have comes from `stored` (if set): the council is checked whole.
class TablesReadOnce : public TableSource {
 public:
  explicit TablesReadOnce(const TableSource& source) : source_(source) {
    config_ = source.Config(&config_issues_);
    for (const TableSpec& spec : InterchangeTables()) {
      Read& r = read_.emplace_back();
      r.table = source.Table(spec, &r.issues);
    }
    layouts_ = source.Layouts(&layout_issues_);
  }
  void set_stored(const TableSource* stored) { stored_ = stored; }

  std::optional<std::string> Config(Issues* issues) const override {
    issues->insert(issues->end(), config_issues_.begin(), config_issues_.end());
    if (!config_ && config_issues_.empty() && stored_) return stored_->Config(issues);
    return config_;
  }
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override {
    Read& r = read_[Index(spec)];
    issues->insert(issues->end(), r.issues.begin(), r.issues.end());
    if (!r.table && r.issues.empty() && stored_) return stored_->Table(spec, issues);
    return std::move(r.table);
  }
  std::optional<std::vector<ReportLayoutText>> Layouts(Issues* issues) const override {
    issues->insert(issues->end(), layout_issues_.begin(), layout_issues_.end());
    if (!layouts_ && layout_issues_.empty() && stored_) return stored_->Layouts(issues);
    return layouts_;
  }
  std::string Describe() const override { return source_.Describe(); }
  std::string NameOf(const TableSpec& spec) const override { return source_.NameOf(spec); }
  std::string ConfigName() const override { return source_.ConfigName(); }
  std::string LayoutsName() const override { return source_.LayoutsName(); }
  Issue MissingConfig() const override { return source_.MissingConfig(); }
  void CheckNothingElse(Issues* issues) const override { source_.CheckNothingElse(issues); }

  // The configuration as the source has it (not the stored one).
  const std::optional<std::string>& own_config() const { return config_; }
  // The layouts as the source has them (not the stored ones).
  const std::optional<std::vector<ReportLayoutText>>& own_layouts() const { return layouts_; }
  // The table as read, until Table hands it over; nullopt if the source has none.
  const std::optional<CsvTable>& Peek(const TableSpec& spec) const {
    return read_[Index(spec)].table;
  }

 private:
  struct Read {
    std::optional<CsvTable> table;
    Issues issues;
  };
  static size_t Index(const TableSpec& spec) {
    const std::vector<TableSpec>& specs = InterchangeTables();
    size_t i = 0;
    while (i < specs.size() && specs[i].name != spec.name) ++i;
    return i;
  }

  const TableSource& source_;
  const TableSource* stored_ = nullptr;
  std::optional<std::string> config_;
  Issues config_issues_;
  mutable std::vector<Read> read_;
  std::optional<std::vector<ReportLayoutText>> layouts_;
  Issues layout_issues_;
};

// For each row, the first row with the same key (the row itself if it is the first). Open
// addressing over the keys themselves: a table may have a million rows.
std::vector<uint32_t> FirstWithKey(const std::vector<std::string>& keys) {
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  if (keys.size() >= kEmpty) throw std::length_error("too many rows in one table");
  const size_t mask = std::bit_ceil(keys.size() * 2 + 1) - 1;  // at most half full
  std::vector<uint32_t> slots(mask + 1, kEmpty);
  std::vector<uint32_t> first(keys.size());
  std::hash<std::string_view> hash;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    size_t s = hash(keys[i]) & mask;
    while (slots[s] != kEmpty && keys[slots[s]] != keys[i]) s = (s + 1) & mask;
    if (slots[s] == kEmpty) slots[s] = i;
    first[i] = slots[s];
  }
  return first;
}

// Collects the canonical rows of every interchange table, checking that keys are unique. The
// rows of a table that fails ReadCouncil's checks are never used.
std::vector<Incoming> CollectRows(const TablesReadOnce& tables, Issues* issues) {
  std::vector<Incoming> out;
  for (const TableSpec& spec : InterchangeTables()) {
    const std::optional<CsvTable>& table = tables.Peek(spec);
    Incoming in{&spec, table.has_value(), {}};
    if (table) {
      std::vector<Row> rows = CanonicalRows(*table, spec);
      std::vector<std::string> keys;
      keys.reserve(rows.size());
      for (const Row& row : rows) keys.push_back(RowKey(spec, row));
      std::vector<uint32_t> first = FirstWithKey(keys);
      in.rows.reserve(rows.size());
      for (size_t i = 0; i < rows.size(); ++i) {
        if (first[i] == i) {
          in.rows.emplace_back(std::move(keys[i]), std::move(rows[i]));
          continue;
        }
        std::string columns;
        for (std::string_view k : spec.key)
          columns += (columns.empty() ? "" : ", ") + std::string(k);
        issues->push_back(MakeIssue(
            "import.row-twice", {table->file, table->rows[i].line, std::string(spec.key.front())},
            {{"key", columns}, {"line", std::to_string(table->rows[first[i]].line)}}));
      }
    }
    out.push_back(std::move(in));
  }
  return out;
}

// The configuration as the first table of a single row.
Incoming ConfigRows(const std::string& config) {
  return {&ConfigSpec(), true, {{RowKey(ConfigSpec(), {config}), {config}}}};
}

// The layouts as a table of a row each, by name; not present if the source has none.
Incoming LayoutRows(const std::optional<std::vector<ReportLayoutText>>& layouts) {
  Incoming in{&ReportLayoutSpec(), layouts.has_value(), {}};
  for (const ReportLayoutText& layout : layouts.value_or(std::vector<ReportLayoutText>())) {
    Row row{layout.name, layout.text};
    in.rows.emplace_back(RowKey(ReportLayoutSpec(), row), std::move(row));
  }
  std::sort(in.rows.begin(), in.rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return in;
}

// Removing more than this share of a table's stored rows must be allowed: a file cut short or
// saved from the wrong sheet would otherwise empty the table.
constexpr int kRemovalsAllowedUnasked = 10;  // percent

// The changes that make the stored tables the incoming ones, leaving alone the tables the source
// does not have. Moves the incoming rows into the changes (Store::Write asks for the plan once).
std::vector<RowChange> Plan(std::vector<Incoming>& incoming, const Snapshot& current,
                            ImportReport* report) {
  std::vector<RowChange> changes;
  size_t rows = 0;
  for (const Incoming& in : incoming) rows += in.rows.size();
  changes.reserve(rows);
  report->tables.clear();
  for (Incoming& in : incoming) {
    TableCounts counts;
    counts.table = std::string(in.spec->name);
    auto found = current.find(in.spec->name);
    const std::map<std::string, StoredRow> empty;
    const auto& stored = found == current.end() ? empty : found->second;
    if (!in.present) {
      counts.kept = true;
      counts.unchanged = static_cast<int>(stored.size());
      report->tables.push_back(std::move(counts));
      continue;
    }
    std::vector<const std::pair<const std::string, StoredRow>*> removed;  // in key order
    if (!stored.empty()) {
      std::unordered_set<std::string_view> kept;
      kept.reserve(in.rows.size());
      for (const auto& [key, row] : in.rows) kept.insert(key);
      for (const auto& entry : stored) {
        if (!kept.contains(entry.first)) removed.push_back(&entry);
      }
    }
    int64_t seq = 0;
    for (auto& [key, row] : in.rows) {
      ++seq;
      auto it = stored.find(key);
      if (it == stored.end()) {
        changes.push_back({in.spec, std::move(key), std::move(row), 0, seq});
        ++counts.added;
      } else if (!SameFields(it->second.fields, row)) {
        // A row only moved (one above it removed, say) keeps its version: its place is not data.
        changes.push_back({in.spec, std::move(key), std::move(row), it->second.version, seq});
        ++counts.changed;
      } else {
        ++counts.unchanged;
      }
    }
    for (const auto* entry : removed) {
      const auto& [key, row] = *entry;
      changes.push_back({in.spec, key, std::nullopt, row.version, row.seq});
      counts.removed_rows.push_back(KeyText(key));
      ++counts.removed;
    }
    report->tables.push_back(std::move(counts));
  }
  return changes;
}

// An issue for each table that would lose more than a tenth of its rows.
Issues TooManyRemovals(const ImportReport& report, const TableSource& source) {
  Issues out;
  for (const TableCounts& t : report.tables) {
    int stored = t.removed + t.changed + t.unchanged;
    if (t.removed == 0 || t.removed * 100 <= stored * kRemovalsAllowedUnasked) continue;
    std::string some;
    for (size_t i = 0; i < t.removed_rows.size() && i < 3; ++i) {
      some += (i ? ", " : "") + t.removed_rows[i];
    }
    if (t.removed_rows.size() > 3) some += fmt::format(" and {} more", t.removed_rows.size() - 3);
    std::string name = t.table == ConfigSpec().name         ? source.ConfigName()
                       : t.table == ReportLayoutSpec().name ? source.LayoutsName()
                                                            : source.NameOf(SpecOf(t.table));
    out.push_back(MakeIssue("import.removals", {name, 0, ""},
                            {{"removed", std::to_string(t.removed)},
                             {"stored", std::to_string(stored)},
                             {"rows", some}}));
  }
  return out;
}

// The organisation's code: as given, else scorecard.toml's.
Result<std::string> OrganisationCode(const TablesReadOnce& tables, const std::string& given) {
  std::string code = given;
  if (tables.own_config()) {
    Council council;
    Issues ignored;  // reported when the council is read whole
    ReadConfig(*tables.own_config(), tables.ConfigName(), &council, &ignored);
    const std::string& own = council.organisation.code;
    if (code.empty()) code = own;
    if (!own.empty() && own != code) {
      return Invalid({MakeIssue("import.other-code", {tables.ConfigName(), 0, "organisation.code"},
                                {{"given", code}, {"code", own}})});
    }
  }
  if (code.empty()) {
    return Invalid({MakeIssue("import.no-code", {tables.ConfigName(), 0, "organisation.code"})});
  }
  return code;
}

}  // namespace

int ImportReport::total_changes() const {
  int n = 0;
  for (const TableCounts& t : tables) n += t.added + t.changed + t.removed;
  return n;
}

Result<ImportReport> ImportCouncil(Store& store, const TableSource& source,
                                   const ImportOptions& options) {
  auto progress = [&](std::string_view stage, size_t done, size_t total) {
    if (options.progress) options.progress(stage, done, total);
  };
  progress("checking", 0, 1);
  TablesReadOnce tables(source);
  ImportReport report;
  auto code = OrganisationCode(tables, options.org_code);
  if (!code) return std::unexpected(code.error());
  report.org = *code;
  auto org = store.FindOrganisation(report.org);
  if (!org && org.error().kind != StoreError::Kind::kNotFound) return FromStore(org.error());
  std::optional<StoredTableSource> stored;
  if (org) stored.emplace(store, *org, std::nullopt);
  tables.set_stored(stored ? &*stored : nullptr);

  Issues issues;
  std::vector<Incoming> incoming = CollectRows(tables, &issues);
  auto council = ReadCouncil(tables, &report.warnings);
  if (!council) {
    issues.insert(issues.begin(), council.error().begin(), council.error().end());
    return Invalid(std::move(issues));
  }
  std::optional<std::string> config = tables.own_config();
  incoming.insert(incoming.begin(), ConfigRows(config.value_or("")));
  incoming.front().present = config.has_value();
  incoming.push_back(LayoutRows(tables.own_layouts()));
  if (!issues.empty()) return Invalid(std::move(issues));
  std::string name = council->organisation.name;
  council.value() = Council();  // checked: its memory is better used for writing
  progress("checking", 1, 1);

  Issues refused;
  auto plan = [&](const Snapshot& current) {
    std::vector<RowChange> changes = Plan(incoming, current, &report);
    if (!options.allow_removals) refused = TooManyRemovals(report, source);
    return refused.empty() ? changes : std::vector<RowChange>();
  };
  if (!org && options.dry_run) {  // nothing stored yet, and a dry run adds nothing
    plan(Snapshot());
  } else {
    if (!org) org = store.EnsureOrganisation(report.org, name);
    if (!org) return FromStore(org.error());
    auto change = store.Write(*org, options.info, plan, options.dry_run,
                              [&](size_t done, size_t total) { progress("writing", done, total); });
    if (!change) return FromStore(change.error());
    report.change = *change;
  }
  if (!refused.empty()) return Invalid(std::move(refused));
  return report;
}

Result<ImportReport> ImportPath(const std::string& path, const std::string& url,
                                const ImportOptions& options, const Clock& clock) {
  auto source = OpenTableSource(path);
  if (!source) return Invalid(std::move(source.error()));
  std::string where = url.empty() ? kDefaultStoreUrl : url;
  auto store = OpenStoreAt(where, Access::kRead, clock);
  if (!store && store.error().kind == Failure::Kind::kNotFound) {
    // No database yet: the import is checked against an empty one first, so that a failed
    // import (or any dry run) creates nothing.
    auto empty = OpenStoreAt("sqlite::memory:", Access::kWrite, clock);
    if (!empty) return std::unexpected(empty.error());
    ImportOptions trial = options;
    trial.dry_run = true;
    auto report = ImportCouncil(**empty, **source, trial);
    if (report) report->new_database = true;
    if (!report || options.dry_run) return report;
    store = OpenStoreAt(where, Access::kWrite, clock);
  }
  if (!store) return std::unexpected(store.error());
  return ImportCouncil(**store, **source, options);
}

}  // namespace scorecard

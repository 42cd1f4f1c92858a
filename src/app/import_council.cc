#include "app/import_council.h"

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <unordered_set>

#include "app/stored_council.h"
#include "io/canonical.h"
#include "io/folder.h"

namespace scorecard {
namespace {

// A table read from the source, in canonical form, by row key.
struct Incoming {
  const TableSpec* spec;
  std::vector<std::pair<std::string, Row>> rows;  // in source order
};

// A source's tables, each read once: they are put in canonical form first, then handed over,
// with the issues reading them raised, to ReadCouncil (which asks for each table once).
class TablesReadOnce : public TableSource {
 public:
  explicit TablesReadOnce(const TableSource& source) : source_(source) {
    for (const TableSpec& spec : InterchangeTables()) {
      Read& r = read_.emplace_back();
      r.table = source.Table(spec, &r.issues);
    }
  }
  std::optional<std::string> Config(Issues* issues) const override {
    return source_.Config(issues);
  }
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override {
    Read& r = read_[Index(spec)];
    issues->insert(issues->end(), r.issues.begin(), r.issues.end());
    return std::move(r.table);
  }
  std::string Describe() const override { return source_.Describe(); }
  // The table as read, until Table hands it over.
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
  mutable std::vector<Read> read_;
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
    Incoming in{&spec, {}};
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
        issues->push_back({table->file, table->rows[i].line, std::string(spec.key.front()),
                           fmt::format("expected one row for each {}: line {} has the same",
                                       columns, table->rows[first[i]].line)});
      }
    }
    out.push_back(std::move(in));
  }
  return out;
}

// The configuration as the first table of a single row.
Incoming ConfigRows(const std::string& config) {
  return {&ConfigSpec(), {{RowKey(ConfigSpec(), {config}), {config}}}};
}

// The changes that make the stored tables the incoming ones. Moves the incoming rows into the
// changes (Store::Write asks for the plan once).
std::vector<RowChange> Plan(std::vector<Incoming>& incoming, const Snapshot& current,
                            ImportReport* report) {
  std::vector<RowChange> changes;
  size_t rows = 0;
  for (const Incoming& in : incoming) rows += in.rows.size();
  changes.reserve(rows);
  report->tables.clear();
  for (Incoming& in : incoming) {
    TableCounts counts{std::string(in.spec->name)};
    auto found = current.find(in.spec->name);
    const std::map<std::string, StoredRow> empty;
    const auto& stored = found == current.end() ? empty : found->second;
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
      } else if (!SameFields(it->second.fields, row) || it->second.seq != seq) {
        changes.push_back({in.spec, std::move(key), std::move(row), it->second.version, seq});
        ++counts.changed;
      } else {
        ++counts.unchanged;
      }
    }
    for (const auto* entry : removed) {
      const auto& [key, row] = *entry;
      changes.push_back({in.spec, key, std::nullopt, row.version, row.seq});
      ++counts.removed;
    }
    report->tables.push_back(counts);
  }
  return changes;
}

}  // namespace

int ImportReport::total_changes() const {
  int n = 0;
  for (const TableCounts& t : tables) n += t.added + t.changed + t.removed;
  return n;
}

std::expected<ImportReport, Issues> ImportCouncil(Store& store, const TableSource& source,
                                                  const ImportOptions& options) {
  auto progress = [&](std::string_view stage, size_t done, size_t total) {
    if (options.progress) options.progress(stage, done, total);
  };
  progress("checking", 0, 1);
  TablesReadOnce tables(source);
  Issues issues;
  std::vector<Incoming> incoming = CollectRows(tables, &issues);
  auto council = ReadCouncil(tables);
  if (!council) return std::unexpected(std::move(council.error()));
  const Organisation& o = council->organisation;
  if (!o.code.empty() && o.code != options.org_code) {
    return std::unexpected(Issues{{"scorecard.toml", 0, "organisation.code",
                                   fmt::format("expected the code given with --org (\"{}\"), not "
                                               "\"{}\"",
                                               options.org_code, o.code)}});
  }
  std::optional<std::string> config = tables.Config(&issues);
  incoming.insert(incoming.begin(), ConfigRows(config.value_or("")));
  if (!issues.empty()) return std::unexpected(std::move(issues));
  progress("checking", 1, 1);

  auto org = store.EnsureOrganisation(options.org_code, o.name);
  if (!org) return std::unexpected(Issues{StoreIssue(org.error())});
  council.value() = Council();  // checked: its memory is better used for writing
  ImportReport report;
  auto change = store.Write(
      *org, options.info, [&](const Snapshot& current) { return Plan(incoming, current, &report); },
      options.dry_run, [&](size_t done, size_t total) { progress("writing", done, total); });
  if (!change) return std::unexpected(Issues{StoreIssue(change.error())});
  report.change = *change;
  return report;
}

}  // namespace scorecard

#include "app/import_council.h"

#include <fmt/format.h>

#include <map>

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

// Collects the canonical rows of every table, checking that keys are unique.
std::vector<Incoming> CollectRows(const TableSource& source, const std::string& config,
                                  Issues* issues) {
  std::vector<Incoming> out;
  out.push_back({&ConfigSpec(), {{RowKey(ConfigSpec(), {config}), {config}}}});
  for (const TableSpec& spec : InterchangeTables()) {
    std::optional<CsvTable> table = source.Table(spec, issues);
    Incoming in{&spec, {}};
    if (table) {
      std::vector<Row> rows = CanonicalRows(*table, spec);
      std::map<std::string, int> seen;
      for (size_t i = 0; i < rows.size(); ++i) {
        std::string key = RowKey(spec, rows[i]);
        if (auto [it, fresh] = seen.emplace(key, table->rows[i].line); !fresh) {
          std::string columns;
          for (std::string_view k : spec.key)
            columns += (columns.empty() ? "" : ", ") + std::string(k);
          issues->push_back({table->file, table->rows[i].line, std::string(spec.key.front()),
                             fmt::format("expected one row for each {}: line {} has the same",
                                         columns, it->second)});
          continue;
        }
        in.rows.emplace_back(std::move(key), std::move(rows[i]));
      }
    }
    out.push_back(std::move(in));
  }
  return out;
}

std::vector<RowChange> Plan(const std::vector<Incoming>& incoming, const Snapshot& current,
                            ImportReport* report) {
  std::vector<RowChange> changes;
  report->tables.clear();
  for (const Incoming& in : incoming) {
    TableCounts counts{std::string(in.spec->name)};
    auto found = current.find(in.spec->name);
    const std::map<std::string, StoredRow> empty;
    const auto& stored = found == current.end() ? empty : found->second;
    std::map<std::string, bool> kept;
    int64_t seq = 0;
    for (const auto& [key, row] : in.rows) {
      ++seq;
      kept[key] = true;
      auto it = stored.find(key);
      if (it == stored.end()) {
        changes.push_back({in.spec, key, row, 0, seq});
        ++counts.added;
      } else if (it->second.fields != row || it->second.seq != seq) {
        changes.push_back({in.spec, key, row, it->second.version, seq});
        ++counts.changed;
      } else {
        ++counts.unchanged;
      }
    }
    for (const auto& [key, row] : stored) {
      if (kept.contains(key)) continue;
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
  auto council = ReadCouncil(source);
  if (!council) return std::unexpected(std::move(council.error()));
  const Organisation& o = council->organisation;
  if (!o.code.empty() && o.code != options.org_code) {
    return std::unexpected(Issues{{"scorecard.toml", 0, "organisation.code",
                                   fmt::format("expected the code given with --org (\"{}\"), not "
                                               "\"{}\"",
                                               options.org_code, o.code)}});
  }
  Issues issues;
  std::optional<std::string> config = source.Config(&issues);
  std::vector<Incoming> incoming = CollectRows(source, config.value_or(""), &issues);
  if (!issues.empty()) return std::unexpected(std::move(issues));
  progress("checking", 1, 1);

  auto org = store.EnsureOrganisation(options.org_code, o.name);
  if (!org) return std::unexpected(Issues{StoreIssue(org.error())});
  ImportReport report;
  auto change = store.Write(
      *org, options.info, [&](const Snapshot& current) { return Plan(incoming, current, &report); },
      options.dry_run, [&](size_t done, size_t total) { progress("writing", done, total); });
  if (!change) return std::unexpected(Issues{StoreIssue(change.error())});
  report.change = *change;
  return report;
}

}  // namespace scorecard

#include "store/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace scorecard {
namespace {

constexpr char kKeySeparator = '\x1F';

std::string Quoted(std::string_view name) { return fmt::format("\"{}\"", name); }

// Orders by a key column byte by byte on both backends. PostgreSQL would otherwise use the
// database's locale, in which (en-GB) "m0" comes before "M1" and the key separator is ignored.
std::string ByteOrder(Dialect dialect, std::string_view column) {
  if (dialect == Dialect::kSqlite) return std::string(column);
  return fmt::format("{} COLLATE \"C\"", column);
}

// Characters in UTF-8 text, as SQL's substr() counts them.
int64_t Characters(std::string_view text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

// ", "a", "b"" (or ", t."a", t."b"" with a table alias).
std::string ColumnList(const TableSpec& spec, std::string_view alias = "") {
  std::string out;
  for (std::string_view c : spec.columns()) {
    out +=
        alias.empty() ? fmt::format(", {}", Quoted(c)) : fmt::format(", {}.{}", alias, Quoted(c));
  }
  return out;
}

// "version <= as_at" filter of the rows current after change `as_at`, or now.
std::string ValidAt(std::optional<int64_t> as_at) {
  return as_at
             ? fmt::format("from_change <= {0} AND (to_change IS NULL OR to_change > {0})", *as_at)
             : "to_change IS NULL";
}

int64_t ToInt(const Cell& c) { return c ? std::stoll(*c) : 0; }

// Reads (row_key, version, seq, fields...).
StoredRow ToStoredRow(const ResultRow& r, size_t first_field) {
  StoredRow row;
  row.key = r.at(0).value_or("");
  row.version = static_cast<int>(ToInt(r.at(1)));
  row.seq = ToInt(r.at(2));
  for (size_t i = first_field; i < r.size(); ++i) row.fields.push_back(r[i].value_or(""));
  return row;
}

StoreResult<int64_t> FirstInt(StoreResult<std::vector<ResultRow>> rows) {
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return Fail(StoreError::Kind::kNotFound, "no row");
  return ToInt(rows->front().at(0));
}

// Rolls back unless committed: keeps every early return from leaving a transaction open.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction() {
    if (open_) db_.Rollback();
  }
  StoreResult<void> Begin() {
    auto r = db_.Begin();
    open_ = r.has_value();
    return r;
  }
  StoreResult<void> Commit() {
    open_ = false;
    return db_.Commit();
  }

 private:
  Database& db_;
  bool open_ = false;
};

// Adds new row versions in bulk (Database::CopyRows), a table at a time, in the order of the
// changes: a queued version is added before a later change of its row can end it.
class VersionAdder {
 public:
  // `versions` (if not null) receives the version added for each change, by its place in the
  // changes, the first of which is `first`.
  VersionAdder(Database& db, int64_t org, int64_t change, std::function<void()> row_added,
               const RowChange* first, std::vector<int>* versions)
      : db_(db),
        org_(org),
        change_(change),
        row_added_(std::move(row_added)),
        first_(first),
        versions_(versions) {}

  // Queues c's new version, first adding those queued for another table.
  // REQUIRES: c.fields.
  StoreResult<void> Queue(const RowChange& c) {
    if (!queued_.empty() && queued_.front()->table != c.table) {
      if (auto r = Add(); !r) return r;
    }
    queued_.push_back(&c);
    if (!keys_.empty()) keys_.insert(c.key);
    return {};
  }

  // Adds the queued versions if c's row is among them, so that c can end its version.
  StoreResult<void> AddIfQueued(const RowChange& c) {
    if (queued_.empty() || queued_.front()->table != c.table) return {};
    if (keys_.empty()) {
      for (const RowChange* q : queued_) keys_.insert(q->key);
    }
    return keys_.contains(c.key) ? Add() : StoreResult<void>();
  }

  // Adds every queued version.
  StoreResult<void> Add() {
    if (queued_.empty()) return {};
    const TableSpec& spec = *queued_.front()->table;
    auto first = FirstVersions(spec);
    if (!first) return std::unexpected(first.error());
    auto seqs = Seqs(spec);
    if (!seqs) return std::unexpected(seqs.error());
    std::vector<std::string_view> columns = {"org_id",      "row_key",   "version",
                                             "from_change", "to_change", "seq"};
    const size_t first_field = columns.size();
    for (std::string_view c : spec.columns()) columns.push_back(c);
    size_t failed = queued_.size();
    auto added = db_.CopyRows(
        spec.name, columns, queued_.size(),
        [&](size_t i, std::vector<Param>& row) {
          const RowChange& c = *queued_[i];
          int version = c.base_version == 0 ? (*first)[i] : c.base_version + 1;
          if (versions_) (*versions_)[&c - first_] = version;
          row[0] = org_;
          row[1] = std::string_view(c.key);
          row[2] = int64_t{version};
          row[3] = change_;
          row[4] = nullptr;
          row[5] = (*seqs)[i];
          for (size_t k = first_field; k < row.size(); ++k) {
            size_t f = k - first_field;
            row[k] = f < c.fields->size() ? std::string_view((*c.fields)[f]) : std::string_view("");
          }
          row_added_();
        },
        &failed);
    if (!added && added.error().kind == StoreError::Kind::kConflict) {
      return Fail(StoreError::Kind::kConflict,
                  failed < queued_.size()
                      ? fmt::format("{} {}: added by someone else meanwhile", spec.name,
                                    queued_[failed]->key)
                      : fmt::format("{}: a row was added by someone else meanwhile", spec.name));
    }
    queued_.clear();
    keys_.clear();
    return added;
  }

 private:
  // Rows added one at a time (edits) look up their last ended version by key; more read them all.
  static constexpr size_t kLookupsByKey = 16;

  // The version each queued row added on top of version 0 gets: 1, or, for a row removed before
  // and added again, the next after its last.
  StoreResult<std::vector<int>> FirstVersions(const TableSpec& spec) {
    std::vector<int> out(queued_.size(), 1);
    size_t added = std::ranges::count_if(queued_, [](auto* c) { return c->base_version == 0; });
    if (added == 0) return out;
    if (added <= kLookupsByKey) {
      for (size_t i = 0; i < queued_.size(); ++i) {
        if (queued_[i]->base_version != 0) continue;
        auto last = db_.Query(fmt::format("SELECT MAX(version) FROM {} WHERE org_id = $1 AND "
                                          "row_key = $2 AND to_change IS NOT NULL",
                                          Quoted(spec.name)),
                              {org_, std::string_view(queued_[i]->key)});
        if (!last) return std::unexpected(last.error());
        if (!last->empty()) out[i] = static_cast<int>(ToInt(last->front().at(0))) + 1;
      }
      return out;
    }
    auto ended = EndedVersions(spec);
    if (!ended) return std::unexpected(ended.error());
    if ((*ended)->empty()) return out;
    for (size_t i = 0; i < queued_.size(); ++i) {
      if (queued_[i]->base_version != 0) continue;
      auto it = (*ended)->find(queued_[i]->key);
      if (it != (*ended)->end()) out[i] = it->second + 1;
    }
    return out;
  }

  // The place of each queued row: its own, or, for kSeqAtEnd, after the table's current rows
  // and the queued rows with places of their own.
  StoreResult<std::vector<int64_t>> Seqs(const TableSpec& spec) {
    std::vector<int64_t> out;
    out.reserve(queued_.size());
    int64_t last_given = 0;
    for (const RowChange* c : queued_) {
      out.push_back(c->seq);
      if (c->seq != RowChange::kSeqAtEnd) last_given = std::max(last_given, c->seq);
    }
    if (std::ranges::find(out, RowChange::kSeqAtEnd) == out.end()) return out;
    // "seq >= 0" (always true), as the index of places asks (migration 6); ORDER BY and LIMIT
    // rather than MAX(), which PostgreSQL without statistics of the table computes by reading
    // every entry of the organisation.
    auto last = db_.Query(fmt::format("SELECT seq FROM {} WHERE org_id = $1 AND to_change IS "
                                      "NULL AND seq >= 0 ORDER BY seq DESC LIMIT 1",
                                      Quoted(spec.name)),
                          {org_});
    if (!last) return std::unexpected(last.error());
    int64_t next = std::max(last_given, last->empty() ? 0 : ToInt(last->front().at(0))) + 1;
    for (int64_t& seq : out) {
      if (seq == RowChange::kSeqAtEnd) seq = next++;
    }
    return out;
  }

  // The last version of each row of the table that has ended (read once a table).
  StoreResult<const std::unordered_map<std::string, int>*> EndedVersions(const TableSpec& spec) {
    auto [it, added] = ended_.try_emplace(spec.name);
    if (!added) return &it->second;
    auto rows = db_.Query(fmt::format("SELECT row_key, MAX(version) FROM {} WHERE org_id = $1 AND "
                                      "to_change IS NOT NULL GROUP BY row_key",
                                      Quoted(spec.name)),
                          {org_});
    if (!rows) {
      ended_.erase(it);
      return std::unexpected(rows.error());
    }
    for (const ResultRow& r : *rows) {
      it->second.emplace(r.at(0).value_or(""), static_cast<int>(ToInt(r.at(1))));
    }
    return &it->second;
  }

  Database& db_;
  int64_t org_, change_;
  std::function<void()> row_added_;
  const RowChange* first_;
  std::vector<int>* versions_;
  std::map<std::string_view, std::unordered_map<std::string, int>> ended_;  // by table
  std::vector<const RowChange*> queued_;                                    // all of one table
  std::unordered_set<std::string_view> keys_;  // of queued_, once a change ends a version
};

}  // namespace

const TableSpec& ConfigSpec() {
  static const TableSpec kConfig{"config", {}, {"toml"}, {}, true};
  return kConfig;
}

const TableSpec& ReportLayoutSpec() {
  static const TableSpec kLayouts{"report_layouts", {"name"}, {"name", "text"}, {}};
  return kLayouts;
}

const std::vector<const TableSpec*>& StoredTables() {
  static const std::vector<const TableSpec*> kTables = [] {
    std::vector<const TableSpec*> out{&ConfigSpec()};
    for (const TableSpec& s : InterchangeTables()) out.push_back(&s);
    out.push_back(&ReportLayoutSpec());
    return out;
  }();
  return kTables;
}

std::string RowKey(const TableSpec& spec, const std::vector<std::string>& fields) {
  // Called for every row imported: finds the key columns without building spec.columns().
  auto position = [&](std::string_view column) {
    auto in_required = std::find(spec.required.begin(), spec.required.end(), column);
    if (in_required != spec.required.end()) return size_t(in_required - spec.required.begin());
    return spec.required.size() +
           (std::find(spec.optional.begin(), spec.optional.end(), column) - spec.optional.begin());
  };
  auto part = [&](size_t k) {
    size_t at = position(spec.key[k]);
    return at < fields.size() ? std::string_view(fields[at]) : std::string_view();
  };
  size_t size = spec.key.size();
  for (size_t k = 0; k < spec.key.size(); ++k) size += part(k).size();
  std::string key;
  key.reserve(size);
  for (size_t k = 0; k < spec.key.size(); ++k) {
    if (k) key += kKeySeparator;
    key += part(k);
  }
  return key;
}

std::string KeyText(std::string key) {
  std::replace(key.begin(), key.end(), kKeySeparator, ' ');
  return key;
}

StoreResult<int64_t> Store::EnsureOrganisation(std::string_view code, std::string_view name) {
  if (auto id = FindOrganisation(code); id || id.error().kind != StoreError::Kind::kNotFound) {
    return id;
  }
  auto added = FirstInt(db_->Query(
      "INSERT INTO organisations (code, name) VALUES ($1, $2) RETURNING id", {code, name}));
  // Another process added it since we looked.
  if (!added && added.error().kind == StoreError::Kind::kConflict) return FindOrganisation(code);
  return added;
}

StoreResult<int64_t> Store::FindOrganisation(std::string_view code) {
  auto id = FirstInt(db_->Query("SELECT id FROM organisations WHERE code = $1", {code}));
  if (!id && id.error().kind == StoreError::Kind::kNotFound) {
    return Fail(StoreError::Kind::kNotFound,
                fmt::format("no organisation with code \"{}\" in the database", code));
  }
  return id;
}

StoreResult<int64_t> Store::ChangeAt(int64_t org, Moment moment) {
  return FirstInt(db_->Query(
      "SELECT COALESCE(MAX(id), 0) FROM changes WHERE org_id = $1 AND at <= $2", {org, moment}));
}

StoreResult<int64_t> Store::LatestChange(int64_t org) {
  return FirstInt(db_->Query("SELECT COALESCE(MAX(id), 0) FROM changes WHERE org_id = $1", {org}));
}

StoreResult<ChangeRecord> Store::FindChange(int64_t org, int64_t id) {
  auto rows =
      db_->Query("SELECT id, at, author, reason, source FROM changes WHERE org_id = $1 AND id = $2",
                 {org, id});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) {
    return Fail(StoreError::Kind::kNotFound, fmt::format("the organisation has no change {}", id));
  }
  const ResultRow& r = rows->front();
  return ChangeRecord{ToInt(r.at(0)), ToInt(r.at(1)), r.at(2).value_or(""), r.at(3).value_or(""),
                      r.at(4).value_or("")};
}

StoreResult<std::vector<StoredRow>> Store::Rows(int64_t org, const TableSpec& spec,
                                                std::optional<int64_t> as_at) {
  auto rows = db_->Query(fmt::format("SELECT row_key, version, seq{} FROM {} WHERE org_id = $1 AND "
                                     "{} ORDER BY seq, {}",
                                     ColumnList(spec), Quoted(spec.name), ValidAt(as_at),
                                     ByteOrder(db_->dialect(), "row_key")),
                         {org});
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredRow> out;
  out.reserve(rows->size());
  for (const ResultRow& r : *rows) out.push_back(ToStoredRow(r, 3));
  return out;
}

StoreResult<std::optional<StoredRow>> Store::CurrentRow(int64_t org, const TableSpec& spec,
                                                        std::string_view key) {
  auto rows = db_->Query(fmt::format("SELECT row_key, version, seq{} FROM {} WHERE org_id = $1 AND "
                                     "row_key = $2 AND to_change IS NULL",
                                     ColumnList(spec), Quoted(spec.name)),
                         {org, key});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<StoredRow>();
  return ToStoredRow(rows->front(), 3);
}

StoreResult<std::vector<StoredRow>> Store::CurrentRowsStartingWith(
    int64_t org, const TableSpec& spec, const std::vector<std::string>& leading) {
  // The keys from "a<sep>" up to, not including, "a<sep + 1>": a range of the index of current
  // rows, keys comparing byte by byte on both backends.
  std::string from;
  for (const std::string& part : leading) from += part + kKeySeparator;
  std::string to = from;
  to.back() = static_cast<char>(kKeySeparator + 1);
  auto rows = db_->Query(
      fmt::format("SELECT row_key, version, seq{} FROM {} WHERE org_id = $1 AND "
                  "row_key >= $2 AND row_key < $3 AND to_change IS NULL ORDER "
                  "BY seq, {}",
                  ColumnList(spec), Quoted(spec.name), ByteOrder(db_->dialect(), "row_key")),
      {org, std::string_view(from), std::string_view(to)});
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredRow> out;
  for (const ResultRow& r : *rows) out.push_back(ToStoredRow(r, 3));
  return out;
}

StoreResult<std::vector<StoredRow>> Store::CurrentRowsWith(int64_t org, const TableSpec& spec,
                                                           std::string_view column,
                                                           std::string_view value) {
  std::vector<std::string_view> columns = spec.columns();
  if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
    throw std::logic_error(fmt::format("{} has no column {}", spec.name, column));
  }
  auto rows = db_->Query(fmt::format("SELECT row_key, version, seq{} FROM {} WHERE org_id = $1 AND "
                                     "to_change IS NULL AND {} = $2 ORDER BY seq, {}",
                                     ColumnList(spec), Quoted(spec.name), Quoted(column),
                                     ByteOrder(db_->dialect(), "row_key")),
                         {org, value});
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredRow> out;
  for (const ResultRow& r : *rows) out.push_back(ToStoredRow(r, 3));
  return out;
}

StoreResult<Snapshot> Store::ReadSnapshot(int64_t org) {
  Snapshot snapshot;
  for (const TableSpec* spec : StoredTables()) {
    auto rows = Rows(org, *spec);
    if (!rows) return std::unexpected(rows.error());
    auto& table = snapshot[spec->name];
    for (StoredRow& r : *rows) {
      std::string key = r.key;
      table.emplace(std::move(key), std::move(r));
    }
  }
  return snapshot;
}

StoreResult<void> Store::LockOrganisation(int64_t org) {
  // SQLite's BEGIN IMMEDIATE already holds the only write lock.
  if (db_->dialect() == Dialect::kSqlite) return {};
  auto rows = db_->Query("SELECT id FROM organisations WHERE id = $1 FOR UPDATE", {org});
  if (!rows) return std::unexpected(rows.error());
  return {};
}

StoreResult<int64_t> Store::ApplyLocked(int64_t org, const ChangeInfo& info,
                                        const std::vector<RowChange>& changes,
                                        const std::function<void(size_t, size_t)>& progress,
                                        std::vector<int>* versions) {
  auto change = FirstInt(db_->Query(
      "INSERT INTO changes (org_id, at, author, reason, source) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {org, clock_.Now(), std::string_view(info.author), std::string_view(info.reason),
       std::string_view(info.source)}));
  if (!change) return change;
  size_t done = 0;
  auto tick = [&] {
    if (progress && ++done % 10000 == 0) progress(done, changes.size());
  };
  if (versions) versions->assign(changes.size(), 0);
  VersionAdder adder(*db_, org, *change, tick, changes.data(), versions);
  for (const RowChange& c : changes) {
    const TableSpec& spec = *c.table;
    if (c.base_version > 0) {
      if (auto r = adder.AddIfQueued(c); !r) return std::unexpected(r.error());
      auto ended = db_->Query(fmt::format("UPDATE {} SET to_change = $1 WHERE org_id = $2 AND "
                                          "row_key = $3 AND version = $4 AND to_change IS NULL "
                                          "RETURNING version",
                                          Quoted(spec.name)),
                              {*change, org, std::string_view(c.key), int64_t{c.base_version}});
      if (!ended) return std::unexpected(ended.error());
      if (ended->empty()) {
        return Fail(StoreError::Kind::kConflict,
                    fmt::format("{} {}: changed by someone else since version {} was read",
                                spec.name, c.key, c.base_version));
      }
    }
    if (!c.fields) {
      tick();
    } else if (auto r = adder.Queue(c); !r) {
      return std::unexpected(r.error());
    }
  }
  if (auto r = adder.Add(); !r) return std::unexpected(r.error());
  return change;
}

StoreResult<int64_t> Store::Write(
    int64_t org, const ChangeInfo& info,
    const std::function<std::vector<RowChange>(const Snapshot&)>& plan, bool dry_run,
    const std::function<void(size_t, size_t)>& progress) {
  Transaction tx(*db_);
  if (auto r = tx.Begin(); !r) return std::unexpected(r.error());
  if (auto r = LockOrganisation(org); !r) return std::unexpected(r.error());
  auto snapshot = ReadSnapshot(org);
  if (!snapshot) return std::unexpected(snapshot.error());
  std::vector<RowChange> changes = plan(*snapshot);
  if (changes.empty() || dry_run) return int64_t{0};
  auto change = ApplyLocked(org, info, changes, progress);
  if (!change) return change;
  if (progress) progress(changes.size(), changes.size());
  if (auto r = tx.Commit(); !r) return std::unexpected(r.error());
  return change;
}

StoreResult<int64_t> Store::Apply(int64_t org, const ChangeInfo& info,
                                  const std::vector<RowChange>& changes,
                                  std::vector<int>* versions) {
  Transaction tx(*db_);
  if (auto r = tx.Begin(); !r) return std::unexpected(r.error());
  if (auto r = LockOrganisation(org); !r) return std::unexpected(r.error());
  auto change = ApplyLocked(org, info, changes, {}, versions);
  if (!change) return change;
  if (auto r = tx.Commit(); !r) return std::unexpected(r.error());
  return change;
}

StoreResult<std::vector<Version>> Store::History(int64_t org, std::string_view ref) {
  std::vector<Version> out;
  std::string prefix = std::string(ref) + kKeySeparator;
  for (const TableSpec* spec : StoredTables()) {
    if (spec->key.empty()) continue;
    auto rows = db_->Query(
        fmt::format("SELECT t.row_key, t.version, c.id, c.at, c.author, c.reason, t.to_change{} "
                    "FROM {} t JOIN changes c ON c.id = t.from_change WHERE t.org_id = $1 AND "
                    "(t.row_key = $2 OR substr(t.row_key, 1, $3) = $4) ORDER BY c.id, {}",
                    ColumnList(*spec, "t"), Quoted(spec->name),
                    ByteOrder(db_->dialect(), "t.row_key")),
        {org, ref, Characters(prefix), std::string_view(prefix)});
    if (!rows) return std::unexpected(rows.error());
    for (const ResultRow& r : *rows) {
      Version v{std::string(spec->name),
                r[0].value_or(""),
                static_cast<int>(ToInt(r[1])),
                ToInt(r[2]),
                ToInt(r[3]),
                r[4].value_or(""),
                r[5].value_or(""),
                r[6].has_value(),
                {}};
      for (size_t i = 7; i < r.size(); ++i) v.fields.push_back(r[i].value_or(""));
      out.push_back(std::move(v));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Version& a, const Version& b) { return a.change < b.change; });
  return out;
}

StoreResult<std::vector<Difference>> Store::Diff(int64_t org, int64_t from, int64_t to) {
  std::vector<Difference> out;
  for (const TableSpec* spec : StoredTables()) {
    auto before = Rows(org, *spec, from);
    auto after = Rows(org, *spec, to);
    if (!before) return std::unexpected(before.error());
    if (!after) return std::unexpected(after.error());
    std::map<std::string, const StoredRow*> old_rows;
    for (const StoredRow& r : *before) old_rows[r.key] = &r;
    for (const StoredRow& r : *after) {
      auto it = old_rows.find(r.key);
      if (it == old_rows.end()) {
        out.push_back({std::string(spec->name), r.key, std::nullopt, r.fields});
      } else {
        if (it->second->fields != r.fields) {
          out.push_back({std::string(spec->name), r.key, it->second->fields, r.fields});
        }
        old_rows.erase(it);
      }
    }
    for (const auto& [key, row] : old_rows) {
      out.push_back({std::string(spec->name), key, row->fields, std::nullopt});
    }
  }
  return out;
}

StoreResult<std::vector<std::string>> Store::CheckIntegrity() {
  auto own = db_->IntegrityCheck();
  if (!own) return std::unexpected(own.error());
  std::vector<std::string> problems;
  if (!own->empty()) problems.push_back(fmt::format("the database's own check: {}", *own));
  constexpr int kShown = 10;  // of each kind, a table
  for (const TableSpec* spec : StoredTables()) {
    // Versions whose changes are missing, another organisation's, or in the wrong order.
    auto wrong = db_->Query(
        fmt::format(
            "SELECT v.org_id, v.row_key, v.version, v.from_change, v.to_change FROM {0} v WHERE "
            "NOT EXISTS (SELECT 1 FROM changes c WHERE c.id = v.from_change AND c.org_id = "
            "v.org_id) OR (v.to_change IS NOT NULL AND (v.to_change <= v.from_change OR NOT "
            "EXISTS (SELECT 1 FROM changes c WHERE c.id = v.to_change AND c.org_id = v.org_id))) "
            "ORDER BY v.org_id, v.row_key, v.version LIMIT {1}",
            Quoted(spec->name), kShown),
        {});
    if (!wrong) return std::unexpected(wrong.error());
    for (const ResultRow& r : *wrong) {
      problems.push_back(fmt::format(
          "{} row {} version {} of organisation {}: made by change {}{}, which is not a change "
          "of that organisation before it",
          spec->name, KeyText(r.at(1).value_or("")), r.at(2).value_or(""), r.at(0).value_or(""),
          r.at(3).value_or(""), r.at(4) ? " and ended by change " + *r[4] : ""));
    }
    auto twice = db_->Query(fmt::format("SELECT org_id, row_key, COUNT(*) FROM {} WHERE to_change "
                                        "IS NULL GROUP BY org_id, row_key HAVING COUNT(*) > 1 "
                                        "ORDER BY org_id, row_key LIMIT {}",
                                        Quoted(spec->name), kShown),
                            {});
    if (!twice) return std::unexpected(twice.error());
    for (const ResultRow& r : *twice) {
      problems.push_back(fmt::format("{} row {} of organisation {}: {} current versions",
                                     spec->name, KeyText(r.at(1).value_or("")),
                                     r.at(0).value_or(""), r.at(2).value_or("")));
    }
  }
  auto files = CheckPublishedFiles();
  if (!files) return std::unexpected(files.error());
  problems.insert(problems.end(), files->begin(), files->end());
  return problems;
}

StoreResult<int64_t> Store::Publish(int64_t org, std::string_view period, const ChangeInfo& info,
                                    std::optional<int64_t> supersedes,
                                    const PublicationFiles& files) {
  Transaction tx(*db_);
  if (auto r = tx.Begin(); !r) return std::unexpected(r.error());
  // Like a write, so that a write which took an earlier change id cannot commit after this and
  // change what "as at the published change" shows, and so that two publishers cannot both
  // supersede the same publication.
  if (auto r = LockOrganisation(org); !r) return std::unexpected(r.error());
  auto latest = PublishedAt(org, period);
  if (!latest && latest.error().kind != StoreError::Kind::kNotFound) {
    return std::unexpected(latest.error());
  }
  std::optional<int64_t> current = latest ? std::optional(*latest) : std::nullopt;
  if (current != supersedes) {
    return Fail(
        StoreError::Kind::kConflict,
        current ? fmt::format("the {} report is already published, at change {}", period, *current)
                : fmt::format("the {} report has not been published, so change {} "
                              "cannot be superseded",
                              period, supersedes.value_or(0)));
  }
  std::string reason = supersedes
                           ? fmt::format("published the {} report again, in place of change {}: {}",
                                         period, *supersedes, info.reason)
                           : fmt::format("published the {} report: {}", period, info.reason);
  const Moment at = clock_.Now();
  auto change = FirstInt(db_->Query(
      "INSERT INTO changes (org_id, at, author, reason, source) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {org, at, std::string_view(info.author), std::string_view(reason),
       std::string_view(info.source)}));
  if (!change) return change;
  auto r = db_->Query(
      "INSERT INTO publications (org_id, period, change_id, at, author, note) VALUES ($1, $2, $3, "
      "$4, $5, $6)",
      {org, period, *change, at, std::string_view(info.author), std::string_view(info.reason)});
  if (!r) return std::unexpected(r.error());
  if (files) {
    Publication publication{std::string(period), *change, at, info.author, info.reason};
    auto made = files(publication);
    if (!made) return std::unexpected(made.error());
    if (auto added = AddPublishedFiles(org, publication, *made); !added) {
      return std::unexpected(added.error());
    }
  }
  if (auto c = tx.Commit(); !c) return std::unexpected(c.error());
  return change;
}

StoreResult<std::vector<Publication>> Store::Publications(int64_t org, std::string_view period) {
  auto rows = db_->Query(
      "SELECT period, change_id, at, author, note FROM publications WHERE org_id = $1 AND period "
      "= $2 ORDER BY change_id",
      {org, period});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Publication> out;
  for (const ResultRow& r : *rows) {
    out.push_back({r.at(0).value_or(""), ToInt(r.at(1)), ToInt(r.at(2)), r.at(3).value_or(""),
                   r.at(4).value_or("")});
  }
  return out;
}

StoreResult<int64_t> Store::PublishedAt(int64_t org, std::string_view period) {
  auto rows = db_->Query(
      "SELECT MAX(change_id) FROM publications WHERE org_id = $1 AND period = $2", {org, period});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty() || !rows->front().at(0)) {
    return Fail(StoreError::Kind::kNotFound,
                fmt::format("the {} report has not been published", period));
  }
  return ToInt(rows->front()[0]);
}

}  // namespace scorecard

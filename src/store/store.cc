#include "store/store.h"

#include <fmt/format.h>

#include <algorithm>

namespace scorecard {
namespace {

constexpr char kKeySeparator = '\x1F';

std::string Quoted(std::string_view name) { return fmt::format("\"{}\"", name); }

// ", "a", "b"" (or ", t."a", t."b"" with a table alias).
std::string ColumnList(const TableSpec& spec, std::string_view alias = "") {
  std::string out;
  for (std::string_view c : spec.columns()) {
    out += ", " + (alias.empty() ? "" : std::string(alias) + ".") + Quoted(c);
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

}  // namespace

const TableSpec& ConfigSpec() {
  static const TableSpec kConfig{"config", {}, {"toml"}, {}, true};
  return kConfig;
}

const std::vector<const TableSpec*>& StoredTables() {
  static const std::vector<const TableSpec*> kTables = [] {
    std::vector<const TableSpec*> out{&ConfigSpec()};
    for (const TableSpec& s : InterchangeTables()) out.push_back(&s);
    return out;
  }();
  return kTables;
}

std::string RowKey(const TableSpec& spec, const std::vector<std::string>& fields) {
  std::vector<std::string_view> columns = spec.columns();
  std::string key;
  for (size_t k = 0; k < spec.key.size(); ++k) {
    size_t at = std::find(columns.begin(), columns.end(), spec.key[k]) - columns.begin();
    if (k) key += kKeySeparator;
    key += at < fields.size() ? fields[at] : "";
  }
  return key;
}

StoreResult<int64_t> Store::EnsureOrganisation(std::string_view code, std::string_view name) {
  if (auto id = FindOrganisation(code); id || id.error().kind != StoreError::Kind::kNotFound) {
    return id;
  }
  return FirstInt(db_->Query("INSERT INTO organisations (code, name) VALUES ($1, $2) RETURNING id",
                             {code, name}));
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

StoreResult<std::vector<StoredRow>> Store::Rows(int64_t org, const TableSpec& spec,
                                                std::optional<int64_t> as_at) {
  auto rows = db_->Query(fmt::format("SELECT row_key, version, seq{} FROM {} WHERE org_id = $1 AND "
                                     "{} ORDER BY seq, row_key",
                                     ColumnList(spec), Quoted(spec.name), ValidAt(as_at)),
                         {org});
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredRow> out;
  out.reserve(rows->size());
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
                                        const std::function<void(size_t, size_t)>& progress) {
  auto change = FirstInt(db_->Query(
      "INSERT INTO changes (org_id, at, author, reason, source) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {org, clock_.Now(), std::string_view(info.author), std::string_view(info.reason),
       std::string_view(info.source)}));
  if (!change) return change;
  std::map<std::string_view, std::unique_ptr<Statement>> inserts;
  size_t done = 0;
  for (const RowChange& c : changes) {
    if (progress && ++done % 10000 == 0) progress(done, changes.size());
    const TableSpec& spec = *c.table;
    if (c.base_version > 0) {
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
    if (!c.fields) continue;
    auto& insert = inserts[spec.name];
    if (!insert) {
      std::string params;
      for (size_t i = 0; i < spec.columns().size(); ++i) params += fmt::format(", ${}", i + 7);
      auto prepared = db_->Prepare(fmt::format(
          "INSERT INTO {} (org_id, row_key, version, from_change, to_change, seq{}) VALUES ($1, "
          "$2, $3, $4, $5, $6{})",
          Quoted(spec.name), ColumnList(spec), params));
      if (!prepared) return std::unexpected(prepared.error());
      insert = std::move(*prepared);
    }
    std::vector<Param> values = {
        org, std::string_view(c.key), int64_t{c.base_version + 1}, *change, nullptr, c.seq};
    for (const std::string& f : *c.fields) values.emplace_back(std::string_view(f));
    if (auto r = insert->Run(values); !r) {
      if (r.error().kind == StoreError::Kind::kConflict) {
        return Fail(StoreError::Kind::kConflict,
                    fmt::format("{} {}: added by someone else meanwhile", spec.name, c.key));
      }
      return std::unexpected(r.error());
    }
  }
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
                                  const std::vector<RowChange>& changes) {
  Transaction tx(*db_);
  if (auto r = tx.Begin(); !r) return std::unexpected(r.error());
  if (auto r = LockOrganisation(org); !r) return std::unexpected(r.error());
  auto change = ApplyLocked(org, info, changes);
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
                    "(t.row_key = $2 OR substr(t.row_key, 1, $3) = $4) ORDER BY c.id, t.row_key",
                    ColumnList(*spec, "t"), Quoted(spec->name)),
        {org, ref, int64_t(prefix.size()), std::string_view(prefix)});
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

StoreResult<int64_t> Store::Publish(int64_t org, std::string_view period, const ChangeInfo& info) {
  Transaction tx(*db_);
  if (auto r = tx.Begin(); !r) return std::unexpected(r.error());
  auto change = FirstInt(db_->Query(
      "INSERT INTO changes (org_id, at, author, reason, source) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {org, clock_.Now(), std::string_view(info.author),
       std::string_view(fmt::format("published the {} report: {}", period, info.reason)),
       std::string_view(info.source)}));
  if (!change) return change;
  auto r = db_->Query(
      "INSERT INTO publications (org_id, period, change_id, at, author, note) VALUES ($1, $2, $3, "
      "$4, $5, $6)",
      {org, period, *change, clock_.Now(), std::string_view(info.author),
       std::string_view(info.reason)});
  if (!r) return std::unexpected(r.error());
  if (auto c = tx.Commit(); !c) return std::unexpected(c.error());
  return change;
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

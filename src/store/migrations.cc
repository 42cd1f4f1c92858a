#include "store/migrations.h"

#include <fmt/format.h>

namespace scorecard {
namespace {

// The interchange tables as migration 1 created them (frozen: do not edit, add a migration).
struct FrozenTable {
  const char* name;
  std::vector<const char*> columns;
};

const std::vector<FrozenTable>& Version1Tables() {
  static const std::vector<FrozenTable> kTables = {
      {"config", {"toml"}},
      {"framework", {"id", "level", "title", "parent", "lead", "ref"}},
      {"measures",
       {"ref",      "title",       "unit",         "polarity", "frequency",   "node", "parent",
        "scheme",   "decimals",    "accumulation", "year",     "lag",         "dot",  "owner",
        "director", "directorate", "portfolio",    "priority", "description", "order"}},
      {"targets",
       {"ref", "period", "target", "kind", "comparator", "baseline_period", "change", "text"}},
      {"values",
       {"ref", "period", "value", "numerator", "denominator", "flags", "forecast", "status",
        "status_reason", "forecast_status", "context", "actions", "intervention", "note"}},
      {"comparators", {"ref", "period", "comparator", "value", "text"}},
      {"actions",
       {"ref", "title", "kind", "node", "planned", "due", "original_due", "owner", "director",
        "directorate", "portfolio", "priority", "order"}},
      {"action_ratings", {"ref", "period", "rating", "commentary"}},
      {"projects",
       {"ref", "title", "node", "parent", "owner", "director", "directorate", "portfolio",
        "priority", "order"}},
      {"project_assessments",
       {"ref", "period", "time", "cost", "scope", "benefits", "rag", "dca", "dca_end",
        "commentary"}},
      {"risks",
       {"ref", "title", "kind", "node", "owner", "director", "directorate", "portfolio", "order",
        "note"}},
      {"risk_scores", {"ref", "period", "likelihood", "impact", "score", "kind", "commentary"}},
  };
  return kTables;
}

std::string Version1(Dialect d) {
  std::string id = d == Dialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                         : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  std::string sql = fmt::format(R"(
CREATE TABLE organisations (
  id {0},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
-- Every write is a change: who, when, why. Record versions point at the changes that made and
-- ended them, so any moment's state is a filter, and nothing is overwritten.
CREATE TABLE changes (
  id {0},
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  at BIGINT NOT NULL,
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX changes_by_org_and_time ON changes(org_id, at);
CREATE TABLE publications (
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  period TEXT NOT NULL,
  change_id BIGINT NOT NULL REFERENCES changes(id),
  at BIGINT NOT NULL,
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (org_id, period, change_id)
);
)",
                                id);
  for (const FrozenTable& t : Version1Tables()) {
    std::string columns;
    for (const char* c : t.columns)
      columns += fmt::format(",\n  \"{}\" TEXT NOT NULL DEFAULT ''", c);
    sql += fmt::format(R"(
CREATE TABLE "{0}" (
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  row_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  seq BIGINT NOT NULL,
  from_change BIGINT NOT NULL REFERENCES changes(id),
  to_change BIGINT REFERENCES changes(id){1},
  PRIMARY KEY (org_id, row_key, version)
);
CREATE UNIQUE INDEX "{0}_current" ON "{0}"(org_id, row_key) WHERE to_change IS NULL;
CREATE INDEX "{0}_by_change" ON "{0}"(org_id, from_change);
)",
                       t.name, columns);
  }
  return sql;
}

std::string Version2(Dialect d) {
  std::string id = d == Dialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                         : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  return fmt::format(R"(
-- Local accounts for the web application (issue: the web application).
CREATE TABLE users (
  id {0},
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (org_id, email)
);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
)",
                     id);
}

// Versioned rows without per-row foreign keys (docs/adr/0007-bulk-import-and-integrity.md): the
// store writes every row with the change it has just recorded, in the same transaction, and
// changes and organisations can no longer be deleted, so no reference can dangle; the store's
// CheckIntegrity verifies it. Their checks were most of a bulk import's time on PostgreSQL. The
// index by change, which no query used, gives way to one on ended versions, which a row added
// again after its removal needs and which costs nothing when new versions are added. Row keys
// compare byte by byte on PostgreSQL too.
std::string Version3(Dialect d) {
  std::string sql;
  if (d == Dialect::kSqlite) {
    sql = R"(
CREATE TRIGGER changes_are_kept BEFORE DELETE ON changes
BEGIN SELECT RAISE(ABORT, 'changes are kept for ever: none can be deleted'); END;
CREATE TRIGGER changes_are_not_rewritten BEFORE UPDATE ON changes
BEGIN SELECT RAISE(ABORT, 'changes are kept for ever: none can be rewritten'); END;
CREATE TRIGGER organisations_are_kept BEFORE DELETE ON organisations
BEGIN SELECT RAISE(ABORT, 'organisations are kept with their history: none can be deleted'); END;
)";
  } else {
    sql = R"(
CREATE FUNCTION scorecard_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER changes_are_kept BEFORE DELETE OR TRUNCATE ON changes FOR EACH STATEMENT
  EXECUTE FUNCTION scorecard_refuse('changes are kept for ever: none can be deleted');
CREATE TRIGGER changes_are_not_rewritten BEFORE UPDATE ON changes FOR EACH STATEMENT
  EXECUTE FUNCTION scorecard_refuse('changes are kept for ever: none can be rewritten');
CREATE TRIGGER organisations_are_kept BEFORE DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION
  scorecard_refuse('organisations are kept with their history: none can be deleted');
)";
  }
  for (const FrozenTable& t : Version1Tables()) {
    if (d == Dialect::kSqlite) {
      // SQLite cannot drop a constraint: the table is made again without them.
      std::string columns;
      for (const char* c : t.columns)
        columns += fmt::format(",\n  \"{}\" TEXT NOT NULL DEFAULT ''", c);
      sql += fmt::format(R"(
CREATE TABLE "{0}_v3" (
  org_id BIGINT NOT NULL,
  row_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  seq BIGINT NOT NULL,
  from_change BIGINT NOT NULL,
  to_change BIGINT{1},
  PRIMARY KEY (org_id, row_key, version)
);
INSERT INTO "{0}_v3" SELECT * FROM "{0}";
DROP TABLE "{0}";
ALTER TABLE "{0}_v3" RENAME TO "{0}";
CREATE UNIQUE INDEX "{0}_current" ON "{0}"(org_id, row_key) WHERE to_change IS NULL;
)",
                         t.name, columns);
    } else {
      sql += fmt::format(R"(
DO $$
DECLARE c TEXT;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = '"{0}"'::regclass AND contype = 'f'
  LOOP
    EXECUTE format('ALTER TABLE "{0}" DROP CONSTRAINT %I', c);
  END LOOP;
END $$;
DROP INDEX "{0}_by_change";
ALTER TABLE "{0}" ALTER COLUMN row_key TYPE TEXT COLLATE "C";
)",
                         t.name);
    }
    sql += fmt::format(
        "CREATE INDEX \"{0}_ended\" ON \"{0}\"(org_id, row_key, version) WHERE to_change IS NOT "
        "NULL;\n",
        t.name);
  }
  return sql;
}

// The current rows of each table in their order (seq), so that a row added after the others (a
// value entered on the web) finds the last place without reading the whole table. "seq >= 0",
// always true, keeps the index to the queries that say so: PostgreSQL, before it has statistics
// of a table (for a minute or so after a bulk import), would otherwise take this index, the
// smallest, to find a row by key, reading every row of the organisation.
std::string Version6() {
  std::string sql;
  for (const FrozenTable& t : Version1Tables()) {
    sql += fmt::format(
        "CREATE INDEX \"{0}_order\" ON \"{0}\"(org_id, seq) WHERE to_change IS NULL AND seq "
        ">= 0;\n",
        t.name);
  }
  return sql;
}

// The report layouts: a versioned table as every other is after migration 6 (no references
// checked row by row, keys byte by byte, ended versions and current places indexed).
std::string Version7(Dialect d) {
  return fmt::format(R"(
CREATE TABLE "report_layouts" (
  org_id BIGINT NOT NULL,
  row_key TEXT {0}NOT NULL,
  version INTEGER NOT NULL,
  seq BIGINT NOT NULL,
  from_change BIGINT NOT NULL,
  to_change BIGINT,
  "name" TEXT NOT NULL DEFAULT '',
  "text" TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, row_key, version)
);
CREATE UNIQUE INDEX "report_layouts_current" ON "report_layouts"(org_id, row_key)
  WHERE to_change IS NULL;
CREATE INDEX "report_layouts_ended" ON "report_layouts"(org_id, row_key, version)
  WHERE to_change IS NOT NULL;
CREATE INDEX "report_layouts_order" ON "report_layouts"(org_id, seq)
  WHERE to_change IS NULL AND seq >= 0;
)",
                     d == Dialect::kPostgres ? "COLLATE \"C\" " : "");
}

// The files of each published report (html, xlsx, csv/NAME.csv, ...), kept with the publication
// whose change froze them: their bytes as published, their size and SHA-256 (hex) to check them
// against. Like changes, they are never deleted or rewritten, so a period published again keeps
// its earlier publications' files.
std::string Version8(Dialect d) {
  std::string sql = fmt::format(R"(
CREATE TABLE published_files (
  org_id BIGINT NOT NULL,
  period TEXT NOT NULL,
  change_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content {0} NOT NULL,
  PRIMARY KEY (org_id, period, change_id, name),
  FOREIGN KEY (org_id, period, change_id) REFERENCES publications(org_id, period, change_id)
);
)",
                                d == Dialect::kSqlite ? "BLOB" : "BYTEA");
  if (d == Dialect::kSqlite) {
    sql += R"(
CREATE TRIGGER published_files_are_kept BEFORE DELETE ON published_files
BEGIN SELECT RAISE(ABORT, 'published files are kept for ever: none can be deleted'); END;
CREATE TRIGGER published_files_are_not_rewritten BEFORE UPDATE ON published_files
BEGIN SELECT RAISE(ABORT, 'published files are kept for ever: none can be rewritten'); END;
)";
  } else {
    sql += R"(
CREATE TRIGGER published_files_are_kept BEFORE DELETE OR TRUNCATE ON published_files
  FOR EACH STATEMENT EXECUTE FUNCTION
  scorecard_refuse('published files are kept for ever: none can be deleted');
CREATE TRIGGER published_files_are_not_rewritten BEFORE UPDATE ON published_files
  FOR EACH STATEMENT EXECUTE FUNCTION
  scorecard_refuse('published files are kept for ever: none can be rewritten');
)";
  }
  return sql;
}

}  // namespace

std::vector<Migration> Migrations(Dialect dialect) {
  return {
      {1, "organisations, changes, publications and the versioned interchange tables",
       Version1(dialect)},
      {2, "users and sessions", Version2(dialect)},
      {3, "versioned rows checked by the store, not row by row; changes and organisations kept",
       Version3(dialect)},
      {4, "measures.rollup: how a parent measure's status comes from its parts",
       "ALTER TABLE \"measures\" ADD COLUMN \"rollup\" TEXT NOT NULL DEFAULT '';\n"},
      {5, "measures.forecast, min and max: a measure's forecast method and its bounds",
       "ALTER TABLE \"measures\" ADD COLUMN \"forecast\" TEXT NOT NULL DEFAULT '';\n"
       "ALTER TABLE \"measures\" ADD COLUMN \"min\" TEXT NOT NULL DEFAULT '';\n"
       "ALTER TABLE \"measures\" ADD COLUMN \"max\" TEXT NOT NULL DEFAULT '';\n"},
      {6, "current rows indexed in their order, for rows added at the end", Version6()},
      {7, "report layouts: a versioned table of each layout's name and text", Version7(dialect)},
      {8, "published_files: each published report's files, their bytes, size and SHA-256",
       Version8(dialect)},
  };
}

int LatestSchemaVersion() { return 8; }

namespace {

// Any number, the same in every Scorecard: PostgreSQL's lock on migrating this database.
constexpr int64_t kMigrationLock = 0x5C07EC4D;

StoreResult<void> Ignore(StoreResult<std::vector<ResultRow>> r) {
  if (!r) return std::unexpected(r.error());
  return {};
}

StoreResult<int> ReadVersion(Database& db) {
  auto rows = db.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!rows) return std::unexpected(rows.error());
  return std::stoi(rows->at(0).at(0).value_or("0"));
}

StoreResult<int> KnownVersion(StoreResult<int> version) {
  if (version && *version > LatestSchemaVersion()) {
    return Fail(StoreError::Kind::kInvalid,
                fmt::format("the database is at schema version {}, newer than this Scorecard "
                            "knows ({}): upgrade Scorecard",
                            *version, LatestSchemaVersion()));
  }
  return version;
}

// In a transaction that another process migrating the same database waits for: SQLite's
// BEGIN IMMEDIATE holds the only write lock; PostgreSQL takes a lock of its own until the end.
StoreResult<void> BeginMigrating(Database& db) {
  if (auto r = db.Begin(); !r) return r;
  if (db.dialect() == Dialect::kPostgres) {
    if (auto r = Ignore(db.Query("SELECT pg_advisory_xact_lock($1)", {kMigrationLock})); !r) {
      return r;
    }
  }
  return db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "description TEXT NOT NULL)");
}

// Applies `m` unless the database has it already (another process may have just applied it).
StoreResult<bool> ApplyIfNeeded(Database& db, const Migration& m) {
  auto begun = BeginMigrating(db);
  auto current = begun ? KnownVersion(ReadVersion(db)) : std::unexpected(begun.error());
  if (!current || *current >= m.version) {
    db.Rollback();
    if (!current) return std::unexpected(current.error());
    return false;
  }
  auto done = db.Exec(m.sql);
  if (done) {
    done = Ignore(db.Query("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
                           {int64_t{m.version}, std::string_view(m.description)}));
  }
  if (!done) {
    db.Rollback();
    return Fail(done.error().kind, fmt::format("migration {} ({}): {}", m.version, m.description,
                                               done.error().message));
  }
  if (auto r = db.Commit(); !r) return std::unexpected(r.error());
  return true;
}

}  // namespace

StoreResult<int> SchemaVersion(Database& db) {
  // Reads without creating anything, so that it never races a process that is migrating.
  std::string_view exists =
      db.dialect() == Dialect::kSqlite
          ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
            "'schema_migrations'"
          : "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = "
            "'schema_migrations'";
  auto rows = db.Query(exists);
  if (!rows) return std::unexpected(rows.error());
  if (rows->at(0).at(0) == "0") return 0;
  return ReadVersion(db);
}

StoreResult<std::vector<int>> Migrate(Database& db, int target) {
  if (target == 0) target = LatestSchemaVersion();
  auto current = KnownVersion(SchemaVersion(db));
  if (!current) return std::unexpected(current.error());
  std::vector<int> applied;
  for (const Migration& m : Migrations(db.dialect())) {
    if (m.version <= *current) continue;
    if (m.version > target) break;
    auto done = ApplyIfNeeded(db, m);
    if (!done) return std::unexpected(done.error());
    if (*done) applied.push_back(m.version);
  }
  return applied;
}

}  // namespace scorecard

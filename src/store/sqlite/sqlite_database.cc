#include "store/sqlite/sqlite_database.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace scorecard {
namespace {

constexpr int kBusyTimeoutMs = 10'000;

StoreError::Kind KindOf(int code) {
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError::Kind::kUnavailable;
    case SQLITE_CONSTRAINT:
      return StoreError::Kind::kConflict;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StoreError::Kind::kUnavailable;
    default:
      return StoreError::Kind::kInternal;
  }
}

// Binds $1, $2, ... by name, so the same SQL serves PostgreSQL.
int Bind(sqlite3_stmt* stmt, const std::vector<Param>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    std::string name = fmt::format("${}", i + 1);
    int at = sqlite3_bind_parameter_index(stmt, name.c_str());
    if (at == 0) continue;
    int rc = std::visit(
        [&](const auto& p) -> int {
          using T = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return sqlite3_bind_null(stmt, at);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            return sqlite3_bind_int64(stmt, at, p);
          } else {
            return sqlite3_bind_text(stmt, at, p.data(), static_cast<int>(p.size()),
                                     SQLITE_TRANSIENT);
          }
        },
        params[i]);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

class SqliteStatement : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  StoreResult<void> Run(const std::vector<Param>& params) override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    int rc = Bind(stmt_, params);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) rc = sqlite3_step(stmt_);
    if (rc != SQLITE_DONE) return Fail(KindOf(rc), sqlite3_errmsg(db_));
    return {};
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace

StoreResult<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Fail(StoreError::Kind::kUnavailable,
                fmt::format("cannot open the SQLite database {}: {}", path, message));
  }
  std::unique_ptr<SqliteDatabase> out(new SqliteDatabase(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // WAL: readers never block the writer; synchronous=FULL: a committed import survives a crash.
  if (auto r = out->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                         "PRAGMA foreign_keys=ON;");
      !r) {
    return std::unexpected(r.error());
  }
  return out;
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(db_); }

StoreError SqliteDatabase::Error(std::string_view what) const {
  return StoreError{KindOf(sqlite3_extended_errcode(db_)),
                    fmt::format("{}: {}", what, sqlite3_errmsg(db_))};
}

StoreResult<void> SqliteDatabase::Exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string m = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return Fail(KindOf(rc), "SQLite: " + m);
  }
  return {};
}

StoreResult<std::vector<ResultRow>> SqliteDatabase::Query(std::string_view sql,
                                                          const std::vector<Param>& params) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return std::unexpected(Error("SQLite"));
  }
  std::vector<ResultRow> rows;
  int rc = Bind(stmt, params);
  if (rc == SQLITE_OK) {
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      int n = sqlite3_column_count(stmt);
      ResultRow row(n);
      for (int i = 0; i < n; ++i) {
        if (sqlite3_column_type(stmt, i) != SQLITE_NULL) {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
          row[i] = std::string(text, sqlite3_column_bytes(stmt, i));
        }
      }
      rows.push_back(std::move(row));
    }
  }
  if (rc != SQLITE_DONE) {
    StoreError e = Error("SQLite");
    sqlite3_finalize(stmt);
    return std::unexpected(e);
  }
  sqlite3_finalize(stmt);
  return rows;
}

StoreResult<std::unique_ptr<Statement>> SqliteDatabase::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return std::unexpected(Error("SQLite"));
  }
  return std::make_unique<SqliteStatement>(db_, stmt);
}

StoreResult<void> SqliteDatabase::Begin() { return Exec("BEGIN IMMEDIATE"); }
StoreResult<void> SqliteDatabase::Commit() { return Exec("COMMIT"); }
void SqliteDatabase::Rollback() {
  if (!sqlite3_get_autocommit(db_)) (void)Exec("ROLLBACK");
}

StoreResult<std::string> SqliteDatabase::IntegrityCheck() {
  auto rows = Query("PRAGMA integrity_check", {});
  if (!rows) return std::unexpected(rows.error());
  std::string problems;
  for (const ResultRow& r : *rows) {
    if (r.at(0) && *r[0] != "ok") problems += *r[0] + "\n";
  }
  return problems;
}

StoreResult<void> SqliteDatabase::Backup(const std::string& path) {
  sqlite3* target = nullptr;
  if (sqlite3_open(path.c_str(), &target) != SQLITE_OK) {
    std::string m = target ? sqlite3_errmsg(target) : "out of memory";
    sqlite3_close(target);
    return Fail(StoreError::Kind::kUnavailable, fmt::format("cannot create {}: {}", path, m));
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", db_, "main");
  if (!backup) {
    std::string m = sqlite3_errmsg(target);
    sqlite3_close(target);
    return Fail(StoreError::Kind::kInternal, "backup: " + m);
  }
  int rc;
  do {
    rc = sqlite3_backup_step(backup, 256);  // pages a step, letting writers in between
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  std::string m = sqlite3_errmsg(target);
  sqlite3_close(target);
  if (rc != SQLITE_DONE) return Fail(StoreError::Kind::kInternal, "backup: " + m);
  return {};
}

}  // namespace scorecard

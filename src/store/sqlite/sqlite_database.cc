#include "store/sqlite/sqlite_database.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>

namespace scorecard {
namespace {

constexpr int kBusyTimeoutMs = 10'000;

StoreError::Kind KindOf(int code) {
  // A trigger refusing a statement (a change deleted, say): not a race, a request refused.
  if (code == SQLITE_CONSTRAINT_TRIGGER) return StoreError::Kind::kInvalid;
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

// Binds one parameter at SQLite's index `at`; `text` is SQLITE_TRANSIENT (copied) or
// SQLITE_STATIC (valid until the statement has run).
int BindOne(sqlite3_stmt* stmt, int at, const Param& param, sqlite3_destructor_type text) {
  return std::visit(
      [&](const auto& p) -> int {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return sqlite3_bind_null(stmt, at);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return sqlite3_bind_int64(stmt, at, p);
        } else if constexpr (std::is_same_v<T, Blob>) {
          // A zero-length blob is still a blob (a null pointer would bind NULL).
          return sqlite3_bind_blob64(stmt, at, p.bytes.empty() ? "" : p.bytes.data(),
                                     p.bytes.size(), text);
        } else {
          return sqlite3_bind_text(stmt, at, p.data(), static_cast<int>(p.size()), text);
        }
      },
      param);
}

// SQLite's index of each of $1, $2, ... in the statement (0: not used).
std::vector<int> ParameterIndexes(sqlite3_stmt* stmt) {
  std::vector<int> at;
  for (int i = 1; i <= sqlite3_bind_parameter_count(stmt); ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt, i);
    if (!name || name[0] != '$') continue;
    size_t n = std::strtoul(name + 1, nullptr, 10);
    if (n == 0) continue;
    if (at.size() < n) at.resize(n);
    at[n - 1] = i;
  }
  return at;
}

// Binds $1, $2, ... by name, so the same SQL serves PostgreSQL.
int Bind(sqlite3_stmt* stmt, const std::vector<int>& at, const std::vector<Param>& params) {
  for (size_t i = 0; i < params.size() && i < at.size(); ++i) {
    if (at[i] == 0) continue;
    if (int rc = BindOne(stmt, at[i], params[i], SQLITE_TRANSIENT); rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

class SqliteStatement : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
      : db_(db), stmt_(stmt), at_(ParameterIndexes(stmt)) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  StoreResult<void> Run(const std::vector<Param>& params) override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    int rc = Bind(stmt_, at_, params);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) rc = sqlite3_step(stmt_);
    if (rc != SQLITE_DONE) return Fail(KindOf(sqlite3_extended_errcode(db_)), sqlite3_errmsg(db_));
    return {};
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::vector<int> at_;
};

using StatementPtr = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

constexpr size_t kRowsPerInsert = 1024;

}  // namespace

StoreResult<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path,
                                                                  bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc == SQLITE_CANTOPEN && !create) {
    sqlite3_close(db);
    return Fail(StoreError::Kind::kNotFound,
                fmt::format("there is no database at {} (only import creates one)", path));
  }
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Fail(StoreError::Kind::kUnavailable,
                fmt::format("cannot open the SQLite database {}: {}", path, message));
  }
  std::unique_ptr<SqliteDatabase> out(new SqliteDatabase(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // A new file gets 16 KiB pages (no-op for an existing one): a bulk import writes a third less
  // than with the 4 KiB default, and the tables' rows are wide. WAL: readers never block the
  // writer. Both are kept in the file, so a reader (not `create`) leaves the file as it is.
  if (create) {
    if (auto r = out->Exec("PRAGMA page_size=16384"); !r) return std::unexpected(r.error());
    if (auto r = out->UseWal(); !r) return std::unexpected(r.error());
  }
  // synchronous=FULL: a committed import survives a crash.
  if (auto r = out->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"); !r) {
    return std::unexpected(r.error());
  }
  return out;
}

StoreResult<void> SqliteDatabase::UseWal() {
  // Switching a new file to WAL needs it to itself, and SQLite answers "busy" at once rather than
  // waiting: two processes opening the same new file would fail. So wait here, as the busy
  // timeout would.
  constexpr int kPauseMs = 10;
  for (int waited = 0;; waited += kPauseMs) {
    auto r = Exec("PRAGMA journal_mode=WAL");
    if (r || sqlite3_errcode(db_) != SQLITE_BUSY || waited >= kBusyTimeoutMs) return r;
    sqlite3_sleep(kPauseMs);
  }
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
    return Fail(KindOf(sqlite3_extended_errcode(db_)), "SQLite: " + m);
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
  int rc = Bind(stmt, ParameterIndexes(stmt), params);
  if (rc == SQLITE_OK) {
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      int n = sqlite3_column_count(stmt);
      ResultRow row(n);
      for (int i = 0; i < n; ++i) {
        int type = sqlite3_column_type(stmt, i);
        if (type == SQLITE_BLOB) {
          const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, i));
          row[i] = std::string(bytes ? bytes : "", sqlite3_column_bytes(stmt, i));
        } else if (type != SQLITE_NULL) {
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

StoreResult<std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>> SqliteDatabase::PrepareInsert(
    std::string_view table, const std::vector<std::string_view>& columns, size_t rows) {
  std::string names, values;
  for (size_t c = 0; c < columns.size(); ++c) {
    names += fmt::format("{}\"{}\"", c ? ", " : "", columns[c]);
  }
  for (size_t r = 0; r < rows; ++r) {
    values += r ? ", (" : "(";
    for (size_t c = 0; c < columns.size(); ++c) values += c ? ", ?" : "?";
    values += ")";
  }
  std::string sql = fmt::format("INSERT INTO \"{}\" ({}) VALUES {}", table, names, values);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return std::unexpected(Error("SQLite"));
  }
  return StatementPtr(stmt, &sqlite3_finalize);
}

StoreResult<void> SqliteDatabase::CopyRows(std::string_view table,
                                           const std::vector<std::string_view>& columns,
                                           size_t count, const RowFiller& fill,
                                           size_t* failed_row) {
  // Many rows a statement: SQLite saves the pages a statement changes, to undo it if it fails,
  // and a page filled row by row would be saved once a row.
  const size_t variables = sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
  const size_t per_statement =
      std::clamp<size_t>(variables / std::max<size_t>(columns.size(), 1), 1, kRowsPerInsert);
  auto one = PrepareInsert(table, columns, 1);
  if (!one) return std::unexpected(one.error());
  StatementPtr many(nullptr, &sqlite3_finalize);
  if (count >= per_statement && per_statement > 1) {
    auto prepared = PrepareInsert(table, columns, per_statement);
    if (!prepared) return std::unexpected(prepared.error());
    many = std::move(*prepared);
  }
  std::vector<std::vector<Param>> rows(std::min(count, per_statement),
                                       std::vector<Param>(columns.size()));
  // Binds without copying the texts: they live until CopyRows returns.
  auto run = [&](sqlite3_stmt* stmt, size_t first, size_t n) {
    int rc = SQLITE_OK;
    for (size_t r = 0; r < n; ++r) {
      for (size_t c = 0; c < columns.size() && rc == SQLITE_OK; ++c) {
        rc = BindOne(stmt, static_cast<int>(r * columns.size() + c + 1), rows[first + r][c],
                     SQLITE_STATIC);
      }
    }
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return rc;
  };
  for (size_t done = 0; done < count;) {
    size_t n = count - done >= per_statement ? per_statement : 1;
    for (size_t r = 0; r < n; ++r) fill(done + r, rows[r]);
    if (run(n == 1 ? one->get() : many.get(), 0, n) != SQLITE_DONE) {
      StoreError error = Error("SQLite");
      // The statement changed nothing; row by row finds the one at fault.
      for (size_t r = 0; r < n; ++r) {
        if (n > 1 && run(one->get(), r, 1) == SQLITE_DONE) continue;
        if (failed_row) *failed_row = done + r;
        return std::unexpected(n > 1 ? Error("SQLite") : error);
      }
      return std::unexpected(error);
    }
    done += n;
  }
  return {};
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

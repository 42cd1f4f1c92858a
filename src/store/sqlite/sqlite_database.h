#pragma once
// Database on an SQLite file, through the sqlite3 C API: WAL mode, a busy timeout, foreign keys.

#include <memory>
#include <string>

#include "store/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace scorecard {

class SqliteDatabase : public Database {
 public:
  // Opens the file at `path`, creating it if needed when `create`; ":memory:" for a private
  // in-memory database. Without `create`, a missing file is kNotFound.
  static StoreResult<std::unique_ptr<SqliteDatabase>> Open(const std::string& path,
                                                           bool create = true);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  StoreResult<void> Exec(std::string_view sql) override;
  StoreResult<std::vector<ResultRow>> Query(std::string_view sql,
                                            const std::vector<Param>& params) override;
  StoreResult<std::unique_ptr<Statement>> Prepare(std::string_view sql) override;
  StoreResult<void> CopyRows(std::string_view table, const std::vector<std::string_view>& columns,
                             size_t count, const RowFiller& fill, size_t* failed_row) override;
  StoreResult<void> Begin() override;
  StoreResult<void> Commit() override;
  void Rollback() override;
  StoreResult<std::string> IntegrityCheck() override;
  // Copies the whole database to `path` with the online backup API, while others keep working.
  StoreResult<void> Backup(const std::string& path);

 private:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  StoreResult<void> UseWal();
  StoreError Error(std::string_view what) const;
  // INSERT INTO table (columns) VALUES (?, ...), ... for `rows` rows.
  StoreResult<std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>> PrepareInsert(
      std::string_view table, const std::vector<std::string_view>& columns, size_t rows);

  sqlite3* db_;
};

}  // namespace scorecard

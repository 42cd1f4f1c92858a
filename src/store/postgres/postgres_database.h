#pragma once
// Database on a PostgreSQL server, through libpq. When the server goes away, calls fail with
// kUnavailable naming it; the next call outside a transaction connects again.

#include <memory>
#include <string>

#include "store/database.h"

typedef struct pg_conn PGconn;

namespace scorecard {

class PostgresDatabase : public Database {
 public:
  // Connects to the server a postgresql:// URL names.
  static StoreResult<std::unique_ptr<PostgresDatabase>> Open(const std::string& url);
  ~PostgresDatabase() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  StoreResult<void> Exec(std::string_view sql) override;
  StoreResult<std::vector<ResultRow>> Query(std::string_view sql,
                                            const std::vector<Param>& params) override;
  StoreResult<std::unique_ptr<Statement>> Prepare(std::string_view sql) override;
  // COPY ... FROM STDIN in text format, sent in chunks.
  StoreResult<void> CopyRows(std::string_view table, const std::vector<std::string_view>& columns,
                             size_t count, const RowFiller& fill, size_t* failed_row) override;
  StoreResult<void> Begin() override;
  StoreResult<void> Commit() override;
  void Rollback() override;
  StoreResult<std::string> IntegrityCheck() override;

 private:
  explicit PostgresDatabase(PGconn* conn) : conn_(conn) {}
  StoreResult<void> StartCopy(const std::string& sql);
  StoreResult<void> FinishCopy(size_t* failed_row);
  // Reconnects if the connection is lost, unless a transaction was open on it; kUnavailable if
  // there is still no connection.
  StoreResult<void> EnsureConnected();

  PGconn* conn_;
  bool in_transaction_ = false;  // between a successful Begin() and Commit() or Rollback()
  int statements_ = 0;           // prepared on this connection, to name the next
};

}  // namespace scorecard

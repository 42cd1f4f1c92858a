#pragma once
// Database on a PostgreSQL server, through libpq.

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
  StoreResult<void> Begin() override;
  StoreResult<void> Commit() override;
  void Rollback() override;
  StoreResult<std::string> IntegrityCheck() override;

 private:
  explicit PostgresDatabase(PGconn* conn) : conn_(conn) {}
  PGconn* conn_;
};

}  // namespace scorecard

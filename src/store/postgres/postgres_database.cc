#include "store/postgres/postgres_database.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstring>

namespace scorecard {
namespace {

// Classifies a failed result by its SQLSTATE.
StoreError ErrorOf(PGconn* conn, PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string message =
      res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  StoreError::Kind kind = StoreError::Kind::kInternal;
  std::string_view s = state ? state : "";
  if (PQstatus(conn) != CONNECTION_OK || s.starts_with("08") || s.starts_with("57P")) {
    kind = StoreError::Kind::kUnavailable;
  } else if (s == "23505" || s == "40001" || s == "40P01") {
    kind = StoreError::Kind::kConflict;
  }
  return {kind, fmt::format("{}: {}", what, message)};
}

// libpq takes parameters as text; keeps the texts alive for the call.
struct TextParams {
  explicit TextParams(const std::vector<Param>& params) {
    texts.reserve(params.size());
    for (const Param& p : params) {
      if (std::holds_alternative<std::nullptr_t>(p)) {
        texts.emplace_back();
        nulls.push_back(true);
      } else if (const int64_t* n = std::get_if<int64_t>(&p)) {
        texts.push_back(std::to_string(*n));
        nulls.push_back(false);
      } else {
        texts.emplace_back(std::get<std::string_view>(p));
        nulls.push_back(false);
      }
    }
    for (size_t i = 0; i < texts.size(); ++i)
      values.push_back(nulls[i] ? nullptr : texts[i].c_str());
  }
  std::vector<std::string> texts;
  std::vector<bool> nulls;
  std::vector<const char*> values;
};

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PostgresStatement : public Statement {
 public:
  PostgresStatement(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  StoreResult<void> Run(const std::vector<Param>& params) override {
    TextParams p(params);
    Result res(PQexecPrepared(conn_, name_.c_str(), static_cast<int>(p.values.size()),
                              p.values.data(), nullptr, nullptr, 0),
               PQclear);
    ExecStatusType status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return std::unexpected(ErrorOf(conn_, res.get(), "PostgreSQL"));
    }
    return {};
  }

 private:
  PGconn* conn_;
  std::string name_;
};

}  // namespace

StoreResult<std::unique_ptr<PostgresDatabase>> PostgresDatabase::Open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn);
    return Fail(StoreError::Kind::kUnavailable,
                fmt::format("cannot connect to the PostgreSQL database {}: {}", url, message));
  }
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase(conn));
  if (auto r = db->Exec("SET client_min_messages = warning"); !r) return std::unexpected(r.error());
  return db;
}

PostgresDatabase::~PostgresDatabase() { PQfinish(conn_); }

StoreResult<void> PostgresDatabase::Exec(std::string_view sql) {
  if (PQstatus(conn_) != CONNECTION_OK) PQreset(conn_);  // the server may be back
  Result res(PQexec(conn_, std::string(sql).c_str()), PQclear);
  ExecStatusType status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return std::unexpected(ErrorOf(conn_, res.get(), "PostgreSQL"));
  }
  return {};
}

StoreResult<std::vector<ResultRow>> PostgresDatabase::Query(std::string_view sql,
                                                            const std::vector<Param>& params) {
  if (PQstatus(conn_) != CONNECTION_OK) PQreset(conn_);
  TextParams p(params);
  Result res(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(p.values.size()),
                          nullptr, p.values.data(), nullptr, nullptr, 0),
             PQclear);
  ExecStatusType status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return std::unexpected(ErrorOf(conn_, res.get(), "PostgreSQL"));
  }
  std::vector<ResultRow> rows;
  int n = PQntuples(res.get()), columns = PQnfields(res.get());
  rows.reserve(n);
  for (int r = 0; r < n; ++r) {
    ResultRow row(columns);
    for (int c = 0; c < columns; ++c) {
      if (!PQgetisnull(res.get(), r, c)) {
        row[c] = std::string(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

StoreResult<std::unique_ptr<Statement>> PostgresDatabase::Prepare(std::string_view sql) {
  static int counter = 0;
  std::string name = fmt::format("scorecard_{}", ++counter);
  Result res(PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr), PQclear);
  if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
    return std::unexpected(ErrorOf(conn_, res.get(), "PostgreSQL"));
  }
  return std::make_unique<PostgresStatement>(conn_, std::move(name));
}

StoreResult<void> PostgresDatabase::Begin() { return Exec("BEGIN ISOLATION LEVEL READ COMMITTED"); }
StoreResult<void> PostgresDatabase::Commit() { return Exec("COMMIT"); }
void PostgresDatabase::Rollback() {
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) (void)Exec("ROLLBACK");
}

StoreResult<std::string> PostgresDatabase::IntegrityCheck() {
  // PostgreSQL keeps its own files consistent (WAL); what can break is our data's shape,
  // which Store checks for both backends. Here: the server answers.
  auto r = Query("SELECT 1", {});
  if (!r) return std::unexpected(r.error());
  return std::string();
}

}  // namespace scorecard

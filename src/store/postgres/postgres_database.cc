#include "store/postgres/postgres_database.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <cstring>
#include <new>
#include <optional>

namespace scorecard {
namespace {

// "127.0.0.1:5432 (database scorecard)": the server in messages (never the URL, which may hold
// a password).
std::string ServerOf(PGconn* conn) {
  auto text = [](const char* s) { return std::string(s && *s ? s : "?"); };
  return fmt::format("{}:{} (database {})", text(PQhost(conn)), text(PQport(conn)),
                     text(PQdb(conn)));
}

// libpq's first line, without "FATAL:" and the like: the rest only guesses at causes.
std::string FirstLine(std::string_view message) {
  message = message.substr(0, message.find('\n'));
  for (std::string_view severity : {"FATAL:", "ERROR:"}) {
    if (message.starts_with(severity)) message.remove_prefix(severity.size());
  }
  while (!message.empty() && message.front() == ' ') message.remove_prefix(1);
  while (!message.empty() && message.back() == ' ') message.remove_suffix(1);
  return std::string(message);
}

// Classifies a failed result by its SQLSTATE.
StoreError ErrorOf(PGconn* conn, PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string message =
      res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string_view s = state ? state : "";
  if (PQstatus(conn) != CONNECTION_OK || s.starts_with("08") || s.starts_with("57P")) {
    return {StoreError::Kind::kUnavailable,
            fmt::format("the PostgreSQL server at {} cannot be reached: {}", ServerOf(conn),
                        FirstLine(message))};
  }
  StoreError::Kind kind = StoreError::Kind::kInternal;
  if (s == "23505" || s == "40001" || s == "40P01") kind = StoreError::Kind::kConflict;
  if (s == "23001") kind = StoreError::Kind::kInvalid;      // refused by a trigger of ours
  if (s == "55P03") kind = StoreError::Kind::kUnavailable;  // waited too long for a lock
  return {kind, fmt::format("{}: {}", what, message)};
}

// libpq's parameters: text, except bytes, which go as binary (format 1) with their length.
// Keeps the texts alive for the call.
struct TextParams {
  explicit TextParams(const std::vector<Param>& params) {
    texts.reserve(params.size());
    for (const Param& p : params) {
      const char* value = nullptr;
      int length = 0, format = 0;
      if (const int64_t* n = std::get_if<int64_t>(&p)) {
        texts.push_back(std::to_string(*n));
      } else if (const std::string_view* text = std::get_if<std::string_view>(&p)) {
        texts.emplace_back(*text);
      } else if (const Blob* blob = std::get_if<Blob>(&p)) {
        texts.emplace_back();
        value = blob->bytes.empty() ? "" : blob->bytes.data();
        length = static_cast<int>(blob->bytes.size());
        format = 1;
      } else {
        texts.emplace_back();  // NULL
      }
      values.push_back(value);
      lengths.push_back(length);
      formats.push_back(format);
      nulls.push_back(std::holds_alternative<std::nullptr_t>(p));
    }
    // Only now: the texts have stopped moving.
    for (size_t i = 0; i < texts.size(); ++i) {
      if (!nulls[i] && formats[i] == 0) values[i] = texts[i].c_str();
    }
  }
  std::vector<std::string> texts;
  std::vector<bool> nulls;
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
};

// PostgreSQL's type of bytea (pg_type.h's BYTEAOID).
constexpr Oid kByteaType = 17;

// A result cell as text, or a bytea column's bytes (sent as text in its hex form).
Cell CellOf(PGresult* res, int row, int column) {
  if (PQgetisnull(res, row, column)) return std::nullopt;
  const char* value = PQgetvalue(res, row, column);
  if (PQftype(res, column) != kByteaType || PQfformat(res, column) != 0) {
    return std::string(value, PQgetlength(res, row, column));
  }
  size_t length = 0;
  unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &length);
  if (!bytes) throw std::bad_alloc();
  std::string out(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return out;
}

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PostgresStatement : public Statement {
 public:
  PostgresStatement(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  StoreResult<void> Run(const std::vector<Param>& params) override {
    TextParams p(params);
    Result res(PQexecPrepared(conn_, name_.c_str(), static_cast<int>(p.values.size()),
                              p.values.data(), p.lengths.data(), p.formats.data(), 0),
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

constexpr size_t kCopyChunk = 256 * 1024;  // bytes sent to the server at a time

// Appends a field in COPY's text format: \N for NULL; backslash, tab, line feed and carriage
// return escaped.
void AppendCopyField(std::string& out, const Param& field) {
  if (std::holds_alternative<std::nullptr_t>(field)) {
    out += "\\N";
  } else if (const int64_t* n = std::get_if<int64_t>(&field)) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, *n).ptr);
  } else if (const Blob* blob = std::get_if<Blob>(&field)) {
    // bytea's hex form (\x0a1b...), its backslash escaped for COPY.
    constexpr char kDigits[] = "0123456789abcdef";
    out += "\\\\x";
    for (unsigned char c : blob->bytes) {
      out += kDigits[c >> 4];
      out += kDigits[c & 0xF];
    }
  } else {
    std::string_view text = std::get<std::string_view>(field);
    size_t plain = 0;  // start of the run of characters that need no escape
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c != '\\' && c != '\t' && c != '\n' && c != '\r') continue;
      out.append(text.substr(plain, i - plain));
      out += '\\';
      out += c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
      plain = i + 1;
    }
    out.append(text.substr(plain));
  }
}

// The row (from 0) a failed COPY names in its context ("COPY values, line 3"), if any.
std::optional<size_t> FailedCopyRow(PGresult* res) {
  const char* context = res ? PQresultErrorField(res, PG_DIAG_CONTEXT) : nullptr;
  if (!context) return std::nullopt;
  std::string_view c = context;
  size_t at = c.find(", line ");
  if (at == std::string_view::npos) return std::nullopt;
  size_t line = 0;
  auto [end, ec] = std::from_chars(c.data() + at + 7, c.data() + c.size(), line);
  if (ec != std::errc() || line == 0) return std::nullopt;
  return line - 1;
}

}  // namespace

StoreResult<std::unique_ptr<PostgresDatabase>> PostgresDatabase::Open(const std::string& url) {
  // Given as parameters rather than SET, they hold again after a reconnection. The URL's own
  // settings win over ours (it comes after them), except `options`.
  // A server that vanishes without closing the connection (a network partition, a machine
  // powered off) is noticed within about a minute instead of never: TCP keepalives while idle,
  // and a limit on data left unacknowledged. A writer waiting a minute for another's lock on the
  // organisation gives up and says so rather than hanging (an import of a million values holds
  // it for seconds).
  const char* keys[] = {"connect_timeout",
                        "application_name",
                        "keepalives_idle",
                        "keepalives_interval",
                        "keepalives_count",
                        "tcp_user_timeout",
                        "dbname",
                        "options",
                        nullptr};
  const char* values[] = {
      "10",   "scorecard", "30",        "10",
      "3",    "60000",     url.c_str(), "-c client_min_messages=warning -c lock_timeout=60s",
      nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = fmt::format("cannot connect to the PostgreSQL server at {}: {}",
                                      ServerOf(conn), FirstLine(PQerrorMessage(conn)));
    PQfinish(conn);
    return Fail(StoreError::Kind::kUnavailable, std::move(message));
  }
  return std::unique_ptr<PostgresDatabase>(new PostgresDatabase(conn));
}

PostgresDatabase::~PostgresDatabase() { PQfinish(conn_); }

StoreResult<void> PostgresDatabase::EnsureConnected() {
  // A connection lost in a transaction stays lost: the transaction went with it, and what
  // follows must fail until the caller rolls back, not run outside it on a new connection.
  if (!in_transaction_ && PQstatus(conn_) == CONNECTION_OK) {
    // A server that restarted while we were idle has closed our connection; read what is
    // waiting (its goodbye, then the end) so that libpq notices before we send anything.
    pollfd socket{PQsocket(conn_), POLLIN, 0};
    for (int i = 0; i < 4 && ::poll(&socket, 1, 0) == 1 && PQconsumeInput(conn_) == 1; ++i) {
    }
  }
  if (!in_transaction_ && PQstatus(conn_) != CONNECTION_OK) PQreset(conn_);  // it may be back
  if (PQstatus(conn_) != CONNECTION_OK) return std::unexpected(ErrorOf(conn_, nullptr, ""));
  return {};
}

StoreResult<void> PostgresDatabase::Exec(std::string_view sql) {
  if (auto r = EnsureConnected(); !r) return std::unexpected(r.error());
  Result res(PQexec(conn_, std::string(sql).c_str()), PQclear);
  ExecStatusType status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return std::unexpected(ErrorOf(conn_, res.get(), "PostgreSQL"));
  }
  return {};
}

StoreResult<std::vector<ResultRow>> PostgresDatabase::Query(std::string_view sql,
                                                            const std::vector<Param>& params) {
  if (auto r = EnsureConnected(); !r) return std::unexpected(r.error());
  TextParams p(params);
  Result res(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(p.values.size()),
                          nullptr, p.values.data(), p.lengths.data(), p.formats.data(), 0),
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
    for (int c = 0; c < columns; ++c) row[c] = CellOf(res.get(), r, c);
    rows.push_back(std::move(row));
  }
  return rows;
}

StoreResult<std::unique_ptr<Statement>> PostgresDatabase::Prepare(std::string_view sql) {
  if (auto r = EnsureConnected(); !r) return std::unexpected(r.error());
  std::string name = fmt::format("scorecard_{}", ++statements_);
  Result res(PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr), PQclear);
  if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
    return std::unexpected(ErrorOf(conn_, res.get(), "PostgreSQL"));
  }
  return std::make_unique<PostgresStatement>(conn_, std::move(name));
}

StoreResult<void> PostgresDatabase::CopyRows(std::string_view table,
                                             const std::vector<std::string_view>& columns,
                                             size_t count, const RowFiller& fill,
                                             size_t* failed_row) {
  std::string names;
  for (std::string_view c : columns) names += fmt::format("{}\"{}\"", names.empty() ? "" : ", ", c);
  if (auto r = StartCopy(fmt::format("COPY \"{}\" ({}) FROM STDIN", table, names)); !r) return r;
  std::vector<Param> fields(columns.size());
  std::string buffer;
  buffer.reserve(kCopyChunk + 4096);
  bool sent = true;  // false once the server stops taking rows (it has said why)
  for (size_t i = 0; i < count && sent; ++i) {
    fill(i, fields);
    for (size_t c = 0; c < fields.size(); ++c) {
      if (c) buffer += '\t';
      AppendCopyField(buffer, fields[c]);
    }
    buffer += '\n';
    if (buffer.size() >= kCopyChunk || i + 1 == count) {
      sent = PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
      buffer.clear();
    }
  }
  PQputCopyEnd(conn_, sent ? nullptr : "the rows could not be sent");
  return FinishCopy(failed_row);
}

StoreResult<void> PostgresDatabase::StartCopy(const std::string& sql) {
  if (auto r = EnsureConnected(); !r) return std::unexpected(r.error());
  Result res(PQexec(conn_, sql.c_str()), PQclear);
  if (PQresultStatus(res.get()) != PGRES_COPY_IN) {
    return std::unexpected(ErrorOf(conn_, res.get(), "PostgreSQL"));
  }
  return {};
}

StoreResult<void> PostgresDatabase::FinishCopy(size_t* failed_row) {
  StoreResult<void> outcome;
  // The COPY's result, then nothing; reading to the end leaves the connection ready.
  while (PGresult* raw = PQgetResult(conn_)) {
    Result res(raw, PQclear);
    if (PQresultStatus(raw) == PGRES_COMMAND_OK || !outcome) continue;
    outcome = std::unexpected(ErrorOf(conn_, raw, "PostgreSQL"));
    if (std::optional<size_t> row = FailedCopyRow(raw); row && failed_row) *failed_row = *row;
  }
  return outcome;
}

StoreResult<void> PostgresDatabase::Begin() {
  auto r = Exec("BEGIN ISOLATION LEVEL READ COMMITTED");
  in_transaction_ = r.has_value();
  return r;
}

StoreResult<void> PostgresDatabase::Commit() {
  auto r = Exec("COMMIT");
  in_transaction_ = false;  // committed or not, it is over
  return r;
}

void PostgresDatabase::Rollback() {
  in_transaction_ = false;
  // A lost connection took its transaction with it: nothing to roll back, nor to reconnect for.
  if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    (void)Exec("ROLLBACK");
  }
}

StoreResult<std::string> PostgresDatabase::IntegrityCheck() {
  // PostgreSQL keeps its own files consistent (WAL); what can break is our data's shape,
  // which Store checks for both backends. Here: the server answers.
  auto r = Query("SELECT 1", {});
  if (!r) return std::unexpected(r.error());
  return std::string();
}

}  // namespace scorecard

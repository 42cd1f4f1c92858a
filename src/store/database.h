#pragma once
// The few things Scorecard asks of a SQL database, written once for SQLite and once for
// PostgreSQL (src/store/sqlite, src/store/postgres). Statements use $1, $2, ... for parameters
// on both. Everything above this interface (src/store/store.h) is written once.

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace scorecard {

struct StoreError {
  enum class Kind {
    kNotFound,     // no such organisation, record or version
    kConflict,     // the record changed since it was read
    kUnavailable,  // the database cannot be reached
    kInvalid,      // the request cannot be carried out as asked
    kInternal,     // the database said something unexpected
  };
  Kind kind = Kind::kInternal;
  std::string message;
};

template <typename T>
using StoreResult = std::expected<T, StoreError>;

inline std::unexpected<StoreError> Fail(StoreError::Kind kind, std::string message) {
  return std::unexpected(StoreError{kind, std::move(message)});
}

// Bytes bound as binary (a BLOB, a BYTEA), not as text.
struct Blob {
  std::string_view bytes;
};

// A parameter: NULL, a whole number, text or bytes.
using Param = std::variant<std::nullptr_t, int64_t, std::string_view, Blob>;
// A result cell: NULL, text, or a binary column's bytes as they are.
using Cell = std::optional<std::string>;
using ResultRow = std::vector<Cell>;

enum class Dialect { kSqlite, kPostgres };

// Fills `fields` (already sized to the columns) with row `i` of a bulk insert, in the order of
// the columns. The texts must stay valid until CopyRows returns.
using RowFiller = std::function<void(size_t i, std::vector<Param>& fields)>;

// A statement prepared once and run many times (bulk loads).
class Statement {
 public:
  virtual ~Statement() = default;
  virtual StoreResult<void> Run(const std::vector<Param>& params) = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters or results (schema changes).
  virtual StoreResult<void> Exec(std::string_view sql) = 0;
  // Runs one statement and returns all its rows as text.
  virtual StoreResult<std::vector<ResultRow>> Query(std::string_view sql,
                                                    const std::vector<Param>& params = {}) = 0;
  virtual StoreResult<std::unique_ptr<Statement>> Prepare(std::string_view sql) = 0;
  // Adds `count` rows to `table` (names unquoted), each filled by `fill`, as fast as the
  // database allows: by default one prepared INSERT a row; PostgreSQL streams them with COPY.
  // A row whose key is taken is kConflict, and *failed_row (if not null) names it. After a
  // failure some rows may have been added: roll the transaction back.
  virtual StoreResult<void> CopyRows(std::string_view table,
                                     const std::vector<std::string_view>& columns, size_t count,
                                     const RowFiller& fill, size_t* failed_row);
  // A write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE); PostgreSQL
  // runs at READ COMMITTED, where the version checks in Store make stale writes conflict.
  virtual StoreResult<void> Begin() = 0;
  virtual StoreResult<void> Commit() = 0;
  virtual void Rollback() = 0;
  // A consistency check of the whole database: empty if sound, else what is wrong.
  virtual StoreResult<std::string> IntegrityCheck() = 0;
};

}  // namespace scorecard

#pragma once
// The baseline the engine is measured against: the same council in an in-memory SQLite table,
// assessed by one SQL query (a CASE for the band, LAG for the direction of travel).

#include <cstdint>
#include <memory>
#include <span>

#include "domain/direction.h"
#include "domain/status_scheme.h"
#include "synthetic_council.h"

struct sqlite3;
struct sqlite3_stmt;

namespace scorecard::bench {

class SqliteAssessment {
 public:
  // Loads the council and prepares the query. Throws std::runtime_error if SQLite fails, and
  // std::invalid_argument unless the scheme has derby-2012's shape: relative deviation, bands
  // "above", "at least", "at least", then the rest.
  SqliteAssessment(const SyntheticCouncil& council, const StatusScheme& scheme);

  // Runs the query and writes band and direction per cell, measure by measure, as
  // AssessSeries does. REQUIRES: band.size() == dot.size() == council.cells().
  void Run(std::span<uint8_t> band, std::span<Direction> dot);

 private:
  struct Close {
    void operator()(sqlite3* db) const;
    void operator()(sqlite3_stmt* statement) const;
  };
  using Statement = std::unique_ptr<sqlite3_stmt, Close>;

  void Execute(const char* sql);
  Statement MakeStatement(const char* sql);
  void Load(const SyntheticCouncil& council);
  void Prepare(const StatusScheme& scheme);
  [[noreturn]] void Fail(const char* what);

  std::unique_ptr<sqlite3, Close> db_;
  Statement query_;
};

}  // namespace scorecard::bench

#include "sqlite_assessment.h"

#include <fmt/core.h>
#include <sqlite3.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "batch.h"

namespace scorecard::bench {
namespace {

constexpr const char* kSchemaSql = R"sql(
CREATE TABLE measure_period (measure INTEGER, period INTEGER, value REAL, target REAL,
                             polarity INTEGER);
)sql";

// Lets SQLite read each measure's quarters in order instead of sorting all rows for the window,
// and covers every column so no row needs a second lookup: the same head start the engine gets
// from its measure-by-measure columns (a plain table was slower here). Built after the load,
// which is not timed.
constexpr const char* kIndexSql = R"sql(
CREATE INDEX measure_period_in_order ON measure_period (measure, period, value, target, polarity);
)sql";

// The engine's rules in SQL. Polarity is stored as the Polarity enum (0 higher is better,
// 1 lower is better, 2 none), so a CASE without ELSE leaves diff and better NULL for "none".
// 1e999 is SQLite's spelling of infinity. Band and direction come out as the band index and
// the Direction enum; NULL stands for kNoBand and kNotApplicable.
constexpr const char* kAssessSql = R"sql(
WITH figures AS (
  SELECT measure, period, value, target, polarity,
         LAG(value) OVER (PARTITION BY measure ORDER BY period) AS previous
  FROM measure_period
), differences AS (
  SELECT measure, period, value, target, previous,
         CASE polarity WHEN 0 THEN value - target WHEN 1 THEN target - value END AS diff,
         CASE polarity WHEN 0 THEN value - previous WHEN 1 THEN previous - value END AS better
  FROM figures
), deviations AS (
  SELECT measure, period, better,
         CASE WHEN diff IS NULL THEN NULL
              WHEN target = 0 THEN CASE WHEN diff > 0 THEN 1e999 WHEN diff < 0 THEN -1e999
                                        ELSE 0.0 END
              ELSE diff / abs(target) END AS deviation,
         CASE WHEN previous = 0 THEN CASE WHEN value = 0 THEN 0.0 ELSE 1e999 END
              ELSE abs(value - previous) / abs(previous) END AS change
  FROM differences
)
SELECT CASE WHEN deviation > ?1 THEN 0 WHEN deviation >= ?2 THEN 1 WHEN deviation >= ?3 THEN 2
            WHEN deviation IS NOT NULL THEN 3 END AS band,
       CASE WHEN better IS NULL THEN NULL WHEN better = 0 OR change <= ?4 THEN 1
            WHEN better > 0 THEN 0 ELSE 2 END AS dot
FROM deviations
ORDER BY measure, period
)sql";

bool FitsQuery(const StatusScheme& scheme) {
  const std::vector<Band>& b = scheme.bands;
  return scheme.deviation == DeviationKind::kRelative && b.size() == 4 &&
         b[0].bound == BoundKind::kAbove && b[1].bound == BoundKind::kAtLeast &&
         b[2].bound == BoundKind::kAtLeast;
}

}  // namespace

void SqliteAssessment::Close::operator()(sqlite3* db) const { sqlite3_close(db); }
void SqliteAssessment::Close::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

SqliteAssessment::SqliteAssessment(const SyntheticCouncil& council, const StatusScheme& scheme) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open(":memory:", &db);
  db_.reset(db);
  if (rc != SQLITE_OK) Fail("open");
  Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  Execute(kSchemaSql);
  Load(council);
  Execute(kIndexSql);
  Prepare(scheme);
}

void SqliteAssessment::Run(std::span<uint8_t> band, std::span<Direction> dot) {
  sqlite3_stmt* query = query_.get();
  sqlite3_reset(query);
  size_t row = 0;
  int rc;
  while ((rc = sqlite3_step(query)) == SQLITE_ROW) {
    if (row == band.size()) throw std::runtime_error("the query returned more rows than cells");
    band[row] = sqlite3_column_type(query, 0) == SQLITE_NULL
                    ? kNoBand
                    : static_cast<uint8_t>(sqlite3_column_int(query, 0));
    dot[row] = sqlite3_column_type(query, 1) == SQLITE_NULL
                   ? Direction::kNotApplicable
                   : static_cast<Direction>(sqlite3_column_int(query, 1));
    ++row;
  }
  if (rc != SQLITE_DONE) Fail("query");
  if (row != band.size()) throw std::runtime_error("the query returned fewer rows than cells");
}

void SqliteAssessment::Execute(const char* sql) {
  if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK) Fail(sql);
}

SqliteAssessment::Statement SqliteAssessment::MakeStatement(const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql, -1, &statement, nullptr) != SQLITE_OK) Fail(sql);
  return Statement(statement);
}

void SqliteAssessment::Load(const SyntheticCouncil& council) {
  Statement insert = MakeStatement("INSERT INTO measure_period VALUES (?1, ?2, ?3, ?4, ?5)");
  sqlite3_stmt* s = insert.get();
  auto bind_figure = [s](int column, double figure) {
    if (std::isnan(figure)) {
      sqlite3_bind_null(s, column);
    } else {
      sqlite3_bind_double(s, column, figure);
    }
  };
  Execute("BEGIN;");
  for (int m = 0; m < council.measures; ++m) {
    for (int p = 0; p < council.periods; ++p) {
      size_t i = council.Index(m, p);
      sqlite3_bind_int(s, 1, m);
      sqlite3_bind_int(s, 2, p);
      bind_figure(3, council.values[i]);
      bind_figure(4, council.targets[i]);
      sqlite3_bind_int(s, 5, static_cast<int>(council.polarity[m]));
      if (sqlite3_step(s) != SQLITE_DONE) Fail("insert");
      sqlite3_reset(s);
    }
  }
  Execute("COMMIT;");
}

// The band limits and the stable tolerance are bound with the engine's edge tolerance applied
// in C++, so SQLite compares against exactly the doubles the engine does (SQLite's own parsing
// of a literal like 0.02 need not round the same way).
void SqliteAssessment::Prepare(const StatusScheme& scheme) {
  if (!FitsQuery(scheme)) throw std::invalid_argument("the query has derby-2012's bands");
  query_ = MakeStatement(kAssessSql);
  sqlite3_stmt* q = query_.get();
  sqlite3_bind_double(q, 1, scheme.bands[0].limit + kEdgeTolerance);
  sqlite3_bind_double(q, 2, scheme.bands[1].limit - kEdgeTolerance);
  sqlite3_bind_double(q, 3, scheme.bands[2].limit - kEdgeTolerance);
  sqlite3_bind_double(q, 4, scheme.stable_within + kEdgeTolerance);
}

void SqliteAssessment::Fail(const char* what) {
  throw std::runtime_error(fmt::format("SQLite: {}: {}", what, sqlite3_errmsg(db_.get())));
}

}  // namespace scorecard::bench

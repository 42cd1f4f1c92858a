#pragma once
// Use cases: read a council from a folder, a workbook or the database, check it, and assess it
// for a reporting period: its Position (app/position.h), which every output reads.

#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "app/position.h"
#include "app/result.h"
#include "app/store_session.h"
#include "domain/assessment.h"
#include "domain/council.h"
#include "domain/issue.h"
#include "domain/summary.h"
#include "io/file_source.h"

namespace scorecard {

// The engine's assessments of a council for a period and the period before (for red flags and
// status changes). The previous report may have been assessed on other data: as it was
// published.
struct AssessedCouncil {
  std::unique_ptr<Council> council;         // owned here; assessments point into it
  std::unique_ptr<Council> before_council;  // the data the previous report was published on, if
                                            // any; `before` points into it
  Period reporting;
  std::vector<MeasureAssessment> now;
  std::vector<MeasureAssessment> before;  // statuses and directions only, without forecasts
  std::string source;  // what the data is: a folder, "the database as at change 12"
  Issues warnings;     // from reading the council

  Summariser summary() const { return Summariser(*council, now, before, reporting); }
};

// What a position holds beyond what every output shows.
struct PositionOptions {
  bool history = true;  // every figure held for each measure (MeasureRow::history)
};

// The council's position: every figure formatted, every status with its words. It takes the
// assessments (their words move into the position).
Position BuildPosition(AssessedCouncil assessed, const PositionOptions& options = {});
// The same from a council's assessments for `reporting` (`now`) and the period before.
Position BuildPosition(const Council& council, const Period& reporting,
                       std::vector<MeasureAssessment> now, std::vector<MeasureAssessment> before,
                       std::string source = "", const PositionOptions& options = {});

// What `scorecard check` says of a folder or workbook that reads without error.
struct CheckedCouncil {
  std::string name;
  size_t nodes = 0, measures = 0, actions = 0, projects = 0, risks = 0;
  Issues warnings;
};
Result<CheckedCouncil> CheckPath(const std::string& path);

// Reads the folder or workbook at `path` and assesses it. `period` defaults to the
// organisation's reporting_period.
Result<Position> AssessPath(const std::string& path, std::optional<Period> period,
                            const PositionOptions& options = {});
// The same for a council in the database, now, as at a moment or as published. Where the
// previous period's report was published (by the moment seen), red flags and status changes
// compare with it as published.
// Assessed as at a change the period's report was published at (named either way), the
// position's source says so: "the database as the 2017/18 Q2 report was published (change 12)".
Result<Position> AssessStored(const StoreAddress& address, const AsAt& as_at,
                              std::optional<Period> period, const Clock& clock,
                              const PositionOptions& options = {});
// The same on an opened store, as at change `as_at` (now, if none): inside a transaction of the
// store's, it sees what the transaction has written.
Result<Position> AssessOpened(Store& store, int64_t org, std::string_view org_code,
                              std::optional<int64_t> as_at, std::optional<Period> period,
                              const PositionOptions& options = {});

// Reads the folder and assesses it.
std::expected<AssessedCouncil, Issues> AssessFolder(const FileSource& source,
                                                    std::optional<Period> period);
// Assesses a council read from anywhere (a folder, a workbook, the database as at a moment).
std::expected<AssessedCouncil, Issues> AssessCouncil(std::expected<Council, Issues> council,
                                                     std::optional<Period> period);

}  // namespace scorecard

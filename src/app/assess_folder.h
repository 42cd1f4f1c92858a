#pragma once
// Use cases: read a council from a folder, a workbook or the database, check it, and assess it
// for a reporting period together with the period before (for red flags and status changes).

#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "app/result.h"
#include "app/store_session.h"
#include "domain/assessment.h"
#include "domain/council.h"
#include "domain/issue.h"
#include "domain/summary.h"
#include "io/file_source.h"

namespace scorecard {

struct AssessedCouncil {
  std::unique_ptr<Council> council;  // owned here; assessments point into it
  Period reporting;
  std::vector<MeasureAssessment> now, before;
  Issues warnings;  // from reading the council

  Summariser summary() const { return Summariser(*council, now, before, reporting); }
};

// What `scorecard check` says of a folder or workbook that reads without error.
struct CheckedCouncil {
  std::string name;
  size_t nodes = 0, measures = 0, actions = 0, projects = 0, risks = 0;
  Issues warnings;
};
Result<CheckedCouncil> CheckPath(const std::string& path);

// Reads the folder or workbook at `path` and assesses it. `period` defaults to the
// organisation's reporting_period.
Result<AssessedCouncil> AssessPath(const std::string& path, std::optional<Period> period);
// The same for a council in the database, as at a moment or as published.
Result<AssessedCouncil> AssessStored(const StoreAddress& address, const AsAt& as_at,
                                     std::optional<Period> period, const Clock& clock);

// Reads the folder and assesses it.
std::expected<AssessedCouncil, Issues> AssessFolder(const FileSource& source,
                                                    std::optional<Period> period);
// Assesses a council read from anywhere (a folder, a workbook, the database as at a moment).
std::expected<AssessedCouncil, Issues> AssessCouncil(std::expected<Council, Issues> council,
                                                     std::optional<Period> period);

}  // namespace scorecard

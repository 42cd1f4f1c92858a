#pragma once
// Use case: read a council's interchange folder and assess it for a reporting period, together
// with the period before (for red flags and status changes).

#include <expected>
#include <memory>
#include <optional>

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

  Summariser summary() const { return Summariser(*council, now, before, reporting); }
};

// Reads the folder and assesses it. `period` defaults to the organisation's reporting_period.
std::expected<AssessedCouncil, Issues> AssessFolder(const FileSource& source,
                                                    std::optional<Period> period);
// Assesses a council read from anywhere (a folder, a workbook, the database as at a moment).
std::expected<AssessedCouncil, Issues> AssessCouncil(std::expected<Council, Issues> council,
                                                     std::optional<Period> period);

}  // namespace scorecard

#include "app/assess_folder.h"

#include "io/folder.h"

namespace scorecard {

std::expected<AssessedCouncil, Issues> AssessFolder(const FileSource& source,
                                                    std::optional<Period> period) {
  return AssessCouncil(ReadFolder(source), period);
}

std::expected<AssessedCouncil, Issues> AssessCouncil(std::expected<Council, Issues> council,
                                                     std::optional<Period> period) {
  if (!council) return std::unexpected(std::move(council.error()));
  if (!period) period = council->organisation.reporting_period;
  if (!period) {
    return std::unexpected(Issues{{"scorecard.toml", 0, "organisation.reporting_period",
                                   "expected a reporting period: give --period or set "
                                   "reporting_period"}});
  }
  AssessedCouncil out;
  out.council = std::make_unique<Council>(std::move(*council));
  out.reporting = *period;
  Assessor assessor(*out.council);
  out.now = assessor.AssessAll(*period);
  out.before = assessor.AssessAll(period->Previous());
  return out;
}

}  // namespace scorecard

#include "app/assess_folder.h"

#include "app/stored_council.h"
#include "io/folder.h"
#include "io/open_source.h"

namespace scorecard {
namespace {

Result<Council> ReadPath(const std::string& path, Issues* warnings) {
  auto source = OpenTableSource(path);
  if (!source) return Fails(Failure::Kind::kNotFound, std::move(source.error()));
  auto council = ReadCouncil(**source, warnings);
  if (!council) return Invalid(std::move(council.error()));
  return std::move(*council);
}

}  // namespace

Result<CheckedCouncil> CheckPath(const std::string& path) {
  CheckedCouncil out;
  auto council = ReadPath(path, &out.warnings);
  if (!council) return std::unexpected(council.error());
  out.name = council->organisation.name;
  out.nodes = council->framework.nodes().size();
  out.measures = council->measures.size();
  out.actions = council->actions.size();
  out.projects = council->projects.size();
  out.risks = council->risks.size();
  return out;
}

Result<AssessedCouncil> AssessPath(const std::string& path, std::optional<Period> period) {
  Issues warnings;
  auto council = ReadPath(path, &warnings);
  if (!council) return std::unexpected(council.error());
  auto assessed = AssessCouncil(std::move(*council), period);
  if (!assessed) return Invalid(std::move(assessed.error()));
  assessed->warnings = std::move(warnings);
  return std::move(*assessed);
}

Result<AssessedCouncil> AssessStored(const StoreAddress& address, const AsAt& as_at,
                                     std::optional<Period> period, const Clock& clock) {
  auto opened = OpenOrganisation(address, Access::kRead, clock);
  if (!opened) return std::unexpected(opened.error());
  auto change = ResolveAsAt(*opened->store, opened->org, as_at);
  if (!change) return std::unexpected(change.error());
  auto council = LoadCouncil(*opened->store, address.org, *change);
  if (!council) return Invalid(std::move(council.error()));
  if (!period) period = as_at.published;
  auto assessed = AssessCouncil(std::move(*council), period);
  if (!assessed) return Invalid(std::move(assessed.error()));
  return std::move(*assessed);
}

std::expected<AssessedCouncil, Issues> AssessFolder(const FileSource& source,
                                                    std::optional<Period> period) {
  return AssessCouncil(ReadFolder(source), period);
}

std::expected<AssessedCouncil, Issues> AssessCouncil(std::expected<Council, Issues> council,
                                                     std::optional<Period> period) {
  if (!council) return std::unexpected(std::move(council.error()));
  if (!period) period = council->organisation.reporting_period;
  if (!period) {
    return std::unexpected(Issues{
        MakeIssue("assess.no-period", {"scorecard.toml", 0, "organisation.reporting_period"})});
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

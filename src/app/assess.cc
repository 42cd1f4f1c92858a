#include "app/assess.h"

#include <fmt/format.h>

#include "app/position_build.h"
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

// The last publication of the period's report made by change `by` (now, if none), if any.
Result<std::optional<Publication>> PublishedBy(Store& store, int64_t org, const Period& period,
                                               std::optional<int64_t> by) {
  auto all = store.Publications(org, period.ToString());
  if (!all) return FromStore(all.error());
  std::optional<Publication> out;
  for (const Publication& p : *all) {
    if (!by || p.change <= *by) out = p;
  }
  return out;
}

// Assesses the previous period on the data as its report was published.
Result<void> UsePublishedBefore(Store& store, std::string_view code, const Publication& published,
                                AssessedCouncil* assessed) {
  auto council = LoadCouncil(store, code, published.change);
  if (!council) return Invalid(std::move(council.error()));
  assessed->before_council = std::make_unique<Council>(std::move(*council));
  assessed->before = Assessor(*assessed->before_council, Assessor::Scope::kWithoutForecasts)
                         .AssessAll(assessed->reporting.Previous());
  assessed->source +=
      fmt::format("; the {} report as published at change {}", published.period, published.change);
  return {};
}

// What the data is, as the position says: the database now, as at a change, or as the period's
// report was published (whichever way that change was named, so a report made again as at it
// says the same).
Result<std::string> SourceAt(Store& store, int64_t org, const Period& reporting,
                             std::optional<int64_t> as_at) {
  if (!as_at) return std::string("the database");
  auto publications = store.Publications(org, reporting.ToString());
  if (!publications) return FromStore(publications.error());
  for (const Publication& p : *publications) {
    if (p.change == *as_at) {
      return fmt::format("the database as the {} report was published (change {})", p.period,
                         p.change);
    }
  }
  return fmt::format("the database as at change {}", *as_at);
}

}  // namespace

Position BuildPosition(const Council& council, const Period& reporting,
                       std::vector<MeasureAssessment> now, std::vector<MeasureAssessment> before,
                       std::string source, const PositionOptions& options) {
  Position p;
  p.organisation = council.organisation.name;
  p.code = council.organisation.code;
  p.reporting = reporting;
  p.period = reporting.ToString();
  p.previous_period = reporting.Previous().ToString();
  p.source = std::move(source);
  AddSummaries(council, Summariser(council, now, before, reporting), now, &p);
  // The previous report is done with; each row takes its assessment's words (the measures of a
  // large council: the assessments are a fifth of the memory at the peak, their words another).
  std::vector<MeasureAssessment>().swap(before);  // (assigning {} would keep its capacity)
  p.measures.reserve(now.size());
  for (MeasureAssessment& a : now) {
    p.measures.push_back(MeasureRowOf(council, std::move(a), options.history));
  }
  std::vector<MeasureAssessment>().swap(now);
  AddItems(council, reporting, &p);
  AddKeys(council, &p);
  p.layouts = council.layouts;
  p.default_layout = council.default_layout;
  return p;
}

Position BuildPosition(AssessedCouncil assessed, const PositionOptions& options) {
  Position p = BuildPosition(*assessed.council, assessed.reporting, std::move(assessed.now),
                             std::move(assessed.before), std::move(assessed.source), options);
  p.warnings = std::move(assessed.warnings);
  return p;
}

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

Result<Position> AssessPath(const std::string& path, std::optional<Period> period,
                            const PositionOptions& options) {
  Issues warnings;
  auto council = ReadPath(path, &warnings);
  if (!council) return std::unexpected(council.error());
  auto assessed = AssessCouncil(std::move(*council), period);
  if (!assessed) return Invalid(std::move(assessed.error()));
  assessed->warnings = std::move(warnings);
  assessed->source = path;
  return BuildPosition(std::move(*assessed), options);
}

Result<Position> AssessStored(const StoreAddress& address, const AsAt& as_at,
                              std::optional<Period> period, const Clock& clock,
                              const PositionOptions& options) {
  auto opened = OpenOrganisation(address, Access::kRead, clock);
  if (!opened) return std::unexpected(opened.error());
  auto change = ResolveAsAt(*opened->store, opened->org, as_at);
  if (!change) return std::unexpected(change.error());
  return AssessOpened(*opened->store, opened->org, address.org, *change,
                      period ? period : as_at.published, options);
}

Result<Position> AssessOpened(Store& store, int64_t org, std::string_view org_code,
                              std::optional<int64_t> as_at, std::optional<Period> period,
                              const PositionOptions& options) {
  auto council = LoadCouncil(store, org_code, as_at);
  if (!council) return Invalid(std::move(council.error()));
  auto assessed = AssessCouncil(std::move(*council), period);
  if (!assessed) return Invalid(std::move(assessed.error()));
  auto source = SourceAt(store, org, assessed->reporting, as_at);
  if (!source) return std::unexpected(source.error());
  assessed->source = std::move(*source);
  auto before = PublishedBy(store, org, assessed->reporting.Previous(), as_at);
  if (!before) return std::unexpected(before.error());
  if (*before) {
    auto used = UsePublishedBefore(store, org_code, **before, &*assessed);
    if (!used) return std::unexpected(used.error());
  }
  return BuildPosition(std::move(*assessed), options);
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
  out.now = Assessor(*out.council).AssessAll(*period);
  out.before =
      Assessor(*out.council, Assessor::Scope::kWithoutForecasts).AssessAll(period->Previous());
  return out;
}

}  // namespace scorecard

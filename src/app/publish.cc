#include "app/publish.h"

namespace scorecard {
namespace {

std::unexpected<Failure> RequestIssue(Failure::Kind kind, std::string_view code, std::string field,
                                      IssueParams params) {
  return Fails(kind, {MakeIssue(code, {"request", 0, std::move(field)}, std::move(params))});
}

}  // namespace

Result<Published> PublishReport(const PublishRequest& request, const Clock& clock) {
  const Period& period = request.period;
  if (!(period.end() < DateOf(clock.Now()))) {
    return RequestIssue(Failure::Kind::kInvalid, "publish.not-ended", "period",
                        {{"period", period.ToString()}, {"end", period.end().ToString()}});
  }
  if (request.supersede && request.supersede->empty()) {
    return RequestIssue(Failure::Kind::kInvalid, "publish.supersede-reason", "supersede", {});
  }
  auto opened = OpenOrganisation(request.address, Access::kWrite, clock);
  if (!opened) return std::unexpected(opened.error());
  Store& store = *opened->store;
  auto earlier = store.Publications(opened->org, period.ToString());
  if (!earlier) return FromStore(earlier.error());
  Published out;
  if (!earlier->empty()) out.superseded = earlier->back();
  if (out.superseded && !request.supersede) {
    const Publication& last = *out.superseded;
    return RequestIssue(Failure::Kind::kConflict, "publish.already", "period",
                        {{"period", period.ToString()},
                         {"change", std::to_string(last.change)},
                         {"at", FormatMoment(last.at).substr(0, 10)},
                         {"author", last.author}});
  }
  if (!out.superseded && request.supersede) {
    return RequestIssue(Failure::Kind::kInvalid, "publish.nothing-to-supersede", "supersede",
                        {{"period", period.ToString()}});
  }
  ChangeInfo info = request.info;
  if (request.supersede) {
    info.reason = *request.supersede + (info.reason.empty() ? "" : "; " + info.reason);
  }
  auto change =
      store.Publish(opened->org, period.ToString(), info,
                    out.superseded ? std::optional(out.superseded->change) : std::nullopt);
  if (!change) return FromStore(change.error());
  out.change = *change;
  return out;
}

}  // namespace scorecard

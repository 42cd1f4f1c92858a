#include "app/history.h"

namespace scorecard {

Result<std::vector<Version>> RecordHistory(const StoreAddress& address, std::string_view ref,
                                           const Clock& clock) {
  auto opened = OpenOrganisation(address, Access::kRead, clock);
  if (!opened) return std::unexpected(opened.error());
  auto versions = opened->store->History(opened->org, ref);
  if (!versions) return FromStore(versions.error());
  if (versions->empty()) {
    return Fails(Failure::Kind::kNotFound,
                 {MakeIssue("history.no-record", {"request", 0, ""},
                            {{"ref", std::string(ref)}, {"org", address.org}})});
  }
  return std::move(*versions);
}

Result<ChangesBetween> DiffChanges(const StoreAddress& address, std::string_view from,
                                   std::string_view to, const Clock& clock) {
  auto opened = OpenOrganisation(address, Access::kRead, clock);
  if (!opened) return std::unexpected(opened.error());
  Store& store = *opened->store;
  ChangesBetween out;
  auto first = ResolveChange(store, opened->org, from, "from");
  if (!first) return std::unexpected(first.error());
  out.from = *first;
  if (to.empty()) {
    auto latest = store.LatestChange(opened->org);
    if (!latest) return FromStore(latest.error());
    out.to = *latest;
  } else {
    auto last = ResolveChange(store, opened->org, to, "to");
    if (!last) return std::unexpected(last.error());
    out.to = *last;
  }
  auto diff = store.Diff(opened->org, out.from, out.to);
  if (!diff) return FromStore(diff.error());
  out.differences = std::move(*diff);
  return out;
}

}  // namespace scorecard

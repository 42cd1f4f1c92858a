#include "cli/store_access.h"

#include <fmt/format.h>

#include "app/stored_council.h"
#include "domain/period.h"

namespace scorecard {

StoreResult<std::unique_ptr<Store>> OpenStoreFor(const Options& o, const Clock& clock) {
  return OpenStore(o.db.empty() ? kDefaultStoreUrl : o.db, clock);
}

std::expected<OrganisationStore, Issues> OpenOrganisation(const Options& o, const Clock& clock) {
  auto store = OpenStoreFor(o, clock);
  if (!store) return std::unexpected(Issues{StoreIssue(store.error())});
  auto org = (*store)->FindOrganisation(o.org);
  if (!org) return std::unexpected(Issues{StoreIssue(org.error())});
  return OrganisationStore{std::move(*store), *org};
}

std::expected<int64_t, Issues> ResolveChange(Store& store, int64_t org, const std::string& text,
                                             std::string_view option) {
  if (text.starts_with("change:")) {
    try {
      return std::stoll(text.substr(7));
    } catch (const std::exception&) {
    }
  } else if (Moment m; ParseMoment(text, &m)) {
    auto change = store.ChangeAt(org, m);
    if (!change) return std::unexpected(Issues{StoreIssue(change.error())});
    return *change;
  }
  return std::unexpected(Issues{
      {"command line", 0, std::string(option),
       fmt::format("expected a moment such as 2017-11-20T09:30 (UTC) or change:N, not \"{}\"",
                   text)}});
}

std::expected<std::optional<int64_t>, Issues> ResolveAsAt(Store& store, const Options& o) {
  if (o.as_at.empty() && !o.published) return std::optional<int64_t>();
  auto org = store.FindOrganisation(o.org);
  if (!org) return std::unexpected(Issues{StoreIssue(org.error())});
  if (o.published) {
    auto period = ParsePeriod(o.period);
    if (o.period.empty() || !period) {
      return std::unexpected(Issues{
          {"command line", 0, "--published", "expected --period naming the published report"}});
    }
    auto change = store.PublishedAt(*org, period->ToString());
    if (!change) return std::unexpected(Issues{StoreIssue(change.error())});
    return std::optional<int64_t>(*change);
  }
  auto change = ResolveChange(store, *org, o.as_at, "--as-at");
  if (!change) return std::unexpected(change.error());
  return std::optional<int64_t>(*change);
}

}  // namespace scorecard

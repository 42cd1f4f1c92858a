#include "app/store_session.h"

#include <charconv>

#include "store/open_store.h"

namespace scorecard {
namespace {

Failure::Kind KindOf(StoreError::Kind kind) {
  switch (kind) {
    case StoreError::Kind::kNotFound:
      return Failure::Kind::kNotFound;
    case StoreError::Kind::kConflict:
      return Failure::Kind::kConflict;
    case StoreError::Kind::kUnavailable:
      return Failure::Kind::kUnavailable;
    case StoreError::Kind::kInvalid:
      return Failure::Kind::kInvalid;
    case StoreError::Kind::kInternal:
      return Failure::Kind::kInternal;
  }
  return Failure::Kind::kInternal;
}

std::string_view CodeOf(StoreError::Kind kind) {
  switch (kind) {
    case StoreError::Kind::kNotFound:
      return "store.not-found";
    case StoreError::Kind::kConflict:
      return "store.conflict";
    case StoreError::Kind::kUnavailable:
      return "store.unavailable";
    case StoreError::Kind::kInvalid:
      return "store.invalid";
    case StoreError::Kind::kInternal:
      return "store.internal";
  }
  return "store.internal";
}

std::unexpected<Failure> Request(std::string_view code, std::string_view field, IssueParams params,
                                 Failure::Kind kind = Failure::Kind::kInvalid) {
  return Fails(kind, {MakeIssue(code, {"request", 0, std::string(field)}, std::move(params))});
}

}  // namespace

Issue StoreIssue(const StoreError& error) {
  return MakeIssue(CodeOf(error.kind), {"database", 0, ""}, {{"message", error.message}});
}

std::unexpected<Failure> FromStore(const StoreError& error) {
  return Fails(KindOf(error.kind), {StoreIssue(error)});
}

std::string StoreAddress::url_or_default() const { return url.empty() ? kDefaultStoreUrl : url; }

Result<std::unique_ptr<Store>> OpenStoreAt(const std::string& url, Access access,
                                           const Clock& clock) {
  auto store = access == Access::kRead ? OpenExistingStore(url, clock) : OpenStore(url, clock);
  if (!store) return FromStore(store.error());
  return std::move(*store);
}

Result<OpenedOrganisation> OpenOrganisation(const StoreAddress& address, Access access,
                                            const Clock& clock) {
  auto store = OpenStoreAt(address.url_or_default(), access, clock);
  if (!store) return std::unexpected(store.error());
  auto org = (*store)->FindOrganisation(address.org);
  if (!org) return FromStore(org.error());
  return OpenedOrganisation{std::move(*store), *org};
}

Result<int64_t> ResolveChange(Store& store, int64_t org, std::string_view text,
                              std::string_view field) {
  if (text.starts_with("change:")) {
    std::string_view digits = text.substr(7);
    int64_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() || id < 1) {
      return Request("as-at.moment", field, {{"text", std::string(text)}});
    }
    auto change = store.FindChange(org, id);
    if (change) return id;
    if (change.error().kind != StoreError::Kind::kNotFound) return FromStore(change.error());
    auto latest = store.LatestChange(org);
    if (!latest) return FromStore(latest.error());
    return Request("as-at.unknown-change", field,
                   {{"change", std::to_string(id)}, {"latest", std::to_string(*latest)}},
                   Failure::Kind::kNotFound);
  }
  Moment moment = 0;
  if (!ParseMoment(text, &moment)) {
    return Request("as-at.moment", field, {{"text", std::string(text)}});
  }
  auto change = store.ChangeAt(org, moment);
  if (!change) return FromStore(change.error());
  if (*change == 0) {
    return Request("as-at.before-data", field, {{"text", std::string(text)}},
                   Failure::Kind::kNotFound);
  }
  return *change;
}

Result<std::optional<int64_t>> ResolveAsAt(Store& store, int64_t org, const AsAt& as_at) {
  if (as_at.published) {
    if (!as_at.moment.empty()) return Request("as-at.both", "as-at", {});
    auto change = store.PublishedAt(org, as_at.published->ToString());
    if (!change) return FromStore(change.error());
    return std::optional<int64_t>(*change);
  }
  if (as_at.moment.empty()) return std::optional<int64_t>();
  auto change = ResolveChange(store, org, as_at.moment, "as-at");
  if (!change) return std::unexpected(change.error());
  return std::optional<int64_t>(*change);
}

}  // namespace scorecard

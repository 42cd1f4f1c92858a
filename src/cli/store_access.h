#pragma once
// Opening the store the options name, and reading "as at" from them.

#include <expected>
#include <memory>
#include <optional>

#include "app/system_clock.h"
#include "cli/commands.h"
#include "domain/issue.h"
#include "store/open_store.h"

namespace scorecard {

// The store --db names (default sqlite:var/scorecard.db), migrated.
StoreResult<std::unique_ptr<Store>> OpenStoreFor(const Options& o, const Clock& clock);

// That store and the organisation --org names in it.
struct OrganisationStore {
  std::unique_ptr<Store> store;
  int64_t org = 0;
};
std::expected<OrganisationStore, Issues> OpenOrganisation(const Options& o, const Clock& clock);
// The change the options ask to see the data as at: --as-at MOMENT ("2017-11-20T09:30") or
// --as-at change:N, or --published with --period; none for now.
std::expected<std::optional<int64_t>, Issues> ResolveAsAt(Store& store, const Options& o);
// A moment or "change:N" as a change of the organisation.
std::expected<int64_t, Issues> ResolveChange(Store& store, int64_t org, const std::string& text,
                                             std::string_view option);

}  // namespace scorecard

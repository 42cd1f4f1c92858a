#pragma once
// Opening the database a use case works on, finding the organisation in it, and reading which
// moment to see its data as at. Reading never creates or migrates a database; only writers do.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/result.h"
#include "domain/clock.h"
#include "domain/period.h"
#include "store/store.h"

namespace scorecard {

// The database and the organisation in it. An empty url is the default database
// (sqlite:var/scorecard.db).
struct StoreAddress {
  std::string url;
  std::string org;

  std::string url_or_default() const;
};

enum class Access { kRead, kWrite };

// kRead: an existing database at the latest schema version, else kNotFound or kInvalid (naming
// `scorecard migrate`); kWrite: created and migrated as needed.
Result<std::unique_ptr<Store>> OpenStoreAt(const std::string& url, Access access,
                                           const Clock& clock);

struct OpenedOrganisation {
  std::unique_ptr<Store> store;
  int64_t org = 0;
};
Result<OpenedOrganisation> OpenOrganisation(const StoreAddress& address, Access access,
                                            const Clock& clock);

// Which state of the data to see: now, as at a moment or change, or as a period's report was
// last published.
struct AsAt {
  std::string moment;               // "2017-11-20T09:30" (UTC) or "change:N"; empty: now
  std::optional<Period> published;  // the report's period
};

// The change to see the data as at; none for now. Issues name the request's fields "as-at" and
// "published".
Result<std::optional<int64_t>> ResolveAsAt(Store& store, int64_t org, const AsAt& as_at);
// A moment or "change:N" as a change of the organisation; `field` names it in issues.
Result<int64_t> ResolveChange(Store& store, int64_t org, std::string_view text,
                              std::string_view field);

}  // namespace scorecard

#pragma once
// Opens the store a URL names, migrating its schema to the latest version:
//   sqlite:path/to/file.db        (the default: sqlite:var/scorecard.db)
//   postgresql://user@host:port/db
// The error names the URL and what was expected.

#include <memory>
#include <string>

#include "store/store.h"

namespace scorecard {

inline constexpr const char* kDefaultStoreUrl = "sqlite:var/scorecard.db";

StoreResult<std::unique_ptr<Store>> OpenStore(const std::string& url, const Clock& clock);
// Opens the database without migrating it (for `scorecard migrate` and upgrade tests).
StoreResult<std::unique_ptr<Database>> OpenDatabase(const std::string& url);

}  // namespace scorecard

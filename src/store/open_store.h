#pragma once
// Opens the store a URL names:
//   sqlite:path/to/file.db        (the default: sqlite:var/scorecard.db)
//   postgresql://user@host:port/db
// The error names the URL and what was expected.

#include <memory>
#include <string>

#include "store/store.h"

namespace scorecard {

inline constexpr const char* kDefaultStoreUrl = "sqlite:var/scorecard.db";

// For writing: creates an SQLite file (and its folder) if there is none, and migrates the schema
// to the latest version.
StoreResult<std::unique_ptr<Store>> OpenStore(const std::string& url, const Clock& clock);
// For reading: never creates or migrates anything. No database at the URL is kNotFound; a
// database at an older schema version is kInvalid, naming `scorecard migrate`.
StoreResult<std::unique_ptr<Store>> OpenExistingStore(const std::string& url, const Clock& clock);
// Opens the database without migrating it (for `scorecard migrate` and upgrade tests); creates
// an SQLite file only if `create`.
StoreResult<std::unique_ptr<Database>> OpenDatabase(const std::string& url, bool create = true);

}  // namespace scorecard

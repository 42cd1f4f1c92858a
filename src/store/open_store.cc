#include "store/open_store.h"

#include <fmt/format.h>

#include <filesystem>

#include "store/migrations.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace scorecard {

StoreResult<std::unique_ptr<Database>> OpenDatabase(const std::string& url, bool create) {
  if (url.starts_with("sqlite:")) {
    std::string path = url.substr(7);
    if (path.empty()) {
      return Fail(StoreError::Kind::kInvalid,
                  "expected a file after sqlite:, e.g. sqlite:var/scorecard.db");
    }
    if (create && path != ":memory:") {
      std::error_code ec;
      std::filesystem::path parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    }
    auto db = SqliteDatabase::Open(path, create || path == ":memory:");
    if (!db) return std::unexpected(db.error());
    return std::unique_ptr<Database>(std::move(*db));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto db = PostgresDatabase::Open(url);
    if (!db) return std::unexpected(db.error());
    return std::unique_ptr<Database>(std::move(*db));
  }
  return Fail(StoreError::Kind::kInvalid,
              fmt::format("expected a database URL such as sqlite:var/scorecard.db or "
                          "postgresql://user@host:port/db, not \"{}\"",
                          url));
}

StoreResult<std::unique_ptr<Store>> OpenStore(const std::string& url, const Clock& clock) {
  auto db = OpenDatabase(url);
  if (!db) return std::unexpected(db.error());
  if (auto m = Migrate(**db); !m) return std::unexpected(m.error());
  return std::make_unique<Store>(std::move(*db), clock);
}

StoreResult<std::unique_ptr<Store>> OpenExistingStore(const std::string& url, const Clock& clock) {
  auto db = OpenDatabase(url, false);
  if (!db) return std::unexpected(db.error());
  auto version = SchemaVersion(**db);
  if (!version) return std::unexpected(version.error());
  if (*version == 0) {
    return Fail(StoreError::Kind::kNotFound,
                fmt::format("{} holds no Scorecard data (only import creates it)", url));
  }
  if (*version < LatestSchemaVersion()) {
    return Fail(StoreError::Kind::kInvalid,
                fmt::format("{} is at schema version {}, older than this Scorecard's ({}): run "
                            "scorecard migrate first",
                            url, *version, LatestSchemaVersion()));
  }
  if (*version > LatestSchemaVersion()) {
    return Fail(StoreError::Kind::kInvalid,
                fmt::format("{} is at schema version {}, newer than this Scorecard knows ({}): "
                            "upgrade Scorecard",
                            url, *version, LatestSchemaVersion()));
  }
  return std::make_unique<Store>(std::move(*db), clock);
}

}  // namespace scorecard

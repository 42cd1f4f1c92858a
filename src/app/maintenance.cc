#include "app/maintenance.h"

#include "app/store_session.h"
#include "store/open_store.h"
#include "store/sqlite/sqlite_database.h"

namespace scorecard {

Result<Migrated> MigrateDatabase(const std::string& url) {
  auto db = OpenDatabase(url);
  if (!db) return FromStore(db.error());
  auto applied = Migrate(**db);
  if (!applied) return FromStore(applied.error());
  Migrated out;
  for (const Migration& m : Migrations((*db)->dialect())) {
    for (int v : *applied) {
      if (m.version == v) out.applied.push_back(m);
    }
  }
  auto version = SchemaVersion(**db);
  if (!version) return FromStore(version.error());
  out.version = *version;
  return out;
}

Result<std::vector<std::string>> CheckDatabase(const std::string& url, const Clock& clock) {
  auto store = OpenStoreAt(url, Access::kRead, clock);
  if (!store) return std::unexpected(store.error());
  auto problems = (*store)->CheckIntegrity();
  if (!problems) return FromStore(problems.error());
  return std::move(*problems);
}

Result<void> BackupDatabase(const std::string& url, const std::string& target) {
  if (!url.starts_with("sqlite:")) {
    return Invalid({MakeIssue("backup.not-sqlite", {"request", 0, "db"}, {{"url", url}})});
  }
  auto db = SqliteDatabase::Open(url.substr(7), false);
  if (!db) return FromStore(db.error());
  if (auto r = (*db)->Backup(target); !r) return FromStore(r.error());
  return {};
}

}  // namespace scorecard

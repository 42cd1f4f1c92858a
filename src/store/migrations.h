#pragma once
// Numbered schema migrations, applied in order and recorded in schema_migrations. A migration is
// frozen once released: later changes come as new migrations.

#include <string>
#include <vector>

#include "store/database.h"

namespace scorecard {

struct Migration {
  int version;
  std::string description;
  std::string sql;  // for the database's dialect
};

std::vector<Migration> Migrations(Dialect dialect);
int LatestSchemaVersion();

// The schema version the database is at (0 for an empty database).
StoreResult<int> SchemaVersion(Database& db);
// Applies every migration above the current version, up to `target` (default: all), each in
// its own transaction. Returns the versions applied.
StoreResult<std::vector<int>> Migrate(Database& db, int target = 0);

}  // namespace scorecard

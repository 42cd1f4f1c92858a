#pragma once
// Use cases that look after the database itself: bring its schema up to date, check that it is
// whole, copy it.

#include <string>
#include <vector>

#include "app/result.h"
#include "domain/clock.h"
#include "store/migrations.h"

namespace scorecard {

struct Migrated {
  std::vector<Migration> applied;
  int version = 0;  // the schema version the database is at now
};
// Creates the database if there is none (SQLite), then applies every migration it lacks.
Result<Migrated> MigrateDatabase(const std::string& url);

// What is wrong with the stored data and its history; empty when it is whole.
Result<std::vector<std::string>> CheckDatabase(const std::string& url, const Clock& clock);

// Copies an SQLite database to `target` while it is in use (PostgreSQL: pg_dump).
Result<void> BackupDatabase(const std::string& url, const std::string& target);

}  // namespace scorecard

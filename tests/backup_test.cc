// Backups restore to exactly what was backed up: SQLite through `scorecard backup` (the online
// backup API), PostgreSQL through pg_dump and psql as docs/storage.md describes.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "app/import_council.h"
#include "app/stored_council.h"
#include "app/system_clock.h"
#include "io/folder.h"
#include "io/test_seeds.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

std::map<std::string, std::string> Exported(const std::string& url) {
  SystemClock clock;
  auto store = OpenStore(url, clock);
  EXPECT_TRUE(store.has_value()) << store.error().message;
  if (!store) return {};
  return ExportFiles(**store, "rotherham-2017").value_or(std::map<std::string, std::string>{});
}

void ImportSeed(const std::string& url) {
  SystemClock clock;
  auto store = OpenStore(url, clock);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  DiskFileSource files(SeedDir("rotherham-2017-q2"));
  auto report =
      ImportCouncil(**store, FolderTableSource(files),
                    {"rotherham-2017", {"tester", "backup test", "test"}, false, false, {}});
  ASSERT_TRUE(report.has_value());
}

TEST(BackupTest, AnSqliteBackupRestoresExactly) {
  RequireBackend(Backend::kSqlite);
  auto db = TestDatabase::Create(Backend::kSqlite);
  ASSERT_TRUE(db.has_value());
  ImportSeed((*db)->url());
  std::string copy = (*db)->url().substr(7) + ".backup";
  std::string command =
      std::string(SCORECARD_BINARY) + " backup " + copy + " --db " + (*db)->url() + " > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  auto restored = Exported("sqlite:" + copy);
  EXPECT_FALSE(restored.empty());
  EXPECT_EQ(restored, Exported((*db)->url()));
  std::filesystem::remove(copy);
}

TEST(BackupTest, APostgresDumpRestoresExactly) {
  RequireBackend(Backend::kPostgres);
  if (IsSkipped() || HasFailure()) return;
  auto source = TestDatabase::Create(Backend::kPostgres);
  auto target = TestDatabase::Create(Backend::kPostgres);
  ASSERT_TRUE(source.has_value() && target.has_value());
  ImportSeed((*source)->url());
  std::string command = "pg_dump --no-owner --dbname='" + (*source)->url() +
                        "' | psql --quiet --set ON_ERROR_STOP=1 --dbname='" + (*target)->url() +
                        "' > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  auto restored = Exported((*target)->url());
  EXPECT_FALSE(restored.empty());
  EXPECT_EQ(restored, Exported((*source)->url()));
}

}  // namespace
}  // namespace scorecard

#pragma once
// Fresh databases for the storage tests, on either backend. The PostgreSQL cases need a server:
// scripts/with-postgres.sh starts a throwaway one and sets SCORECARD_TEST_PG_URL (and
// SCORECARD_TEST_PG_CTL, to stop and start it). Without it they are skipped, except under CI
// (CI=true), where they fail: CI must run both backends.

#include <memory>
#include <optional>
#include <string>

#include "store/database.h"
#include "store/store.h"

namespace scorecard {

enum class Backend { kSqlite, kPostgres };

// "sqlite", "postgres": for test names.
std::string BackendName(Backend backend);

// A new, empty database, removed when this is destroyed: a file in a temporary folder, or a
// database `scorecard_test_<pid>_<n>` created on the test server (collating text as en-GB)
// and dropped afterwards.
class TestDatabase {
 public:
  // kUnavailable if the backend cannot be had here (see BackendMissing).
  static StoreResult<std::unique_ptr<TestDatabase>> Create(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Backend backend() const { return backend_; }
  // For OpenStore and OpenDatabase: sqlite:/tmp/.../test.db, postgresql://.../scorecard_test_...
  const std::string& url() const { return url_; }

 private:
  TestDatabase(Backend backend, std::string url, std::string name)
      : backend_(backend), url_(std::move(url)), name_(std::move(name)) {}

  Backend backend_;
  std::string url_;
  std::string name_;  // the temporary folder, or the PostgreSQL database
};

// Why tests on `backend` cannot run here (SCORECARD_TEST_PG_URL unset), or nullopt if they can.
std::optional<std::string> BackendMissing(Backend backend);
// Whether we run under CI (CI=true), where a missing backend is a failure, not a skip.
bool InCi();
// For a test's SetUp(): skips the test if `backend` cannot be had here, or fails it under CI.
// GoogleTest runs no test body after a SetUp() that skipped or failed.
void RequireBackend(Backend backend);

// The test server's pg_ctl command line (SCORECARD_TEST_PG_CTL), or nullopt if it is not set.
std::optional<std::string> TestServerControl();
// Stops ("stop -m fast") or starts ("start") the test server; false if pg_ctl failed.
bool StopTestServer();
bool StartTestServer();

// For the storage tests: a measures row with just a ref and a title, and the change
// information the tests write with.
std::vector<std::string> MeasureRow(const std::string& ref, const std::string& title);
extern const ChangeInfo kTestChange;

}  // namespace scorecard

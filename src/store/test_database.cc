#include "store/test_database.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "store/postgres/postgres_database.h"

namespace scorecard {
namespace {

std::atomic<int> counter{0};

std::optional<std::string> Env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

// The server's URL with its database name replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database) {
  size_t scheme = url.find("://");
  size_t start = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  size_t query = url.find('?');
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  if (start == std::string::npos || (query != std::string::npos && start > query)) {
    return url.substr(0, query) + "/" + database + rest;
  }
  return url.substr(0, start) + "/" + database + rest;
}

StoreResult<std::unique_ptr<Database>> ConnectToServer() {
  auto db = PostgresDatabase::Open(*Env("SCORECARD_TEST_PG_URL"));
  if (!db) return std::unexpected(db.error());
  return std::unique_ptr<Database>(std::move(*db));
}

bool RunControl(const std::string& action) {
  std::optional<std::string> control = TestServerControl();
  if (!control) return false;
  std::string command = *control + " " + action + " >/dev/null";
  return std::system(command.c_str()) == 0;
}

}  // namespace

std::string BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgres";
}

bool InCi() { return Env("CI") == "true"; }

std::optional<std::string> BackendMissing(Backend backend) {
  if (backend == Backend::kPostgres && !Env("SCORECARD_TEST_PG_URL")) {
    return "SCORECARD_TEST_PG_URL is not set: run the tests through scripts/with-postgres.sh "
           "(make test does) to include PostgreSQL";
  }
  return std::nullopt;
}

void RequireBackend(Backend backend) {
  std::optional<std::string> missing = BackendMissing(backend);
  if (!missing) return;
  if (InCi()) FAIL() << "CI must test every backend: " << *missing;
  GTEST_SKIP() << *missing;
}

StoreResult<std::unique_ptr<TestDatabase>> TestDatabase::Create(Backend backend) {
  if (std::optional<std::string> missing = BackendMissing(backend)) {
    return Fail(StoreError::Kind::kUnavailable, *missing);
  }
  int n = counter++;
  if (backend == Backend::kSqlite) {
    std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                   fmt::format("scorecard-store-{}-{}", ::getpid(), n);
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return std::unique_ptr<TestDatabase>(
        new TestDatabase(backend, "sqlite:" + (folder / "scorecard.db").string(), folder.string()));
  }
  std::string name = fmt::format("scorecard_test_{}_{}", ::getpid(), n);
  auto server = ConnectToServer();
  if (!server) return std::unexpected(server.error());
  // One statement each: PostgreSQL runs several sent together in one transaction, which
  // neither allows. A database of that name is left by an earlier run killed half-way.
  // Sorting text as a British server would (not the test server's C locale), so that a query
  // relying on the database's collation shows here.
  for (const char* sql : {"DROP DATABASE IF EXISTS {} WITH (FORCE)",
                          "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' "
                          "LOCALE_PROVIDER icu ICU_LOCALE 'en-GB'"}) {
    if (auto r = (*server)->Exec(fmt::format(fmt::runtime(sql), name)); !r) {
      return std::unexpected(r.error());
    }
  }
  return std::unique_ptr<TestDatabase>(
      new TestDatabase(backend, WithDatabase(*Env("SCORECARD_TEST_PG_URL"), name), name));
}

TestDatabase::~TestDatabase() {
  if (backend_ == Backend::kSqlite) {
    std::error_code ec;
    std::filesystem::remove_all(name_, ec);
    return;
  }
  // WITH (FORCE): a test that failed half-way may leave a connection open.
  if (auto server = ConnectToServer()) {
    (void)(*server)->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
  }
}

std::optional<std::string> TestServerControl() { return Env("SCORECARD_TEST_PG_CTL"); }
bool StopTestServer() { return RunControl("stop -m fast"); }
bool StartTestServer() { return RunControl("start"); }

std::vector<std::string> MeasureRow(const std::string& ref, const std::string& title) {
  std::vector<std::string> fields(SpecOf("measures").columns().size());
  fields[0] = ref;
  fields[1] = title;
  return fields;
}

const ChangeInfo kTestChange{"ann@rotherham.gov.uk", "quarterly import", "values.csv"};

}  // namespace scorecard

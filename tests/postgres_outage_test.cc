// A PostgreSQL server that goes away under a Store and comes back: the Store says so clearly,
// loses nothing committed, and works again without being reopened. Stops and starts the test
// server of scripts/with-postgres.sh (SCORECARD_TEST_PG_CTL), so it runs alone (RUN_SERIAL).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "store/open_store.h"
#include "store/store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

// "127.0.0.1:55499": the test server, as messages name it.
std::string TestServer() {
  std::string url = std::getenv("SCORECARD_TEST_PG_URL");
  size_t at = url.find('@') + 1;
  return url.substr(at, url.find('/', at) - at);
}

class PostgresOutageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RequireBackend(Backend::kPostgres);
    if (IsSkipped() || HasFatalFailure()) return;
    if (!TestServerControl()) {
      std::string why =
          "SCORECARD_TEST_PG_CTL is not set: run the tests through scripts/with-postgres.sh";
      if (InCi()) FAIL() << why;
      GTEST_SKIP() << why;
    }
    auto db = TestDatabase::Create(Backend::kPostgres);
    ASSERT_TRUE(db) << db.error().message;
    database_ = std::move(*db);
    auto store = OpenStore(database_->url(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    org_ = *store_->EnsureOrganisation("rotherham", "Rotherham MBC");
  }
  void TearDown() override {
    if (stopped_) StartServer();  // the other tests need it
  }

  void StopServer() {
    ASSERT_TRUE(StopTestServer());
    stopped_ = true;
  }
  void StartServer() {
    ASSERT_TRUE(StartTestServer());
    stopped_ = false;
  }

  StoreResult<int64_t> Edit(const std::string& title, int base) {
    return store_->Apply(org_, kTestChange,
                         {{&SpecOf("measures"), "M1", MeasureRow("M1", title), base}});
  }
  std::string Current() {
    auto rows = store_->Rows(org_, SpecOf("measures"));
    if (!rows) return rows.error().message;
    std::string out;
    for (const StoredRow& r : *rows)
      out += fmt::format("{} v{}: {}\n", r.key, r.version, r.fields[1]);
    return out;
  }
  void ExpectUnavailable(const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::kUnavailable) << e.message;
    std::string server =
        fmt::format("the PostgreSQL server at {} (database {}) cannot be reached: ", TestServer(),
                    database_->url().substr(database_->url().rfind('/') + 1));
    EXPECT_EQ(e.message.substr(0, server.size()), server) << e.message;
  }

  FakeClock clock_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0;
  bool stopped_ = false;
};

TEST_F(PostgresOutageTest, ReportsTheServerGoneAndRecoversWhenItReturnsWithNothingLost) {
  ASSERT_TRUE(Edit("Rent collected", 0));
  ASSERT_TRUE(Edit("Rent collected (%)", 1));
  ASSERT_EQ(Current(), "M1 v2: Rent collected (%)\n");

  StopServer();
  auto rows = store_->Rows(org_, SpecOf("measures"));
  ASSERT_FALSE(rows);
  ExpectUnavailable(rows.error());
  auto edit = Edit("Rent", 2);
  ASSERT_FALSE(edit);
  ExpectUnavailable(edit.error());

  StartServer();
  EXPECT_EQ(Current(), "M1 v2: Rent collected (%)\n");
  ASSERT_TRUE(Edit("Rent", 2));
  EXPECT_EQ(Current(), "M1 v3: Rent\n");
}

TEST_F(PostgresOutageTest, AWriteCutOffHalfWayLeavesNothingAndCanBeMadeAgain) {
  ASSERT_TRUE(Edit("Rent collected", 0));
  int64_t before = *store_->LatestChange(org_);
  auto plan = [&](const Snapshot& s) {
    const StoredRow& m1 = s.at("measures").at("M1");
    return std::vector<RowChange>{
        {&SpecOf("measures"), "M1", MeasureRow("M1", "Rent"), m1.version}};
  };

  auto cut_off = store_->Write(org_, kTestChange, [&](const Snapshot& s) {
    StopServer();  // after the snapshot was read, before anything is written
    return plan(s);
  });
  ASSERT_FALSE(cut_off);
  ExpectUnavailable(cut_off.error());

  StartServer();
  EXPECT_EQ(Current(), "M1 v1: Rent collected\n");
  EXPECT_EQ(*store_->LatestChange(org_), before);
  ASSERT_TRUE(store_->Write(org_, kTestChange, plan));
  EXPECT_EQ(Current(), "M1 v2: Rent\n");
}

TEST_F(PostgresOutageTest, ARestartWhileIdleGoesUnnoticed) {
  ASSERT_TRUE(Edit("Rent collected", 0));
  StopServer();
  StartServer();
  // The store's connection died with the server; the next call reconnects, as nothing of it
  // had reached the server.
  EXPECT_EQ(Current(), "M1 v1: Rent collected\n");
  ASSERT_TRUE(Edit("Rent", 1));
}

TEST_F(PostgresOutageTest, OpeningWhileTheServerIsDownNamesIt) {
  StopServer();
  auto store = OpenStore(database_->url(), clock_);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, StoreError::Kind::kUnavailable);
  std::string server =
      fmt::format("cannot connect to the PostgreSQL server at {} (database {}): ", TestServer(),
                  database_->url().substr(database_->url().rfind('/') + 1));
  EXPECT_EQ(store.error().message.substr(0, server.size()), server) << store.error().message;
}

TEST_F(PostgresOutageTest, AWriterKeptWaitingForTheOrganisationGivesUpAndSaysSo) {
  ASSERT_TRUE(Edit("Rent collected", 0));
  auto values = store_->database().Query("SELECT current_setting('lock_timeout')");
  ASSERT_TRUE(values) << values.error().message;
  EXPECT_EQ(values->at(0), ResultRow{"1min"});

  // Another connection holds the organisation, as a long write would; ours waits a moment only.
  auto other = OpenDatabase(database_->url());
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE((*other)->Begin());
  ASSERT_TRUE((*other)->Query("SELECT id FROM organisations WHERE id = $1 FOR UPDATE", {org_}));
  ASSERT_TRUE(store_->database().Exec("SET lock_timeout = '200ms'"));
  auto waited = Edit("Rent", 1);
  ASSERT_FALSE(waited);
  EXPECT_EQ(waited.error().kind, StoreError::Kind::kUnavailable);
  EXPECT_NE(waited.error().message.find("lock timeout"), std::string::npos)
      << waited.error().message;
  (*other)->Rollback();
  ASSERT_TRUE(Edit("Rent", 1));
  EXPECT_EQ(Current(), "M1 v2: Rent\n");
}

}  // namespace
}  // namespace scorecard

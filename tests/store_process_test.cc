// Two OS processes (as two Scorecard servers would be) writing to one database at once, on each
// backend: every race ends in one success and one conflict, and no update is lost.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <stdexcept>

#include "store/open_store.h"
#include "store/store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

constexpr int kSucceeded = 0;
constexpr int kFailed = 1;
constexpr int kConflicted = 3;

// How a child's write ended, as its exit status.
int ExitStatus(const StoreResult<int64_t>& r) {
  if (r) return kSucceeded;
  if (r.error().kind == StoreError::Kind::kConflict) return kConflicted;
  std::fprintf(stderr, "child %d writing: %s\n", ::getpid(), r.error().message.c_str());
  return kFailed;
}

// Runs `body(i, start_together)` in `n` child processes and returns their exit statuses. Each
// child calls start_together() when it is ready; it returns once every child is ready, so that
// what follows runs in all of them at once.
std::vector<int> InChildProcesses(
    int n, const std::function<int(int, const std::function<void()>&)>& body) {
  int ready[2], go[2];
  if (::pipe(ready) != 0 || ::pipe(go) != 0) return {};
  std::fflush(nullptr);
  std::vector<pid_t> children;
  for (int i = 0; i < n; ++i) {
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(ready[0]);
      ::close(go[1]);
      auto start_together = [&] {
        char c = 'r';
        if (::write(ready[1], &c, 1) != 1) ::_exit(kFailed);
        ::close(ready[1]);           // the parent stops waiting once every child is ready or gone
        (void)::read(go[0], &c, 1);  // returns 0 when the parent closes its end
      };
      int status = body(i, start_together);
      std::fflush(nullptr);
      ::_exit(status);  // no destructors: the parent's objects are not ours
    }
    children.push_back(pid);
  }
  ::close(ready[1]);
  ::close(go[0]);
  char c;
  for (int i = 0; i < n && ::read(ready[0], &c, 1) == 1; ++i) {
  }
  ::close(go[1]);  // all ready (or gone): go
  ::close(ready[0]);
  std::vector<int> statuses;
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    statuses.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return statuses;
}

class StoreProcessTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    RequireBackend(GetParam());
    if (IsSkipped() || HasFatalFailure()) return;
    auto db = TestDatabase::Create(GetParam());
    ASSERT_TRUE(db) << db.error().message;
    database_ = std::move(*db);
  }

  // Opens the store in a child: migrating the fresh database and adding the organisation, both
  // possibly at the same moment as the other child.
  std::unique_ptr<Store> OpenInChild(int64_t* org) {
    auto store = OpenStore(database_->url(), clock_);
    if (!store) {
      std::fprintf(stderr, "child %d opening: %s\n", ::getpid(), store.error().message.c_str());
      ::_exit(kFailed);
    }
    auto id = (*store)->EnsureOrganisation("rotherham", "Rotherham MBC");
    if (!id) {
      std::fprintf(stderr, "child %d adding the organisation: %s\n", ::getpid(),
                   id.error().message.c_str());
      ::_exit(kFailed);
    }
    *org = *id;
    return std::move(*store);
  }

  std::unique_ptr<Store> OpenInParent() {
    auto store = OpenStore(database_->url(), clock_);
    if (!store) throw std::runtime_error(store.error().message);
    return std::move(*store);
  }

  FakeClock clock_;
  std::unique_ptr<TestDatabase> database_;
};

std::vector<int> Sorted(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST_P(StoreProcessTest, TwoProcessesAddingOneValueEndInOneSuccessAndOneConflict) {
  auto statuses = InChildProcesses(2, [&](int i, const std::function<void()>& start_together) {
    int64_t org = 0;
    auto store = OpenInChild(&org);
    start_together();
    return ExitStatus(
        store->Apply(org, kTestChange,
                     {{&SpecOf("measures"), "M1", MeasureRow("M1", fmt::format("by {}", i)), 0}}));
  });
  EXPECT_EQ(Sorted(statuses), (std::vector<int>{kSucceeded, kConflicted}));
  auto store = OpenInParent();
  int64_t org = *store->FindOrganisation("rotherham");
  auto rows = store->Rows(org, SpecOf("measures"));
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  int winner = statuses[0] == kSucceeded ? 0 : 1;
  EXPECT_EQ(rows->at(0).fields[1], fmt::format("by {}", winner));
  EXPECT_EQ(*store->LatestChange(org), 1);
}

TEST_P(StoreProcessTest, TwoProcessesEditingOneValueEndInOneSuccessAndOneConflict) {
  auto store = OpenInParent();
  int64_t org = *store->EnsureOrganisation("rotherham", "Rotherham MBC");
  ASSERT_TRUE(store->Apply(org, kTestChange,
                           {{&SpecOf("measures"), "M1", MeasureRow("M1", "Rent collected"), 0}}));
  store.reset();

  constexpr int kRounds = 3;
  for (int base = 1; base <= kRounds; ++base) {
    auto statuses = InChildProcesses(2, [&](int i, const std::function<void()>& start_together) {
      int64_t org = 0;
      auto store = OpenInChild(&org);
      start_together();
      return ExitStatus(
          store->Apply(org, kTestChange,
                       {{&SpecOf("measures"), "M1",
                         MeasureRow("M1", fmt::format("v{} by {}", base + 1, i)), base}}));
    });
    ASSERT_EQ(Sorted(statuses), (std::vector<int>{kSucceeded, kConflicted}))
        << "from version " << base;
    int winner = statuses[0] == kSucceeded ? 0 : 1;
    store = OpenInParent();
    auto rows = store->Rows(org, SpecOf("measures"));
    ASSERT_TRUE(rows) << rows.error().message;
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->at(0).version, base + 1);
    EXPECT_EQ(rows->at(0).fields[1], fmt::format("v{} by {}", base + 1, winner));
    store.reset();
  }
}

TEST_P(StoreProcessTest, TwoProcessesIncrementingOneValueNeverLoseAnUpdate) {
  constexpr int kIncrements = 15;
  auto statuses = InChildProcesses(2, [&](int, const std::function<void()>& start_together) {
    int64_t org = 0;
    auto store = OpenInChild(&org);
    start_together();
    for (int i = 0; i < kIncrements; ++i) {
      auto r = store->Write(org, kTestChange, [](const Snapshot& s) {
        const auto& measures = s.at("measures");
        auto it = measures.find("M1");
        int count = it == measures.end() ? 0 : std::stoi(it->second.fields[1]);
        int base = it == measures.end() ? 0 : it->second.version;
        return std::vector<RowChange>{
            {&SpecOf("measures"), "M1", MeasureRow("M1", std::to_string(count + 1)), base}};
      });
      // The first write of both may be an add: one of them then conflicts, and tries again.
      if (!r && r.error().kind == StoreError::Kind::kConflict && i == 0) {
        --i;
        continue;
      }
      if (int status = ExitStatus(r); status != kSucceeded) return status;
    }
    return kSucceeded;
  });
  EXPECT_EQ(statuses, (std::vector<int>{kSucceeded, kSucceeded}));
  auto store = OpenInParent();
  int64_t org = *store->FindOrganisation("rotherham");
  auto rows = store->Rows(org, SpecOf("measures"));
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).fields[1], std::to_string(2 * kIncrements));
  EXPECT_EQ(rows->at(0).version, 2 * kIncrements);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreProcessTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace scorecard

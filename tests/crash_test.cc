// Crash safety: `scorecard import` killed with SIGKILL at random moments, many times, on both
// backends. Afterwards the database passes its integrity check and holds the import whole or
// not at all: exactly the state before it, or exactly the state after it.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "app/import_council.h"
#include "app/stored_council.h"
#include "app/system_clock.h"
#include "io/folder.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

constexpr int kKills = 10;      // per backend
constexpr int kMeasures = 400;  // x 40 quarters: an import long enough to interrupt

// Writes an interchange folder whose figures all differ between versions 1 and 2.
void WriteFolder(const std::filesystem::path& dir, int version) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "scorecard.toml") << "[organisation]\nname = \"Crash Test Council\"\ncode = "
                                           "\"crash\"\nscheme = \"derby-2012\"\n"
                                           "reporting_period = \"2017/18 Q2\"\n";
  std::ofstream measures(dir / "measures.csv");
  std::ofstream values(dir / "values.csv");
  measures << "ref,title,unit,polarity,frequency\n";
  values << "ref,period,value,context\n";
  for (int m = 0; m < kMeasures; ++m) {
    measures << "M" << m << ",Measure " << m << ",%,higher,quarterly\n";
    for (int q = 0; q < 40; ++q) {
      values << "M" << m << "," << 2008 + q / 4 << "/" << (9 + q / 4) % 100 / 10 << (9 + q / 4) % 10
             << " Q" << q % 4 + 1 << "," << (m * 7 + q * 3 + version) % 100 << ",version "
             << version << "\n";
    }
  }
}

pid_t StartImport(const std::string& folder, const std::string& url) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execl(SCORECARD_BINARY, SCORECARD_BINARY, "import", folder.c_str(), "--db", url.c_str(),
          "--org", "crash", "--reason", "crash test", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int RunImport(const std::string& folder, const std::string& url) {
  int status = 0;
  waitpid(StartImport(folder, url), &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class CrashTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    RequireBackend(GetParam());
    if (IsSkipped() || HasFailure()) return;
    dir_ = std::filesystem::temp_directory_path() / ("scorecard-crash-" + std::to_string(getpid()));
    WriteFolder(dir_ / "v1", 1);
    WriteFolder(dir_ / "v2", 2);
    auto db = TestDatabase::Create(GetParam());
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::map<std::string, std::string> State() {
    auto store = OpenStore(db_->url(), clock_);
    EXPECT_TRUE(store.has_value());
    auto problems = (*store)->CheckIntegrity();
    EXPECT_TRUE(problems.has_value()) << problems.error().message;
    EXPECT_EQ(problems.value_or(std::vector<std::string>{}), std::vector<std::string>{});
    auto files = ExportFiles(**store, "crash");
    return files.value_or(std::map<std::string, std::string>{});
  }

  SystemClock clock_;
  std::filesystem::path dir_;
  std::unique_ptr<TestDatabase> db_;
};

TEST_P(CrashTest, AKilledImportLeavesTheDatabaseWholeWithTheImportAllOrNothing) {
  std::string v1 = (dir_ / "v1").string(), v2 = (dir_ / "v2").string();
  ASSERT_EQ(RunImport(v1, db_->url()), 0);
  auto before = State();
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(RunImport(v2, db_->url()), 0);
  auto full = std::chrono::steady_clock::now() - start;
  auto after = State();
  ASSERT_NE(before, after);
  ASSERT_EQ(RunImport(v1, db_->url()), 0);
  ASSERT_EQ(State(), before);

  std::mt19937 random(20171120);
  std::uniform_int_distribution<int64_t> moment(
      0, std::chrono::duration_cast<std::chrono::microseconds>(full).count() * 6 / 5);
  int whole = 0, none = 0;
  for (int i = 0; i < kKills; ++i) {
    pid_t pid = StartImport(v2, db_->url());
    usleep(static_cast<useconds_t>(moment(random)));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    auto state = State();
    if (state == after) {
      ++whole;
      ASSERT_EQ(RunImport(v1, db_->url()), 0);  // back to the start for the next kill
    } else {
      ASSERT_EQ(state, before) << "kill " << i << " left a partial import";
      ++none;
    }
  }
  std::cout << BackendName(GetParam()) << ": " << kKills << " kills: " << none
            << " before the import committed, " << whole << " after\n";
  EXPECT_GT(none, 0) << "no kill landed inside an import";
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashTest, testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const testing::TestParamInfo<Backend>& info) {
                           return BackendName(info.param);
                         });

}  // namespace
}  // namespace scorecard

#include "reports/program.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <string>

namespace scorecard {
namespace {

using std::chrono::milliseconds;

std::string ProcessState(const std::string& pid) {
  std::ifstream in("/proc/" + pid + "/stat");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// True once the process has gone, or is a zombie waiting for init to reap it.
bool Ended(const std::string& pid) {
  for (int i = 0; i < 100; ++i) {
    std::string stat = ProcessState(pid);
    if (stat.empty() || stat.find(") Z ") != std::string::npos) return true;
    ::usleep(20'000);
  }
  return false;
}

TEST(ProgramTest, GivesItsOutputErrorAndExitStatus) {
  auto run = RunProgram({"/bin/sh", "-c", "echo out; echo err >&2; exit 4"}, milliseconds(10'000));
  ASSERT_TRUE(run) << run.error();
  EXPECT_EQ(run->exit_code, 4);
  EXPECT_EQ(run->signal, 0);
  EXPECT_FALSE(run->timed_out);
  EXPECT_FALSE(run->ok());
  EXPECT_EQ(run->out, "out\n");
  EXPECT_EQ(run->err, "err\n");
}

TEST(ProgramTest, PassesArgumentsAsTheyAreWithNoShell) {
  auto run = RunProgram({"/bin/sh", "-c", "printf '%s|' \"$@\"", "sh", "a b", "$HOME", "*", ""},
                        milliseconds(10'000));
  ASSERT_TRUE(run) << run.error();
  EXPECT_TRUE(run->ok());
  EXPECT_EQ(run->out, "a b|$HOME|*||");
}

TEST(ProgramTest, ReadsNothingFromStandardInput) {
  auto run = RunProgram({"/bin/cat"}, milliseconds(10'000));
  ASSERT_TRUE(run) << run.error();
  EXPECT_TRUE(run->ok());
  EXPECT_EQ(run->out, "");
}

TEST(ProgramTest, SaysWhyAProgramCannotStart) {
  auto run = RunProgram({"/no/such/program"}, milliseconds(10'000));
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error(), "No such file or directory");
}

TEST(ProgramTest, SaysWhichSignalEndedIt) {
  auto run = RunProgram({"/bin/sh", "-c", "kill -TERM $$"}, milliseconds(10'000));
  ASSERT_TRUE(run) << run.error();
  EXPECT_EQ(run->exit_code, -1);
  EXPECT_EQ(run->signal, SIGTERM);
}

TEST(ProgramTest, KillsItsWholeProcessGroupAtTheTimeout) {
  auto start = std::chrono::steady_clock::now();
  auto run = RunProgram({"/bin/sh", "-c", "sleep 60 & echo $!; wait"}, milliseconds(300));
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(run) << run.error();
  EXPECT_TRUE(run->timed_out);
  EXPECT_EQ(run->signal, SIGKILL);
  EXPECT_LT(took, std::chrono::seconds(5));
  std::string child = run->out.substr(0, run->out.find('\n'));
  ASSERT_FALSE(child.empty());
  EXPECT_TRUE(Ended(child)) << ProcessState(child);
}

// A program that ends leaving a process behind (holding its output open) does not keep the
// caller waiting, and what it left is ended.
TEST(ProgramTest, EndsWhatAProgramLeavesBehind) {
  auto start = std::chrono::steady_clock::now();
  auto run = RunProgram({"/bin/sh", "-c", "sleep 60 & echo $!"}, milliseconds(30'000));
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(run) << run.error();
  EXPECT_TRUE(run->ok());
  EXPECT_LT(took, std::chrono::seconds(5));
  std::string child = run->out.substr(0, run->out.find('\n'));
  ASSERT_FALSE(child.empty());
  EXPECT_TRUE(Ended(child)) << ProcessState(child);
}

TEST(ProgramTest, CapturesMoreThanAPipeHolds) {
  auto run =
      RunProgram({"/bin/sh", "-c", "head -c 1000000 /dev/zero; head -c 300000 /dev/zero >&2"},
                 milliseconds(30'000));
  ASSERT_TRUE(run) << run.error();
  EXPECT_TRUE(run->ok());
  EXPECT_EQ(run->out.size(), 1'000'000u);
  EXPECT_EQ(run->err.size(), 300'000u);
}

}  // namespace
}  // namespace scorecard

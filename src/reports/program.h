#pragma once
// Running another program (Chromium printing a PDF; pdfinfo reading one back in the tests):
// started directly, never through a shell, and stopped, with everything it started, when it
// outruns its time.

#include <chrono>
#include <expected>
#include <string>
#include <vector>

namespace scorecard {

// How a program ended and what it said.
struct ProgramRun {
  int exit_code = -1;      // its exit status; -1 when a signal ended it
  int signal = 0;          // the signal that ended it; 0 when it exited
  bool timed_out = false;  // it outran the time allowed, and its process group was killed
  std::string out;         // what it wrote to standard output
  std::string err;         // what it wrote to standard error

  bool ok() const { return exit_code == 0 && !timed_out; }
};

// Runs argv[0] (a path: PATH is not searched) with the arguments argv[1..] and this process's
// environment, standard input from /dev/null, capturing its standard output and error. It runs
// in a process group of its own: when it outruns `timeout` the whole group is killed
// (SIGKILL), and when it ends, anything it started and left in the group is killed too; a
// process that left the group is neither killed nor waited for. Fails, saying why (strerror's
// words), only when it cannot be started.
// REQUIRES: argv is not empty.
std::expected<ProgramRun, std::string> RunProgram(const std::vector<std::string>& argv,
                                                  std::chrono::milliseconds timeout);

}  // namespace scorecard

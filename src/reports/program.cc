#include "reports/program.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <utility>

extern char** environ;

namespace scorecard {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// A file descriptor, closed when it goes.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }
  int get() const { return fd_; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

struct Pipe {
  Fd read, write;
};

std::string Why(int error) { return std::strerror(error); }

std::expected<Pipe, std::string> MakePipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return std::unexpected(Why(errno));
  return Pipe{Fd(fds[0]), Fd(fds[1])};
}

// What posix_spawn is given: standard input from /dev/null, output and error to the pipes, a
// process group of its own, no blocked signals and SIGPIPE as the default (a server ignores
// it, and an ignored signal would stay ignored in the program).
class SpawnSetup {
 public:
  SpawnSetup(int out, int err) {
    posix_spawn_file_actions_init(&actions_);
    posix_spawn_file_actions_addopen(&actions_, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions_, out, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions_, err, STDERR_FILENO);
    posix_spawnattr_init(&attributes_);
    sigset_t none, pipe;
    sigemptyset(&none);
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    posix_spawnattr_setsigmask(&attributes_, &none);
    posix_spawnattr_setsigdefault(&attributes_, &pipe);
    posix_spawnattr_setpgroup(&attributes_, 0);
    posix_spawnattr_setflags(
        &attributes_, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions_);
    posix_spawnattr_destroy(&attributes_);
  }
  const posix_spawn_file_actions_t* actions() const { return &actions_; }
  const posix_spawnattr_t* attributes() const { return &attributes_; }

 private:
  posix_spawn_file_actions_t actions_;
  posix_spawnattr_t attributes_;
};

// Reads what is there from `fd` into `into`; marks it closed at its end or on an error.
void ReadSome(int fd, std::string* into, bool* open) {
  char buffer[1 << 16];
  ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n > 0) {
    into->append(buffer, static_cast<size_t>(n));
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    *open = false;
  }
}

// The output pipes of a running program, and what it has written to them.
struct Output {
  Output(Fd o, Fd e) : out(std::move(o)), err(std::move(e)) {}

  Fd out, err;
  bool out_open = true, err_open = true;
  std::string out_text, err_text;

  // Waits up to `wait` (and for `also`, a pidfd, if it is not -1) and reads what has come.
  void Poll(milliseconds wait, int also) {
    pollfd fds[3] = {{out_open ? out.get() : -1, POLLIN, 0},
                     {err_open ? err.get() : -1, POLLIN, 0},
                     {also, POLLIN, 0}};
    if (::poll(fds, 3, static_cast<int>(wait.count())) <= 0) return;
    if (fds[0].revents != 0) ReadSome(out.get(), &out_text, &out_open);
    if (fds[1].revents != 0) ReadSome(err.get(), &err_text, &err_open);
  }

  // Reads what is left in the pipes without waiting: once the program's process group has
  // ended, everything its processes wrote is there. A process that left the group (Chromium's
  // crash handler starts a session of its own) may hold a pipe open for a while; it is not
  // waited for.
  void Drain() {
    Drain(out.get(), &out_text, out_open);
    Drain(err.get(), &err_text, err_open);
  }

 private:
  static void Drain(int fd, std::string* into, bool open) {
    if (!open || ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) return;
    char buffer[1 << 16];
    for (;;) {
      ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n > 0) {
        into->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        return;
      }
    }
  }
};

// True once `pid` has ended; it is left to be reaped, so that its process group lives on.
bool HasEnded(pid_t pid) {
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == pid;
}

milliseconds Until(Clock::time_point deadline) {
  return std::max(milliseconds(0),
                  std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
}

}  // namespace

std::expected<ProgramRun, std::string> RunProgram(const std::vector<std::string>& argv,
                                                  milliseconds timeout) {
  auto out = MakePipe();
  if (!out) return std::unexpected(out.error());
  auto err = MakePipe();
  if (!err) return std::unexpected(err.error());
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int spawned;
  {
    SpawnSetup setup(out->write.get(), err->write.get());
    spawned =
        ::posix_spawn(&pid, args[0], setup.actions(), setup.attributes(), args.data(), environ);
  }
  if (spawned != 0) return std::unexpected(Why(spawned));
  out->write.Close();
  err->write.Close();

  Output output(std::move(out->read), std::move(err->read));
  // Where the kernel gives one, a pidfd wakes the wait when the program ends; else look every
  // 20 ms.
  Fd ended(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
  const milliseconds tick = ended.get() >= 0 ? timeout : milliseconds(20);
  ProgramRun run;
  const Clock::time_point deadline = Clock::now() + timeout;
  while (!HasEnded(pid)) {
    if (Until(deadline) == milliseconds(0)) {
      run.timed_out = true;
      break;
    }
    output.Poll(std::min(Until(deadline), tick), ended.get());
  }
  // The whole group: what the program left behind it, or all of it when it outran its time.
  ::kill(-pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  output.Drain();

  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  run.out = std::move(output.out_text);
  run.err = std::move(output.err_text);
  return run;
}

}  // namespace scorecard

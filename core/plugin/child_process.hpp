#pragma once
// A helper process runback talks to: started with a channel on its fd 3 (a socket pair, so a
// write to a child that died fails with EPIPE instead of killing runback with SIGPIPE), its
// stderr captured, its stdin and stdout /dev/null (the plugin host catches what a plugin prints
// itself, call by call: stdout_capture.hpp). Reads wait with a deadline; what the child writes to
// stderr is passed on line by line. POSIX only.

#include <sys/types.h>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace runback {

struct ChildLaunch {
  std::string executable;  // absolute
  std::vector<std::string> args;
  // NAME=VALUE entries set in the child's environment over runback's own.
  std::vector<std::string> env;
  // Each line the child writes to stderr, without its newline.
  std::function<void(std::string_view)> on_stderr_line;
};

// Why a read did not give a frame.
enum class ChildFault { gone, timed_out, garbled };

struct ChildReadError : Error {
  ChildFault fault = ChildFault::gone;
};

class ChildProcess {
 public:
  static Result<std::unique_ptr<ChildProcess>> start(const ChildLaunch& launch);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  // Kills the child (it keeps no state worth a goodbye) and reaps it.
  ~ChildProcess();

  // Sends a whole frame. Errors: the child is gone.
  Status send(std::string_view bytes);
  // The payload of the next frame, waiting no later than `deadline`.
  Result<std::string, ChildReadError> read_frame(std::chrono::steady_clock::time_point deadline);
  // Reads what stderr holds now, without waiting.
  void drain();
  // Kills the child if it still runs and says how it ended ("exited with status 0", "stopped
  // with signal 11 (segmentation fault)", "was stopped"), waiting a little for a child whose
  // channel closed to finish dying.
  std::string reap();
  pid_t pid() const { return pid_; }

 private:
  ChildProcess() = default;
  // One read of fd into the matching buffer; false at end of file.
  bool read_some(int fd);
  void flush_stderr(bool all);

  pid_t pid_ = -1;
  int channel_ = -1;
  int err_ = -1;
  std::string inbox_;
  std::size_t inbox_read_ = 0;  // the frames before this offset have been taken
  std::string stderr_;
  std::function<void(std::string_view)> on_stderr_line_;
  std::optional<std::string> ended_;
};

// "signal 11 (segmentation fault)".
std::string describe_signal(int signal);

}  // namespace runback

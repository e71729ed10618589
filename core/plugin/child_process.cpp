#include "plugin/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "plugin/wire_format.hpp"

extern char** environ;

namespace runback {

namespace {

constexpr int kChannelFd = 3;

std::string errno_text(int error) {
  return std::strerror(error);
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The environment with `overrides` (NAME=VALUE) replacing entries of the same name.
std::vector<std::string> merged_environment(const std::vector<std::string>& overrides) {
  std::vector<std::string> out;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const auto name = entry.substr(0, entry.find('=') + 1);
    bool replaced = false;
    for (const auto& o : overrides) replaced = replaced || o.starts_with(name);
    if (!replaced) out.emplace_back(entry);
  }
  out.insert(out.end(), overrides.begin(), overrides.end());
  return out;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string describe_signal(int signal) {
  std::string name;
  switch (signal) {
    case SIGSEGV:
      name = "segmentation fault";
      break;
    case SIGABRT:
      name = "aborted";
      break;
    case SIGBUS:
      name = "bus error";
      break;
    case SIGFPE:
      name = "arithmetic error";
      break;
    case SIGILL:
      name = "illegal instruction";
      break;
    case SIGKILL:
      name = "killed";
      break;
    default:
      name = strsignal(signal) != nullptr ? strsignal(signal) : "unknown";
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return "signal " + std::to_string(signal) + " (" + name + ")";
}

Result<std::unique_ptr<ChildProcess>> ChildProcess::start(const ChildLaunch& launch) {
  int channel[2] = {-1, -1};
  int err[2] = {-1, -1};
  // Close-on-exec everywhere, so no other child (of another thread) inherits these ends; the
  // dup2s below give the child its own copies without the flag.
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) != 0 ||
      ::pipe2(err, O_CLOEXEC) != 0) {
    const int error = errno;
    for (int fd : {channel[0], channel[1], err[0], err[1]}) {
      if (fd >= 0) ::close(fd);
    }
    return Error{"cannot make pipes for the plugin host: " + errno_text(error), ErrorKind::io};
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_adddup2(&actions, channel[1], kChannelFd);

  std::vector<std::string> args{launch.executable};
  args.insert(args.end(), launch.args.begin(), launch.args.end());
  std::vector<std::string> env = merged_environment(launch.env);
  std::vector<char*> argv = c_strings(args);
  std::vector<char*> envp = c_strings(env);
  pid_t pid = -1;
  const int spawned =
      ::posix_spawn(&pid, launch.executable.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(channel[1]);
  ::close(err[1]);
  if (spawned != 0) {
    for (int fd : {channel[0], err[0]}) ::close(fd);
    return Error{"cannot start the plugin host " + launch.executable + ": " + errno_text(spawned),
                 ErrorKind::io};
  }
  std::unique_ptr<ChildProcess> child(new ChildProcess);
  child->pid_ = pid;
  child->channel_ = channel[0];
  child->err_ = err[0];
  child->on_stderr_line_ = launch.on_stderr_line;
  ::fcntl(child->err_, F_SETFL, ::fcntl(child->err_, F_GETFL) | O_NONBLOCK);
  return child;
}

ChildProcess::~ChildProcess() {
  reap();
  close_fd(channel_);
  close_fd(err_);
}

Status ChildProcess::send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(channel_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close_fd(channel_);  // so reap() waits for it to finish dying
      return Error{"the plugin host is gone", ErrorKind::plugin};
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return ok_status();
}

bool ChildProcess::read_some(int fd) {
  char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    (fd == channel_ ? inbox_ : stderr_).append(buffer, static_cast<std::size_t>(n));
    if (fd == err_) flush_stderr(false);
    return true;
  }
}

void ChildProcess::flush_stderr(bool all) {
  std::string::size_type start = 0;
  for (;;) {
    const auto end = stderr_.find('\n', start);
    if (end == std::string::npos) break;
    if (on_stderr_line_) on_stderr_line_(std::string_view(stderr_).substr(start, end - start));
    start = end + 1;
  }
  stderr_.erase(0, start);
  if (all && !stderr_.empty()) {
    if (on_stderr_line_) on_stderr_line_(stderr_);
    stderr_.clear();
  }
}

void ChildProcess::drain() {
  while (err_ >= 0) {
    const std::size_t before = stderr_.size();
    if (!read_some(err_)) {
      close_fd(err_);
      break;
    }
    if (stderr_.size() == before) break;  // nothing more now
  }
  if (err_ < 0) flush_stderr(true);
}

Result<std::string, ChildReadError> ChildProcess::read_frame(
    std::chrono::steady_clock::time_point deadline) {
  auto failed = [](ChildFault fault, std::string message) {
    ChildReadError error;
    error.message = std::move(message);
    error.kind = ErrorKind::plugin;
    error.fault = fault;
    return error;
  };
  for (;;) {
    // Frames are taken from the front by moving an offset: a batch's replies arrive together,
    // and erasing each from the front would copy the rest every time.
    if (inbox_.size() - inbox_read_ >= 4) {
      auto length = wire::frame_length(inbox_.data() + inbox_read_);
      if (!length) return failed(ChildFault::garbled, length.error());
      if (inbox_.size() - inbox_read_ >= 4 + std::size_t(*length)) {
        std::string payload = inbox_.substr(inbox_read_ + 4, *length);
        inbox_read_ += 4 + std::size_t(*length);
        if (inbox_read_ == inbox_.size()) {
          inbox_.clear();
          inbox_read_ = 0;
        }
        return payload;
      }
    }
    if (inbox_read_ > 0) {
      inbox_.erase(0, inbox_read_);
      inbox_read_ = 0;
    }
    if (channel_ < 0) return failed(ChildFault::gone, "the plugin host closed its channel");
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return failed(ChildFault::timed_out, "no answer in time");
    const auto wait =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
    pollfd fds[2] = {{channel_, POLLIN, 0}, {err_, POLLIN, 0}};
    const int ready = ::poll(fds, 2, static_cast<int>(wait));
    if (ready < 0 && errno != EINTR) {
      return failed(ChildFault::gone, "cannot wait for the plugin host: " + errno_text(errno));
    }
    // stderr first, so a host's last words are passed on before its end is reported.
    for (int i = 1; i >= 0 && ready > 0; --i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      int& fd = i == 0 ? channel_ : err_;
      if (!read_some(fd)) {
        close_fd(fd);
        if (i == 1) flush_stderr(true);
      }
    }
  }
}

std::string ChildProcess::reap() {
  if (ended_) return *ended_;
  if (pid_ < 0) return "was never started";
  // A child whose channel closed is on its way out; give it a moment to say why before it is
  // killed, so a crash reads as a crash.
  int status = 0;
  pid_t done = 0;
  bool killed = false;
  for (int i = 0; i < 200 && done == 0; ++i) {
    done = ::waitpid(pid_, &status, WNOHANG);
    if (done == 0) {
      if (channel_ >= 0 && i == 0) {
        // Still talking: nothing to wait for.
        ::kill(pid_, SIGKILL);
        killed = true;
        done = ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  if (done == 0) {
    ::kill(pid_, SIGKILL);
    killed = true;
    done = ::waitpid(pid_, &status, 0);
  }
  drain();
  if (done < 0) {
    ended_ = "ended (its status cannot be read)";
  } else if (killed) {
    ended_ = "was stopped";
  } else if (WIFSIGNALED(status)) {
    ended_ = "stopped with " + describe_signal(WTERMSIG(status));
  } else if (WIFEXITED(status)) {
    ended_ = "exited with status " + std::to_string(WEXITSTATUS(status));
  } else {
    ended_ = "ended";
  }
  return *ended_;
}

}  // namespace runback

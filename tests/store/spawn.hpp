#pragma once
// Starting `runback` processes without waiting for them, for the crash and concurrency tests.
// Everything the child needs is built before fork(), so the child only dups and execs.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace runback::testing {

struct Spawned {
  pid_t pid = -1;
  std::string err_path;  // the child's stderr, captured in a file
};

struct SpawnLimits {
  uid_t uid = 0;              // run as this user when non-zero (needs root)
  rlim_t max_file_bytes = 0;  // RLIMIT_FSIZE when non-zero: files cannot grow past it
};

inline Spawned spawn_runback(const std::vector<std::string>& args, const std::string& err_path,
                             const SpawnLimits& limits = {}) {
  std::vector<std::string> argv_strings{RUNBACK_EXE};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (err_fd < 0 || null_fd < 0) throw std::runtime_error("cannot open the child's files");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    dup2(err_fd, 2);
    if (limits.max_file_bytes != 0) {
      // A file-size limit is a full disk that even root meets: writes past it fail.
      signal(SIGXFSZ, SIG_IGN);
      rlimit limit{limits.max_file_bytes, limits.max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (limits.uid != 0 && (setgid(limits.uid) != 0 || setuid(limits.uid) != 0)) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  ::close(err_fd);
  ::close(null_fd);
  return {pid, err_path};
}

// The exit status, or 128 + signal.
inline int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace runback::testing

#pragma once
// Runs a program (usually the built `runback`) the way a user would, capturing what it prints.

#include <map>
#include <string>
#include <vector>

namespace runback::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

// Runs `argv` with `env` added to (or replacing entries of) the current environment and `input`
// on standard input. Never goes through a shell.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {},
                          const std::string& input = "");

// Runs the built runback with these arguments.
ProcessResult run_runback(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {},
                          const std::string& input = "");

// A fresh empty directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  // Under `base` (e.g. a memory file system, for tests that commit thousands of times).
  explicit TempDir(const std::string& base);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace runback::testing

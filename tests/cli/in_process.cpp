#include "in_process.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "app.hpp"

namespace runback::testing {

namespace {

// Each command maps its plugins and unmaps them when done, as the binary does once per run; the
// tests run thousands of commands. The shipped plugins are kept mapped for the whole test
// process, so each command's load is a reference count, not a fresh mapping.
void keep_shipped_plugins_mapped() {
  static const bool kept = [] {
    const auto dir = std::filesystem::path(RUNBACK_EXE).parent_path().parent_path() / "plugins";
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".so") dlopen(entry.path().c_str(), RTLD_NOW);
    }
    return true;
  }();
  (void)kept;
}

// CLI11 writes --help, --version and its refusals of a command line to std::cout and std::cerr
// rather than to the context's streams: while a command runs, those go where its output goes.
class Redirect {
 public:
  Redirect(std::ostream& stream, std::ostream& to) : stream_(stream), saved_(stream.rdbuf()) {
    stream_.rdbuf(to.rdbuf());
  }
  ~Redirect() { stream_.rdbuf(saved_); }
  Redirect(const Redirect&) = delete;
  Redirect& operator=(const Redirect&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* saved_;
};

// `log` and `start` ask for missing values when standard input is a terminal, as it is when
// the tests are run by hand: while a command runs, it reads from /dev/null instead.
class NoTerminal {
 public:
  NoTerminal() : saved_(dup(STDIN_FILENO)) {
    const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (saved_ < 0 || null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0) {
      throw std::runtime_error("cannot put /dev/null on standard input");
    }
    close(null_fd);
  }
  ~NoTerminal() {
    dup2(saved_, STDIN_FILENO);
    close(saved_);
  }
  NoTerminal(const NoTerminal&) = delete;
  NoTerminal& operator=(const NoTerminal&) = delete;

 private:
  int saved_;
};

}  // namespace

CommandResult run_in_process(const std::vector<std::string>& args, const FileSystem& fs,
                             const Environment& env, const Clock& clock) {
  keep_shipped_plugins_mapped();
  std::ostringstream out, err;
  cli::Context context{
      .fs = fs, .env = env, .clock = clock, .out = out, .err = err, .executable_path = RUNBACK_EXE};
  std::vector<const char*> argv{"runback"};
  for (const auto& a : args) argv.push_back(a.c_str());
  const Redirect to_out(std::cout, out), to_err(std::cerr, err);
  const NoTerminal no_terminal;
  const int code = cli::run_command_line(int(argv.size()), argv.data(), context);
  return {code, out.str(), err.str()};
}

CommandResult run_command(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env) {
  return run_command(args, env, RealFileSystem());
}

CommandResult run_command(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env, const FileSystem& fs) {
  const MapEnvironment environment(env);
  const FixedClock clock(SystemClock().today());
  return run_in_process(args, fs, environment, clock);
}

std::string scratch_base() {
  std::error_code ec;
  if (std::filesystem::is_directory("/dev/shm", ec)) return "/dev/shm";
  return std::filesystem::temp_directory_path().string();
}

InProcess::InProcess()
    : env_({{"HOME", dir_.path()},
            {"XDG_CONFIG_HOME", dir_.file("config")},
            {"XDG_DATA_HOME", dir_.file("data")}}) {}

CommandResult InProcess::run(const std::vector<std::string>& args) const {
  std::vector<std::string> all{"--db", db_};
  all.insert(all.end(), args.begin(), args.end());
  return run_in_process(all, fs_, env_, clock_);
}

}  // namespace runback::testing

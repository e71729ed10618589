#pragma once
// Runs runback commands in this process, through the same command layer as the binary, with a
// clock the test sets and a fresh database: fast enough for thousands of journeys.

#include <dlfcn.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app.hpp"
#include "io/environment.hpp"
#include "io/file_system.hpp"
#include "support/run_process.hpp"

namespace runback::testing {

class SettableClock final : public Clock {
 public:
  Date today() const override { return today_; }
  void set(Date day) { today_ = day; }

 private:
  Date today_ = make_date(2026, 1, 1);
};

struct CommandResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Each command maps its plugin and unmaps it when done, as the binary does once per run; a
// journey runs thousands of commands. The shipped plugins are kept mapped for the whole test
// process, so each command's load is a reference count, not a fresh mapping.
inline void keep_shipped_plugins_mapped() {
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

class InProcess {
 public:
  InProcess()
      : env_({{"HOME", dir_.path()},
              {"XDG_CONFIG_HOME", dir_.file("config")},
              {"XDG_DATA_HOME", dir_.file("data")}}) {
    keep_shipped_plugins_mapped();
  }

  SettableClock& clock() { return clock_; }
  const std::string& db() const { return db_; }

  // `runback --db DB ARGS...` on the clock's day.
  CommandResult run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    cli::Context context{.fs = fs_,
                         .env = env_,
                         .clock = clock_,
                         .out = out,
                         .err = err,
                         .executable_path = RUNBACK_EXE};
    std::vector<std::string> all{"runback", "--db", db_};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : all) argv.push_back(a.c_str());
    const int code = cli::run_command_line(int(argv.size()), argv.data(), context);
    return {code, out.str(), err.str()};
  }

 private:
  // A database in memory when the machine has one (/dev/shm): SQLite's syncs then cost nothing.
  TempDir dir_{std::filesystem::is_directory("/dev/shm")
                   ? std::string("/dev/shm")
                   : std::filesystem::temp_directory_path().string()};
  std::string db_ = dir_.file("runback.db");
  RealFileSystem fs_;
  MapEnvironment env_;
  SettableClock clock_;
};

}  // namespace runback::testing

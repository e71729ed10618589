#pragma once
// Runs runback commands in this process, through the same command layer as the binary
// (cli::run_command_line), with the seams of a cli::Context: the test's clock and environment,
// and everything the command prints captured. Starting the binary costs far more, above all under
// AddressSanitizer; tests/cli/binary_test.cpp keeps the few checks only a real process can make.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/environment.hpp"
#include "io/file_system.hpp"
#include "support/run_process.hpp"

namespace runback::testing {

class SettableClock final : public Clock {
 public:
  SettableClock() = default;
  explicit SettableClock(Date day) : today_(day) {}
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

// `runback ARGS...` through these seams. With nothing `typed`, its input is not a terminal, as
// for a spawned binary given no input, so no command stops to ask a question; with `typed`
// (lines ending in \n), a person at a terminal types them, in answer to whatever it asks.
CommandResult run_in_process(const std::vector<std::string>& args, const FileSystem& fs,
                             const Environment& env, const Clock& clock,
                             const std::optional<std::string>& typed = std::nullopt);

// `runback ARGS...` on today's date, with the real files and `env` as the whole environment: what
// run_runback does, minus whatever the machine running the tests has set.
CommandResult run_command(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {});
// The same with the files of `fs` (e.g. a FakeFileSystem) instead of the real ones.
CommandResult run_command(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env, const FileSystem& fs);

// Where a test's files go: memory (/dev/shm) when the machine has it, so that SQLite's syncs
// cost nothing; else the system's temporary directory. For `TempDir dir{scratch_base()}`.
std::string scratch_base();

// A runner's machine for many commands (thousands, in the journeys): a fresh home with its own
// config and data, the database on a memory file system when there is one, a clock to set.
class InProcess {
 public:
  InProcess();

  SettableClock& clock() { return clock_; }
  const std::string& db() const { return db_; }

  // `runback --db DB ARGS...` on the clock's day.
  CommandResult run(const std::vector<std::string>& args) const;

 private:
  TempDir dir_{scratch_base()};
  std::string db_ = dir_.file("runback.db");
  RealFileSystem fs_;
  MapEnvironment env_;
  SettableClock clock_;
};

}  // namespace runback::testing

#include "in_process.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <sstream>

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

}  // namespace

CommandResult run_in_process(const std::vector<std::string>& args, const FileSystem& fs,
                             const Environment& env, const Clock& clock,
                             const std::optional<std::string>& typed) {
  keep_shipped_plugins_mapped();
  std::ostringstream out, err;
  std::istringstream in(typed.value_or(""));
  cli::Context context{.fs = fs,
                       .env = env,
                       .clock = clock,
                       .out = out,
                       .err = err,
                       .in = in,
                       .in_is_terminal = typed.has_value(),
                       .executable_path = RUNBACK_EXE};
  std::vector<const char*> argv{"runback"};
  for (const auto& a : args) argv.push_back(a.c_str());
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

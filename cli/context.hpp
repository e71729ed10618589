#pragma once
// What every command gets: the I/O interfaces (real ones in main, fakes in tests) and the global
// options. Commands report their outcome through exit_code (exit_status.hpp) rather than
// exiting themselves.

#include <iosfwd>
#include <string>
#include <vector>

#include "exit_status.hpp"
#include "io/environment.hpp"
#include "io/file_system.hpp"

namespace CLI {
class App;
}

namespace runback::cli {

struct Context {
  const FileSystem& fs;
  const Environment& env;
  const Clock& clock;
  std::ostream& out;             // data
  std::ostream& err;             // diagnostics
  std::istream& in;              // answers to the questions `log` and `start` ask
  bool in_is_terminal = false;   // a person is typing at `in`: only then are questions asked
  bool out_is_terminal = false;  // `out` is a terminal: text fits it, and may be coloured
  int terminal_columns = 0;      // the width of that terminal, when known
  std::string executable_path;   // absolute path of the running binary, for build-tree lookups

  // Global options (set before any command's callback runs).
  std::vector<std::string> protocol_dirs{};  // --protocol-dir, repeatable
  std::vector<std::string> plugin_dirs{};    // --plugin-dir, repeatable
  std::string db_path{};                     // --db
  std::string runner{};                      // --runner

  int exit_code = kExitOk;
};

void register_protocol_commands(CLI::App& app, Context& context);
void register_plugin_commands(CLI::App& app, Context& context);
void register_record_commands(CLI::App& app, Context& context);
void register_plan_commands(CLI::App& app, Context& context);
// `runback __complete`, for the bash completion script (hidden from --help).
void register_complete_command(CLI::App& app, Context& context);

}  // namespace runback::cli

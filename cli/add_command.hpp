#pragma once
// Subcommands whose options are declared only when the command line names them. CLI11 builds
// an object per option; declaring all twenty commands' options before parsing was a third of
// the work of a `runback week` that should take about as long as `sqlite3` counting the same
// logs (docs/performance.md).

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>

#include "format_option.hpp"  // every command declares its --format with add_format_option

namespace runback::cli {

// Adds the subcommand `name` to `parent`. `declare` adds its options, callback and
// subcommands once the command line names it, before its arguments are read, so its parsing,
// errors and --help are what they would be had everything been declared up front. `runback
// --help` lists it with `description`.
inline CLI::App* add_command(CLI::App& parent, const std::string& name,
                             const std::string& description,
                             std::function<void(CLI::App&)> declare) {
  CLI::App* command = parent.add_subcommand(name, description);
  command->preparse_callback(
      [command, declare = std::move(declare), declared = false](std::size_t) mutable {
        if (std::exchange(declared, true)) return;
        declare(*command);
      });
  return command;
}

}  // namespace runback::cli

// `runback start` and `runback program upgrade`.

#include <CLI/CLI.hpp>

#include "record_commands.hpp"
#include "record_output.hpp"

namespace runback::cli {

void register_programme_commands(CLI::App& /*app*/, Context& /*context*/) {
  // TODO(loader): start and program upgrade need protocol/catalog.hpp's find_protocol.
}

}  // namespace runback::cli

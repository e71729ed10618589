#include <CLI/CLI.hpp>

#include "context.hpp"

namespace runback::cli {

void register_record_commands(CLI::App& /*app*/, Context& /*context*/) {}

}  // namespace runback::cli

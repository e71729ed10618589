#pragma once
// Shared by the plan commands (week, status, protocol simulate).

#include "context.hpp"

namespace runback::cli {

void register_simulate_command(CLI::App& protocol, Context& context);
void register_week_commands(CLI::App& app, Context& context);
void register_demo_command(CLI::App& app, Context& context);

}  // namespace runback::cli

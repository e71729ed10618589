#pragma once
// Shared by the plan commands (week, status, protocol simulate).

#include <iosfwd>

#include "context.hpp"
#include "diagnostic/diagnostic.hpp"

namespace runback::cli {

void register_simulate_command(CLI::App& protocol, Context& context);
void register_week_commands(CLI::App& app, Context& context);
void register_demo_command(CLI::App& app, Context& context);
// A diagnostic as the protocol commands print it: FILE:LINE:COLUMN, or the program's own words.
void print_plan_diagnostic(std::ostream& err, const Diagnostic& diagnostic);

}  // namespace runback::cli

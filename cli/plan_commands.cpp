// The plan commands: `runback week`, `runback status`, and `runback protocol simulate` (in
// simulate_command.cpp).
#include "plan_commands.hpp"

#include <CLI/CLI.hpp>
#include <ostream>

#include "context.hpp"

namespace runback::cli {

void print_plan_diagnostic(std::ostream& err, const Diagnostic& d) {
  if (d.where.file.empty()) {
    err << "runback: " << severity_name(d.severity) << ": " << d.message << '\n';
  } else {
    err << format_diagnostic(d) << '\n';
  }
}

void register_plan_commands(CLI::App& app, Context& context) {
  // `protocol simulate` is declared with the other protocol commands.
  register_week_commands(app, context);
  register_demo_command(app, context);
}

}  // namespace runback::cli

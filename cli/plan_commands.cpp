// The plan commands: `runback week`, `runback status`, `runback today`, `runback calendar` (in
// calendar_command.cpp) and `runback protocol simulate` (in simulate_command.cpp).
#include "plan_commands.hpp"

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace runback::cli {

void register_plan_commands(CLI::App& app, Context& context) {
  // `protocol simulate` is declared with the other protocol commands.
  register_week_commands(app, context);
  register_calendar_command(app, context);
  register_today_command(app, context);
  register_demo_command(app, context);
  register_report_command(app, context);
}

}  // namespace runback::cli

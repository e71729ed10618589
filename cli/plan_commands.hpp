#pragma once
// Commands registered from files of their own: the plan commands (week, status, today,
// calendar, protocol simulate), the demo, the visit report and protocol migrate.

#include "context.hpp"

namespace runback::cli {

void register_simulate_command(CLI::App& protocol, Context& context);
void register_migrate_command(CLI::App& protocol, Context& context);
void register_week_commands(CLI::App& app, Context& context);
void register_today_command(CLI::App& app, Context& context);
void register_demo_command(CLI::App& app, Context& context);
void register_report_command(CLI::App& app, Context& context);
void register_calendar_command(CLI::App& app, Context& context);

}  // namespace runback::cli

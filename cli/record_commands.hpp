#pragma once
// The record commands, one family per file, registered together by register_record_commands.

#include "context.hpp"

namespace runback::cli {

void register_log_command(CLI::App& app, Context& context);
void register_clear_command(CLI::App& app, Context& context);
void register_withdraw_command(CLI::App& app, Context& context);
void register_runners_command(CLI::App& app, Context& context);    // the caseload
void register_decisions_command(CLI::App& app, Context& context);  // every decision
void register_start_command(CLI::App& app, Context& context);
void register_programme_commands(CLI::App& app, Context& context);  // program days, upgrade
void register_transfer_commands(CLI::App& app, Context& context);   // export, import
// `program upgrade`'s options and callback (upgrade_command.cpp), declared in `program`.
void declare_upgrade_command(CLI::App& upgrade, Context& context);

}  // namespace runback::cli

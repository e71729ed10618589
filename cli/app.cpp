#include "app.hpp"

#include <CLI/CLI.hpp>

#include "records/runner_name.hpp"
#include "unknown_argument.hpp"

namespace runback::cli {

int run_command_line(int argc, const char* const* argv, Context& context) {
  CLI::App app{
      "runback: a return-to-running planner.\n"
      "Physiotherapists write protocols; runners get their week and log symptoms."};
  app.name("runback");
  app.set_version_flag("--version", std::string("runback ") + RUNBACK_VERSION);
  app.require_subcommand(1);
  // CLI11's own refusals (a value out of range, a missing one) begin as runback's do.
  app.failure_message([](const CLI::App* command, const CLI::Error& e) {
    return "runback: " + CLI::FailureMessage::simple(command, e);
  });
  app.fallthrough();
  app.add_option("--protocol-dir", context.protocol_dirs,
                 "Also look for protocols in DIR (repeatable; searched first)")
      ->type_name("DIR");
  app.add_option("--plugin-dir", context.plugin_dirs,
                 "Also look for plugins in DIR (repeatable; searched first)")
      ->type_name("DIR");
  app.add_option("--db", context.db_path,
                 "The records database (default: $RUNBACK_DB, else "
                 "$XDG_DATA_HOME/runback/runback.db)")
      ->type_name("PATH");
  app.add_option("--runner", context.runner,
                 "Whose records to use (default: the only runner in the database)")
      ->type_name("NAME")
      ->check([](const std::string& name) -> std::string {
        auto problem = runner_name_problem(name);
        return problem ? "the runner name " + *problem : std::string();
      });

  register_protocol_commands(app, context);
  register_plugin_commands(app, context);
  register_record_commands(app, context);
  register_plan_commands(app, context);
  register_complete_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, context.out, context.err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, context.out, context.err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, context.out, context.err);
  } catch (const CLI::ParseError& e) {
    // A command line that cannot be parsed is bad input, as a bad file is. A word it does not
    // know (an extra, or a command missing because its name was mistyped) is named, with the
    // closest one it does.
    const bool unknown_word = dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr ||
                              dynamic_cast<const CLI::RequiredError*>(&e) != nullptr;
    if (auto message = unknown_word ? unknown_argument_message(app) : std::nullopt) {
      fail(context, ErrorKind::bad_input, *message);
      return context.exit_code;
    }
    app.exit(e, context.out, context.err);
    return exit_status(ErrorKind::bad_input);
  }
  return context.exit_code;
}

}  // namespace runback::cli

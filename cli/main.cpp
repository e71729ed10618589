#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "context.hpp"
#include "records/runner_name.hpp"

namespace {

std::string running_executable(const char* argv0) {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) return self.string();
  return std::filesystem::absolute(argv0, ec).string();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace runback;
  RealFileSystem fs;
  RealEnvironment env;
  SystemClock clock;
  cli::Context context{.fs = fs,
                       .env = env,
                       .clock = clock,
                       .out = std::cout,
                       .err = std::cerr,
                       .executable_path = running_executable(argv[0])};

  CLI::App app{
      "runback: a return-to-running planner.\n"
      "Physiotherapists write protocols; runners get their week and log symptoms."};
  app.name("runback");
  app.set_version_flag("--version", std::string("runback ") + RUNBACK_VERSION);
  app.require_subcommand(1);
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

  cli::register_protocol_commands(app, context);
  cli::register_plugin_commands(app, context);
  cli::register_record_commands(app, context);
  cli::register_plan_commands(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Bad command lines share one exit status with bad files: 2.
    app.exit(e);
    return cli::kExitBadInput;
  }
  return context.exit_code;
}

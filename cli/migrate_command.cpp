// `runback protocol migrate FILE`: a format-1 protocol rewritten as format 2, in place (or to
// --output), with its comments and layout kept and its meaning checked unchanged.
#include <CLI/CLI.hpp>

#include "add_command.hpp"
#include "context.hpp"
#include "exit_status.hpp"
#include "file_output.hpp"
#include "plan_commands.hpp"
#include "protocol/format_migration.hpp"
#include "protocol/loader.hpp"
#include "protocol_lookup.hpp"

namespace runback::cli {
namespace {

struct MigrateOptions {
  std::string file;
  std::string output;
};

void run_migrate(Context& context, const MigrateOptions& options) {
  auto text = context.fs.read_file(options.file, kMaxProtocolBytes);
  if (!text) return fail(context, text.error_kind(), text.error());
  FormatMigration migration = migrate_to_format_2(*text, options.file);
  for (const Diagnostic& d : migration.diagnostics) print_diagnostic(context.err, d);
  using Outcome = FormatMigration::Outcome;
  if (migration.outcome == Outcome::invalid || migration.outcome == Outcome::not_rewritable) {
    context.err << options.file << " was not changed.\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  const std::string target = options.output.empty() ? options.file : options.output;
  if (migration.outcome == Outcome::already_format2 && target == options.file) {
    context.out << options.file << " is already format 2; nothing to change.\n";
    return;
  }
  if (target == "-") {
    context.out << migration.text;
    return;
  }
  if (auto written = write_file_atomically(target, migration.text,
                                           options.output.empty() ? "FILE" : "--output");
      !written) {
    return fail(context, ErrorKind::io, written.error());
  }
  context.out << target << ": format 2. The protocol reads exactly as before (checked); the "
              << "format-2 keys are now open to it.\n";
}

}  // namespace

void register_migrate_command(CLI::App& protocol, Context& context) {
  auto options = std::make_shared<MigrateOptions>();
  add_command(protocol, "migrate",
              "Rewrite a format-1 protocol file as format 2, keeping its comments",
              [&context, options](CLI::App& migrate) {
                migrate.add_option("file", options->file, "The protocol YAML file")
                    ->required()
                    ->type_name("FILE");
                migrate
                    .add_option("-o,--output", options->output,
                                "Write the result here instead of over FILE ('-': standard "
                                "output)")
                    ->type_name("FILE");
                migrate.callback([&context, options] { run_migrate(context, *options); });
              });
}

}  // namespace runback::cli

// `runback protocol list | show | lint` (simulate and migrate have files of their own).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "add_command.hpp"
#include "context.hpp"
#include "diagnostic/diagnostic_json.hpp"
#include "extension/lint.hpp"
#include "plan_commands.hpp"
#include "plugin_host_for.hpp"
#include "protocol/catalog.hpp"
#include "protocol/protocol_json.hpp"
#include "protocol_lookup.hpp"
#include "protocol_show.hpp"
#include "text_table.hpp"

namespace runback::cli {
namespace {

struct Options {
  std::string format;
  std::string id_or_file;
  std::vector<std::string> files;
};

// Whether `path` names a file directly inside `dir` (as the catalog builds its paths).
bool directly_in(const std::string& path, std::string dir) {
  if (dir.empty() || dir.back() != '/') dir += '/';
  return path.size() > dir.size() && path.starts_with(dir) &&
         path.find('/', dir.size()) == std::string::npos;
}

void run_list(Context& context, const Options& options) {
  const auto dirs = protocol_dirs_for(context);
  const auto entries = list_protocols(context.fs, dirs);
  if (options.format == "json") {
    nlohmann::json protocols = nlohmann::json::array();
    for (const auto& e : entries) {
      protocols.push_back({{"id", e.id},
                           {"title", e.title},
                           {"version", e.version},
                           {"path", e.path},
                           {"origin", e.origin},
                           {"valid", e.valid},
                           {"shadows", e.shadows}});
    }
    nlohmann::json searched = nlohmann::json::array();
    for (const auto& d : dirs) searched.push_back({{"path", d.path}, {"origin", d.origin}});
    context.out << nlohmann::json{{"schema", "runback.protocol-list/1"},
                                  {"protocols", protocols},
                                  {"searched", searched}}
                       .dump(2)
                << '\n';
    return;
  }
  if (entries.empty()) {
    context.out << "No protocols found. runback looked in:\n";
    for (const auto& d : dirs) context.out << "  " << d.path << " (" << d.origin << ")\n";
    context.out << "Add a directory with --protocol-dir DIR.\n";
    return;
  }
  // Grouped by directory, in search order, so each path is printed once.
  for (const auto& dir : dirs) {
    std::vector<const CatalogEntry*> here;
    for (const auto& e : entries) {
      if (directly_in(e.path, dir.path)) here.push_back(&e);
    }
    if (here.empty()) continue;
    context.out << dir.path << " (" << dir.origin << ")\n";
    TextTable table({"  ID", "VERSION", "FILE", "TITLE"});
    for (const CatalogEntry* e : here) {
      const std::string file = e->path.substr(e->path.find_last_of('/') + 1);
      if (e->valid) {
        table.add_row({"  " + e->id, e->version, file, e->title});
      } else {
        table.add_row({"  " + e->id, "-", file,
                       "has errors; 'runback protocol lint " + e->path + "' shows them"});
      }
    }
    table.print(context.out);
    context.out << '\n';
  }
  for (const auto& e : entries) {
    for (const auto& shadowed : e.shadows) {
      context.out << "note: " << shadowed << " also has the id '" << e.id << "' and is not used; "
                  << e.path << " comes first\n";
    }
  }
}

void run_show(Context& context, const Options& options) {
  LoadResult result = find_protocol(context.fs, protocol_dirs_for(context), options.id_or_file);
  for (const auto& d : result.diagnostics) print_diagnostic(context.err, d);
  if (!result.protocol) {
    if (result.diagnostics.size() > 0 && !result.diagnostics.front().where.file.empty()) {
      context.err << "runback: " << options.id_or_file
                  << " has errors; fix them before it can be shown\n";
    }
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  if (options.format == "json") {
    context.out << nlohmann::json{{"schema", "runback.protocol/1"},
                                  {"protocol", protocol_to_json(*result.protocol)}}
                       .dump(2)
                << '\n';
    return;
  }
  print_protocol(context.out, *result.protocol);
}

void run_lint(Context& context, const Options& options) {
  // A protocol's plugin parameters are checked by the plugin itself. The host loads plugins only
  // when a protocol names one.
  const PluginHost plugins = plugin_host_for(context);
  const ExtensionCatalog* extensions = &plugins;
  nlohmann::json files = nlohmann::json::array();
  int valid = 0, invalid = 0, errors = 0, warnings = 0;
  for (const auto& path : options.files) {
    LoadResult result = load_protocol_file(context.fs, path);
    if (result.protocol) {
      for (auto& d : lint_protocol(*result.protocol, extensions)) {
        result.diagnostics.push_back(std::move(d));
      }
    }
    const bool ok = !has_errors(result.diagnostics);
    ok ? ++valid : ++invalid;
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const auto& d : result.diagnostics) {
      (d.severity == Severity::error ? errors : warnings) += 1;
      if (options.format == "json") {
        diagnostics.push_back(diagnostic_to_json(d));
      } else {
        print_diagnostic(context.err, d);
      }
    }
    files.push_back({{"path", path}, {"valid", ok}, {"diagnostics", diagnostics}});
  }
  auto count = [](int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string summary = count(int(options.files.size()), "file", "files") +
                        " checked: " + std::to_string(valid) + " valid";
  if (invalid > 0) summary += ", " + std::to_string(invalid) + " with errors";
  if (errors > 0 || warnings > 0) {
    summary += " (" + count(errors, "error", "errors") + ", " +
               count(warnings, "warning", "warnings") + ")";
  }
  if (options.format == "json") {
    context.out << nlohmann::json{{"schema", "runback.lint/1"},
                                  {"files", files},
                                  {"summary",
                                   {{"files", options.files.size()},
                                    {"valid", valid},
                                    {"invalid", invalid},
                                    {"errors", errors},
                                    {"warnings", warnings}}},
                                  {"text", summary}}
                       .dump(2)
                << '\n';
  } else {
    (invalid > 0 ? context.err : context.out) << summary << '\n';
  }
  if (invalid > 0) context.exit_code = exit_status(ErrorKind::bad_input);
}

void declare_protocol(CLI::App& protocol, Context& context) {
  auto options = std::make_shared<Options>();
  protocol.require_subcommand(1);

  add_command(protocol, "list", "List the protocols runback can find",
              [&context, options](CLI::App& list) {
                add_format_option(list, options->format, {Format::text, Format::json});
                list.callback([&context, options] { run_list(context, *options); });
              });

  add_command(protocol, "show", "Show a protocol in plain words",
              [&context, options](CLI::App& show) {
                show.add_option("protocol", options->id_or_file,
                                "A protocol id, or the path of a YAML file")
                    ->required()
                    ->type_name("ID|FILE");
                add_format_option(show, options->format, {Format::text, Format::json});
                show.callback([&context, options] { run_show(context, *options); });
              });

  add_command(protocol, "lint",
              "Check protocol files; exit status 2 and FILE:LINE:COLUMN diagnostics if not valid",
              [&context, options](CLI::App& lint) {
                lint.add_option("files", options->files, "Protocol YAML files")
                    ->required()
                    ->type_name("FILE");
                add_format_option(lint, options->format, {Format::text, Format::json});
                lint.callback([&context, options] { run_lint(context, *options); });
              });

  register_simulate_command(protocol, context);
  register_migrate_command(protocol, context);
}

}  // namespace

void register_protocol_commands(CLI::App& app, Context& context) {
  add_command(app, "protocol", "List, show, check and simulate protocols",
              [&context](CLI::App& protocol) { declare_protocol(protocol, context); });
}

}  // namespace runback::cli

// `runback export --csv FILE` and `runback import --csv FILE`: every record out to one RFC 4180
// file and back in, exactly. Import is all or nothing.

#include <CLI/CLI.hpp>
#include <filesystem>

#include "add_command.hpp"
#include "file_output.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "store/records_csv.hpp"

namespace runback::cli {

namespace {

void run_export(Context& context, const std::string& file, const std::string& format) {
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  std::int64_t runner_id = 0;
  if (!context.runner.empty()) {
    auto runner = resolve_runner(context, *store);
    if (!runner) return;
    runner_id = runner->id;
  }
  std::string csv;
  if (auto done = export_records_csv(*store, runner_id, csv); !done) {
    return fail(context, ErrorKind::io, done.error());
  }
  const std::size_t records = std::size_t(std::count(csv.begin(), csv.end(), '\n'));
  if (file == "-") {
    context.out << csv;
    return;
  }
  if (auto done = write_file_atomically(file, csv, "--csv"); !done) {
    return fail(context, ErrorKind::bad_input, done.error());
  }
  if (format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.export/1";
    doc["file"] = file;
    doc["bytes"] = csv.size();
    context.out << doc.dump(2) << "\n";
    return;
  }
  (void)records;
  context.out << "Exported the records of " << store->path() << " to " << file << ".\n";
}

void run_import(Context& context, const std::string& file, const std::string& format) {
  // A 1,000,000-row file is about 60 MB; 2 GB is far beyond any real caseload.
  auto text = context.fs.read_file(file, std::size_t{2} << 30);
  if (!text) return fail(context, ErrorKind::bad_input, "--csv: " + text.error());
  auto path = resolve_db_path(context.env, context.db_path);
  if (!path) return fail(context, ErrorKind::bad_input, path.error());
  std::error_code ec;
  const bool existed = std::filesystem::exists(*path, ec);
  auto store = open_store(context, OpenMode::create_if_missing);
  if (!store) return;
  auto report = import_records_csv(*store, *text, context.clock.today());
  if (!report || !report->errors.empty()) {
    // A database made for this import goes again, so a failed import leaves no trace.
    store.reset();
    if (!existed) {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(*path + suffix, ec);
      }
    }
  }
  if (!report) return fail(context, ErrorKind::io, report.error());
  if (!report->errors.empty()) {
    for (const auto& error : report->errors) {
      context.err << file << ":" << error.line << ": error: " << error.message << "\n";
    }
    context.err << "runback: nothing was imported; fix the lines above and try again\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  if (format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.import/1";
    doc["file"] = file;
    doc["runners"] = report->runners;
    doc["programmes"] = report->programmes;
    doc["logs"] = report->logs;
    doc["clearances"] = report->clearances;
    doc["audit_entries"] = report->audit_entries;
    context.out << doc.dump(2) << "\n";
    return;
  }
  context.out << "Imported " << report->runners << " runner(s), " << report->programmes
              << " programme(s), " << report->logs << " log(s), " << report->clearances
              << " clearance(s) and " << report->audit_entries << " audit entr"
              << (report->audit_entries == 1 ? "y" : "ies") << " into " << store->path() << ".\n";
}

}  // namespace

void register_transfer_commands(CLI::App& app, Context& context) {
  struct Options {
    std::string file, format;
  };
  add_command(app, "export", "Write every record (or one runner's, with --runner) to a CSV file",
              [&context](CLI::App& export_command) {
                auto options = std::make_shared<Options>();
                export_command
                    .add_option("--csv", options->file, "The file to write (- for stdout)")
                    ->type_name("FILE")
                    ->required();
                add_format_option(export_command, options->format, {Format::text, Format::json});
                export_command.callback(
                    [&context, options] { run_export(context, options->file, options->format); });
              });

  add_command(app, "import",
              "Add the records of a CSV file made by `runback export` (all or nothing)",
              [&context](CLI::App& import_command) {
                auto options = std::make_shared<Options>();
                import_command.add_option("--csv", options->file, "The file to read")
                    ->type_name("FILE")
                    ->required();
                add_format_option(import_command, options->format, {Format::text, Format::json});
                import_command.callback(
                    [&context, options] { run_import(context, options->file, options->format); });
              });
}

}  // namespace runback::cli

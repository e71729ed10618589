// `runback __complete runners|protocols`: the names bash completion offers after --runner and
// --protocol, one per line (cli/completion/runback.bash). Hidden from --help: it is for the
// completion script, not for people. It never fails loudly: a completion that cannot find the
// records offers nothing rather than printing an error into the runner's prompt.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "protocol/catalog.hpp"
#include "protocol_lookup.hpp"
#include "store/store.hpp"

namespace runback::cli {
namespace {

void print_runners(Context& context) {
  auto path = resolve_db_path(context.env, context.db_path);
  if (!path) return;
  auto store = Store::open(*path, OpenMode::existing_only);
  if (!store) return;
  auto runners = store->runners();
  if (!runners) return;
  for (const auto& runner : *runners) context.out << runner.name << '\n';
}

void print_protocols(Context& context) {
  for (const auto& entry : list_protocols(context.fs, protocol_dirs_for(context))) {
    context.out << entry.id << '\n';
  }
}

}  // namespace

void register_complete_command(CLI::App& app, Context& context) {
  CLI::App* complete = app.add_subcommand("__complete", "Names for bash completion");
  complete->group("");  // hidden from --help
  auto what = std::make_shared<std::string>();
  complete->add_option("WHAT", *what, "runners or protocols")
      ->required()
      ->check(CLI::IsMember({"runners", "protocols"}));
  complete->callback([&context, what] {
    if (*what == "runners") print_runners(context);
    if (*what == "protocols") print_protocols(context);
  });
}

}  // namespace runback::cli

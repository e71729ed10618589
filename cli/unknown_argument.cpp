#include "unknown_argument.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <vector>

#include "util/suggest.hpp"

namespace runback::cli {
namespace {

// As CLI11 ends its own refusals, so that every refused command line ends alike.
constexpr const char* kMoreHelp = "\nRun with --help for more information.";

// The subcommand the command line reached: `runback protocol show ...` reaches `show`.
const CLI::App* reached(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  return at;
}

std::string command_words(const CLI::App* command) {
  std::string words;
  for (const CLI::App* at = command; at != nullptr; at = at->get_parent()) {
    words = at->get_name() + (words.empty() ? "" : " " + words);
  }
  return words;
}

// The long options `command` takes, its parents' too (they fall through to it).
std::vector<std::string> option_names(const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* at = command; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option* option : at->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    }
  }
  return names;
}

std::vector<std::string> subcommand_names(const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// What a command takes by position, given as an option (`log --date DAY`, `program days --days
// mon,wed,fri`, `protocol show --protocol ID`): the command says where it goes, rather than
// suggesting an option that merely looks alike. `--file` finds `files` too.
std::string positional_hint(const CLI::App* command, const std::string& option) {
  const std::string name = lower(option.substr(2));
  const std::string words = command_words(command);
  for (const CLI::Option* positional : command->get_options()) {
    if (!positional->get_positional()) continue;
    const std::string takes = lower(positional->get_name());
    if (takes != name && takes != name + "s") continue;
    if (takes == "date") return ": give the day (YYYY-MM-DD) straight after `" + words + "`";
    std::string hint = ": give the " + takes + " straight after `" + words + "`";
    const std::string& description = positional->get_description();
    if (const auto example = description.find("e.g. "); example != std::string::npos) {
      hint += ", e.g. `" + words + " " + description.substr(example + 5) + "`";
    }
    return hint;
  }
  return "";
}

// `--date` is how `week`, `status` and `today` take a day; a command that takes a span of days,
// or a first day, says how.
std::string date_hint(const CLI::App* command) {
  bool from = false;
  for (const CLI::Option* option : command->get_options()) {
    if (option->check_lname("to")) {
      return ": it takes its days as --from DATE and --to DATE (the last day)";
    }
    from = from || option->check_lname("from");
  }
  return from ? ": it takes its first day as --from DATE" : "";
}

// runback's options are long, but hands type the short ones of other tools (`-o FILE`,
// `-f json`): the long options that begin with the letter, one or a few.
std::string short_option_hint(const CLI::App* command, const std::string& option) {
  if (option.size() != 2 || option[1] == '-') return "";
  std::vector<std::string> matches;
  for (const std::string& name : option_names(command)) {
    if (name.size() > 2 && name[2] == option[1] && name != "--help") matches.push_back(name);
  }
  if (matches.empty() || matches.size() > 3) return "";
  std::string hint = " (runback's options are long: did you mean ";
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (i > 0) hint += i + 1 == matches.size() ? " or " : ", ";
    hint += "'" + matches[i] + "'";
  }
  return hint + "?)";
}

}  // namespace

std::optional<std::string> unknown_argument_message(const CLI::App& app) {
  const CLI::App* command = reached(app);
  std::vector<std::string> extras = command->remaining();
  if (extras.empty()) extras = app.remaining();
  if (extras.empty()) return std::nullopt;
  const std::string& word = extras.front();
  const std::string words = command_words(command);
  if (word.size() > 1 && word[0] == '-') {
    const std::string name = word.substr(0, word.find('='));
    std::string hint = positional_hint(command, name);
    if (hint.empty() && name == "--date") hint = date_hint(command);
    if (hint.empty()) hint = short_option_hint(command, name);
    if (!hint.empty()) return "`" + words + "` has no option " + name + hint + kMoreHelp;
    return "`" + words + "` has no option " + name + did_you_mean(name, option_names(command)) +
           kMoreHelp;
  }
  const std::vector<std::string> subcommands = subcommand_names(command);
  if (!subcommands.empty() && command->get_subcommands().empty()) {
    return "`" + words + "` has no command '" + word + "'" + did_you_mean(word, subcommands) +
           kMoreHelp;
  }
  // `export plan.csv` for `export --csv plan.csv`: the one required option not given takes it.
  const CLI::Option* wanted = nullptr;
  int missing = 0;
  for (const CLI::Option* option : command->get_options()) {
    if (option->get_required() && option->count() == 0 && !option->get_positional()) {
      wanted = option;
      ++missing;
    }
  }
  if (missing == 1 && wanted->get_type_size() != 0) {
    return "`" + words + "` did not expect '" + word + "' there: give it as `" + words + " " +
           wanted->get_name() + " " + word + "`" + kMoreHelp;
  }
  return "`" + words + "` did not expect '" + word + "'" + kMoreHelp;
}

}  // namespace runback::cli

#include "start_choices.hpp"

#include <algorithm>

#include "protocol/amount.hpp"
#include "util/suggest.hpp"

namespace runback::cli {
namespace {

// "2mi": an amount as typed on a command line, without the space.
std::string flag_amount(const Amount& amount) {
  std::string text = format_amount(amount);
  std::erase(text, ' ');
  return text;
}

std::string goal_range(const Goal& goal) {
  return std::string(goal.unit == Amount::Kind::distance ? "a distance" : "a time") + " from " +
         format_amount(goal.min) + " to " + format_amount(goal.max) + " (e.g. --goal " +
         flag_amount(goal.default_goal) + ")";
}

std::string option_list(const Protocol& protocol) {
  std::string out;
  for (const auto& option : protocol.options) out += (out.empty() ? "" : ", ") + option.id;
  return out;
}

}  // namespace

std::vector<std::string> read_start_choices(const Protocol& protocol, const std::string& goal,
                                            const std::string& option, Programme& programme) {
  std::vector<std::string> errors;
  if (!goal.empty()) {
    if (!protocol.goal) {
      errors.push_back("--goal: " + protocol.id + " sets no goal, so it takes no --goal");
    } else {
      const Goal& range = *protocol.goal;
      auto amount = parse_amount(goal, range.unit);
      if (!amount) {
        errors.push_back("--goal: '" + goal + "' is not " + goal_range(range) + ": " +
                         amount.error());
      } else if (amount->value < range.min.value - 1e-6 || amount->value > range.max.value + 1e-6) {
        errors.push_back("--goal: " + format_amount(*amount) + " is outside " + protocol.id +
                         "'s goals: give " + goal_range(range));
      } else {
        programme.goal = *amount;
      }
    }
  }
  if (!option.empty()) {
    std::vector<std::string> ids;
    for (const auto& o : protocol.options) ids.push_back(o.id);
    if (ids.empty()) {
      errors.push_back("--option: " + protocol.id + " offers no options, so it takes no --option");
    } else if (std::find(ids.begin(), ids.end(), option) == ids.end()) {
      errors.push_back("--option: '" + option + "' is not one of " + protocol.id + "'s options" +
                       did_you_mean(option, ids) + " (options: " + option_list(protocol) + ")");
    } else {
      programme.option = option;
    }
  }
  return errors;
}

std::string start_choices_text(const Protocol& personal, const Programme& programme) {
  std::string out;
  if (personal.runner_goal) {
    out += "Your goal: " + format_amount(*personal.runner_goal) +
           (programme.goal ? "" : " (the protocol's default; choose yours with --goal)") + ".\n";
  }
  if (!personal.runner_option.empty()) {
    std::string name = personal.runner_option;
    for (const auto& option : personal.options) {
      if (option.id == personal.runner_option) name = option.name;
    }
    out += "Your option: " + name +
           (programme.option.empty()
                ? " (the first of " + option_list(personal) + "; choose with --option)"
                : "") +
           ".\n";
  }
  return out;
}

}  // namespace runback::cli

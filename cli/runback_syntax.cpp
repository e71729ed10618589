#include "runback_syntax.hpp"

namespace runback::cli {
namespace {

// The option of `runback log` (log_command.cpp) that takes a value, with a placeholder for it.
std::string log_flag(const LogField& field) {
  switch (field.value) {
    case LogValue::pain_warmup:
      return "--pain-warmup N";
    case LogValue::pain_during:
      return "--pain-during N";
    case LogValue::pain_after:
      return "--pain-after N";
    case LogValue::pain_next_morning:
      return "--pain-morning N";
    case LogValue::stiffness:
      return "--stiffness-min N";
    case LogValue::answer:
      if (!field.choices.empty()) {
        std::string choices;
        for (const auto& choice : field.choices) choices += (choices.empty() ? "" : "/") + choice;
        return "--answer " + field.answer_key + "=" + choices;
      }
      return "--answer " + field.answer_key + (field.yes_no ? "=yes" : "=N");
  }
  return "";
}

}  // namespace

std::string RunbackSyntax::log_reminder(const Reminder& reminder) const {
  std::string out = "runback log " + format_date(reminder.session_date);
  for (const LogField& field : reminder.fields) out += " " + log_flag(field);
  return out;
}

std::string RunbackSyntax::log_run() const {
  return "runback log DATE --pain-during N";
}

std::string RunbackSyntax::log_red_flag() const {
  return "runback log --red-flag NAME";
}

std::string RunbackSyntax::log_option(LogOption option) const {
  switch (option) {
    case LogOption::partial:
      return "--session partial";
    case LogOption::skipped:
      return "--session skipped";
    case LogOption::limp:
      return "--limp";
    case LogOption::swelling:
      return "--swelling";
  }
  return "";
}

std::string RunbackSyntax::record_clearance() const {
  return "runback clear --by \"NAME\" --date DATE";
}

std::string RunbackSyntax::show_status() const {
  return "runback status";
}

std::string RunbackSyntax::json_option() const {
  return "--format json";
}

const CommandSyntax& runback_syntax() {
  static const RunbackSyntax syntax;
  return syntax;
}

}  // namespace runback::cli

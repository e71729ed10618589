#include "log_prompt.hpp"

#include <algorithm>
#include <charconv>
#include <istream>
#include <ostream>

#include "protocol/describe.hpp"

namespace runback::cli {

namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::string lower(std::string text) {
  for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Asks until `accept` takes the answer or it is empty. False at the end of input.
template <class Accept>
bool ask(std::istream& in, std::ostream& out, const std::string& question, const std::string& help,
         Accept accept) {
  for (;;) {
    out << question << " " << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      out << "\n";
      return false;
    }
    line = trim(line);
    if (line.empty() || accept(line)) return true;
    out << "  " << help << "\n";
  }
}

std::string capitalise_first(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

std::optional<bool> parse_yes_no(const std::string& text) {
  const std::string answer = lower(trim(text));
  if (answer == "y" || answer == "yes" || answer == "true" || answer == "1") return true;
  if (answer == "n" || answer == "no" || answer == "false" || answer == "0") return false;
  return std::nullopt;
}

std::optional<int> parse_score(const std::string& text, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> parse_answer(const LogField& field, const std::string& text) {
  if (field.yes_no) {
    const auto yes = parse_yes_no(text);
    if (!yes) return std::nullopt;
    return std::string(*yes ? "yes" : "no");
  }
  if (!field.choices.empty()) {
    // Stored as the plugin spelt it, whatever case the runner typed.
    const std::string typed = lower(trim(text));
    for (const std::string& choice : field.choices) {
      if (lower(choice) == typed) return choice;
    }
    return std::nullopt;
  }
  const std::string number = trim(text);
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
      value < field.min || value > field.max) {
    return std::nullopt;
  }
  return number;
}

std::string answer_scale(const LogField& field) {
  if (field.yes_no) return "yes or no (also y/n, true/false, 1/0)";
  if (!field.choices.empty()) {
    std::string list;
    for (std::size_t i = 0; i < field.choices.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == field.choices.size() ? " or " : ", ") + field.choices[i];
    }
    return "one of " + list;
  }
  auto whole = [](double v) {
    std::string text = std::to_string(v);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  };
  return "a number from " + whole(field.min) + " to " + whole(field.max);
}

void ask_missing_values(std::istream& in, std::ostream& out, const PromptPlan& plan) {
  const std::string skip = ", or press Enter to skip.";
  const std::string yes_no_help = "Please answer y or n" + skip;
  out << "Logging for " << plan.session_day << ". Press Enter to skip a question.\n";
  LogRow* s = plan.session_row;
  const LogRow* done = plan.session_recorded;
  auto missing = [&](auto member) { return !(s->*member) && !(done && done->*member); };

  if (s && missing(&LogRow::session)) {
    if (!ask(in, out, "Did you run (done, partial, skipped)?",
             "Please answer done, partial or skipped, or press Enter if no run was planned.",
             [&](const std::string& a) {
               return bool(s->session = value_named(lower(a), kSessionOutcomeNames));
             })) {
      return;
    }
  }
  // One question per value the checkpoint waits for, in the order the plan lists them.
  auto ask_field = [&](const LogField& field, LogRow* row, const LogRow* recorded,
                       const std::string& when) {
    if (!row) return true;
    std::optional<int> LogRow::*score = nullptr;
    int max = 10;
    switch (field.value) {
      case LogValue::pain_warmup:
        score = &LogRow::pain_warmup;
        break;
      case LogValue::pain_during:
        score = &LogRow::pain_during;
        break;
      case LogValue::pain_after:
        score = &LogRow::pain_after;
        break;
      case LogValue::pain_next_morning:
        score = &LogRow::pain_next_morning;
        break;
      case LogValue::stiffness:
        score = &LogRow::stiffness_minutes;
        max = kMaxStiffnessMinutes;
        break;
      case LogValue::answer:
        break;
    }
    std::string question = capitalise_first(field.what);
    if (question.find('?') == std::string::npos) question += when + "?";
    if (score) {
      if (row->*score || (recorded && recorded->*score)) return true;
      return ask(in, out, question,
                 max == 10 ? "Please give a whole number from 0 (no pain) to 10 (worst "
                             "imaginable)" +
                                 skip
                           : "Please give a whole number of minutes from 0 to " +
                                 std::to_string(max) + skip,
                 [&](const std::string& a) { return bool(row->*score = parse_score(a, max)); });
    }
    if (row->answers.count(field.answer_key) ||
        (recorded && recorded->answers.count(field.answer_key))) {
      return true;
    }
    std::string choices;
    for (const auto& choice : field.choices) choices += (choices.empty() ? "" : "/") + choice;
    std::string hint = field.yes_no ? " (y/n)" : choices.empty() ? "" : " (" + choices + ")";
    // A plugin's text may already say how to answer ("... without pain? (yes/no)").
    if (field.yes_no && (question.ends_with("(yes/no)") || question.ends_with("(y/n)"))) hint = "";
    return ask(in, out, question + hint, "Please give " + answer_scale(field) + skip,
               [&](const std::string& a) {
                 auto answer = parse_answer(field, a);
                 if (answer) row->answers[field.answer_key] = *answer;
                 return answer.has_value();
               });
  };
  // Questions about a run follow a run: one said or logged (a pain score says so too). Enter
  // at "Did you run" is "no run was planned", and a morning after a rest day has no run to
  // follow.
  auto run_in = [](const LogRow* row) {
    const auto session = row ? implied_session(*row) : std::nullopt;
    return session && *session != SessionOutcome::skipped;
  };
  const bool ran =
      s && (s->session ? *s->session != SessionOutcome::skipped : run_in(s) || run_in(done));
  if (ran) {
    for (const LogField& field : plan.session_fields) {
      if (!ask_field(field, s, done, "")) return;
    }
  }
  const bool morning_after_run =
      plan.morning_row == plan.session_row ? ran : run_in(plan.morning_recorded);
  for (const LogField& field : plan.morning_fields) {
    if (!morning_after_run) break;
    if (!ask_field(field, plan.morning_row, plan.morning_recorded,
                   field.value == LogValue::answer ? "" : ", after " + plan.morning_day)) {
      return;
    }
  }
  if (!s) return;
  for (const auto& [field, question] :
       {std::pair{&LogRow::swelling, "Any swelling at the sore spot (y/n)?"},
        std::pair{&LogRow::limp, "Any limp, or a change in the way you walk or run (y/n)?"}}) {
    auto member = field;  // a lambda cannot capture a structured binding in C++20
    if (!missing(member)) continue;
    if (!ask(in, out, question, yes_no_help,
             [&](const std::string& a) { return bool(s->*member = parse_yes_no(a)); })) {
      return;
    }
  }
  if (!plan.red_flags.empty()) {
    out << "Red flags: stop running and see a clinician if any of these is true.\n";
    for (std::size_t i = 0; i < plan.red_flags.size(); ++i) {
      out << "  " << i + 1 << ". " << plan.red_flags[i].text << " (" << plan.red_flags[i].id
          << ")\n";
    }
    const bool more =
        ask(in, out, "Any of these? (numbers, e.g. 1 3; Enter for none)",
            "Please give the numbers from the list, separated by spaces, or press Enter for none.",
            [&](const std::string& a) {
              std::vector<std::string> chosen;
              std::string token;
              std::string text = a + " ";
              for (char c : text) {
                if (c != ' ' && c != ',') {
                  token += c;
                  continue;
                }
                if (token.empty()) continue;
                std::string id;
                if (auto number = parse_score(token, int(plan.red_flags.size()));
                    number && *number > 0) {
                  id = plan.red_flags[std::size_t(*number - 1)].id;
                } else {
                  for (const auto& flag : plan.red_flags) {
                    if (flag.id == token) id = flag.id;
                  }
                }
                if (id.empty()) return false;
                if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
                  chosen.push_back(id);
                token.clear();
              }
              for (auto& id : chosen) {
                if (std::find(s->red_flags.begin(), s->red_flags.end(), id) == s->red_flags.end()) {
                  s->red_flags.push_back(id);
                }
              }
              return true;
            });
    if (!more) return;
  }
  if (!s->note && !(done && done->note)) {
    std::string note;
    out << "Anything else to note? " << std::flush;
    if (std::getline(in, note)) {
      if (!note.empty() && note.back() == '\r') note.pop_back();
      if (!trim(note).empty()) s->note = note;
    } else {
      out << "\n";
    }
  }
}

}  // namespace runback::cli

#include "log_prompt.hpp"

#include <algorithm>
#include <charconv>
#include <istream>
#include <ostream>

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

std::optional<bool> parse_yes_no(const std::string& text) {
  const std::string answer = lower(text);
  if (answer == "y" || answer == "yes") return true;
  if (answer == "n" || answer == "no") return false;
  return std::nullopt;
}

}  // namespace

std::optional<int> parse_score(const std::string& text, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
    return std::nullopt;
  }
  return value;
}

void ask_missing_values(std::istream& in, std::ostream& out, const PromptPlan& plan) {
  const std::string pain_help =
      "Please give a whole number from 0 (no pain) to 10 (worst imaginable), or press Enter to "
      "skip.";
  const std::string yes_no_help = "Please answer y or n, or press Enter to skip.";
  out << "Logging for " << plan.session_day << ". Press Enter to skip a question.\n";
  LogRow* s = plan.session_row;
  const LogRow* done = plan.session_recorded;
  auto missing = [&](auto member) { return !(s->*member) && !(done && done->*member); };

  if (s && missing(&LogRow::session)) {
    if (!ask(in, out, "Session (done, partial, skipped)?",
             "Please answer done, partial or skipped, or press Enter if you did not run.",
             [&](const std::string& a) { return bool(s->session = parse_session(lower(a))); })) {
      return;
    }
  }
  const bool ran = !(s && s->session == SessionOutcome::skipped);
  auto ask_pain = [&](std::optional<int> LogRow::*member, LogRow* row, const LogRow* recorded,
                      const std::string& question) {
    if (!row || row->*member || (recorded && recorded->*member)) return true;
    return ask(in, out, question, pain_help,
               [&](const std::string& a) { return bool(row->*member = parse_score(a, 10)); });
  };
  if (ran) {
    if (!ask_pain(&LogRow::pain_during, s, done, "Pain during the run (0-10)?")) return;
    if (!ask_pain(&LogRow::pain_after, s, done, "Pain after the run (0-10)?")) return;
  }
  if (!ask_pain(&LogRow::pain_next_morning, plan.morning_row, plan.morning_recorded,
                "Pain this morning, after " + plan.morning_day + " (0-10)?")) {
    return;
  }
  LogRow* m = plan.morning_row;
  if (m && !m->stiffness_minutes &&
      !(plan.morning_recorded && plan.morning_recorded->stiffness_minutes)) {
    if (!ask(in, out, "Morning stiffness, in minutes?",
             "Please give a number of minutes from 0 to 1440, or press Enter to skip.",
             [&](const std::string& a) {
               return bool(m->stiffness_minutes = parse_score(a, kMaxStiffnessMinutes));
             })) {
      return;
    }
  }
  if (!s) return;
  for (const auto& [field, question] : {std::pair{&LogRow::swelling, "Any swelling (y/n)?"},
                                        std::pair{&LogRow::limp, "Any limp (y/n)?"}}) {
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

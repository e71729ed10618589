#include "plan/symptom_script.hpp"

#include <charconv>

#include "util/suggest.hpp"

namespace runback {
namespace {

const std::vector<std::string> kKeys = {"warmup",    "during",  "after",  "morning",
                                        "stiffness", "flag",    "answer", "done",
                                        "partial",   "skipped", "limp",   "swelling"};

}  // namespace

SymptomScript parse_symptom_script(std::string_view text, const std::string& display_path) {
  SymptomScript script;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;

    auto fail = [&](std::size_t column, const std::string& message) {
      script.diagnostics.push_back(
          {Severity::error, {display_path, line_number, int(column) + 1}, "", message});
    };
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') {
      if (end == text.size()) break;
      continue;
    }
    DayLog log;
    log.session = SessionOutcome::done;
    std::size_t pos = first;
    while (pos < line.size()) {
      const std::size_t word_end = std::min(line.find_first_of(" \t\r", pos), line.size());
      const std::string_view word = line.substr(pos, word_end - pos);
      const std::size_t column = pos;
      pos = line.find_first_not_of(" \t\r", word_end);
      if (pos == std::string_view::npos) pos = line.size();

      const std::size_t equals = word.find('=');
      const std::string key(word.substr(0, equals));
      if (equals == std::string_view::npos) {
        if (key == "done")
          log.session = SessionOutcome::done;
        else if (key == "partial")
          log.session = SessionOutcome::partial;
        else if (key == "skipped")
          log.session = SessionOutcome::skipped;
        else if (key == "limp")
          log.limp = true;
        else if (key == "swelling")
          log.swelling = true;
        else
          fail(column, "unknown word '" + key + "'" + did_you_mean(key, kKeys) +
                           "; expected KEY=VALUE or one of done, partial, skipped, limp, "
                           "swelling");
        continue;
      }
      const std::string value(word.substr(equals + 1));
      if (key == "flag") {
        if (value.empty())
          fail(column, "flag= needs a red flag id, e.g. flag=night-pain");
        else
          log.red_flags.push_back(value);
        continue;
      }
      if (key.rfind("answer.", 0) == 0 && key.size() > 7) {
        log.answers[key.substr(7)] = value;
        continue;
      }
      int number = 0;
      const int most = key == "stiffness" ? 1440 : 10;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
      const bool is_number = ec == std::errc() && ptr == value.data() + value.size();
      if (key != "warmup" && key != "during" && key != "after" && key != "morning" &&
          key != "stiffness") {
        fail(column,
             "unknown key '" + key + "'" + did_you_mean(key, kKeys) +
                 "; expected warmup, during, after, morning, stiffness, flag or answer.KEY");
        continue;
      }
      if (!is_number || number < 0 || number > most) {
        fail(column + equals + 1, key + " must be a whole number from 0 to " +
                                      std::to_string(most) + ", not '" + value + "'");
        continue;
      }
      if (key == "warmup") log.pain_warmup = number;
      if (key == "during") log.pain_during = number;
      if (key == "after") log.pain_after = number;
      if (key == "morning") log.pain_next_morning = number;
      if (key == "stiffness") log.stiffness_minutes = number;
    }
    script.sessions.push_back(std::move(log));
    if (end == text.size()) break;
  }
  return script;
}

}  // namespace runback

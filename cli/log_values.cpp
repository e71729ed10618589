#include "log_values.hpp"

#include <algorithm>

#include "plan/checkpoint.hpp"
#include "plan/log_fields.hpp"
#include "protocol/describe.hpp"
#include "protocol/safety.hpp"
#include "util/suggest.hpp"

namespace runback::cli {

namespace {

const char* const kPainScale = "a whole number from 0 (no pain) to 10 (worst imaginable)";

Result<std::optional<int>> parse_pain_flag(const std::string& flag, const std::string& text,
                                           int max, const char* scale) {
  if (text.empty()) return std::optional<int>();
  if (auto value = parse_score(text, max)) return std::optional<int>(*value);
  const bool numeric = text.find_first_not_of("-+0123456789") == std::string::npos;
  return Error{flag + ": '" + text + "' is " + (numeric ? "outside the scale" : "not a number") +
               "; give " + scale};
}

std::string joined(const std::vector<std::string>& items) {
  std::string list;
  for (const auto& item : items) list += (list.empty() ? "" : ", ") + item;
  return list;
}

// The core's red flags, then the programme's own, from the protocol as it was started.
std::vector<KnownRedFlag> known_red_flags(const Protocol* protocol) {
  std::vector<KnownRedFlag> flags;
  for (const auto& flag : safety::kBuiltInRedFlags) {
    flags.push_back({std::string(flag.id), std::string(flag.text)});
  }
  if (!protocol) return flags;
  for (const auto& flag : protocol->red_flags) {
    if (flag.built_in) continue;
    flags.push_back({flag.id, flag.text});
  }
  return flags;
}

bool has_flag(const std::vector<KnownRedFlag>& flags, const std::string& id) {
  return std::any_of(flags.begin(), flags.end(), [&](const KnownRedFlag& f) { return f.id == id; });
}

Questions plugin_questions(const Protocol& protocol, const PlanExtension* extension,
                           const Programme& programme, Date date, bool everything) {
  Questions out;
  const NeededLogs needed = everything ? NeededLogs{true, true, true, true} : needed_logs(protocol);
  std::vector<CheckpointQuestion> asked;
  out.known = !everything && (!protocol.plugin || extension);
  if (extension) {
    const std::vector<DayLog> no_logs;
    const std::vector<CheckpointSummary> no_checkpoints;
    auto questions = extension->questions(
        ExtensionContext{protocol, programme, date, 0, 0, no_logs, no_checkpoints, 0});
    if (questions.ok()) {
      asked = std::move(*questions);
    } else {
      out.known = false;
    }
  }
  out.session = checkpoint_fields(protocol, needed, asked, TimePoint::during);
  out.morning = checkpoint_fields(protocol, needed, asked, TimePoint::next_morning);
  return out;
}

const LogField* find_answer(const Questions& questions, const std::string& key, bool* morning) {
  for (const auto* list : {&questions.session, &questions.morning}) {
    for (const LogField& field : *list) {
      if (field.value == LogValue::answer && field.answer_key == key) {
        *morning = list == &questions.morning;
        return &field;
      }
    }
  }
  return nullptr;
}

void check_red_flags(LogValues& values, const LogFlags& flags,
                     const std::vector<KnownRedFlag>& known) {
  std::vector<std::string> ids;
  for (const auto& f : known) ids.push_back(f.id);
  auto& logged = values.session_row.red_flags;
  for (const auto& flag : flags.red_flags) {
    if (std::find(ids.begin(), ids.end(), flag) == ids.end()) {
      values.errors.push_back("--red-flag: '" + flag + "' is not a red flag of this programme" +
                              did_you_mean(flag, ids) + ". Known red flags: " + joined(ids));
    } else if (std::find(logged.begin(), logged.end(), flag) == logged.end()) {
      logged.push_back(flag);
    }
  }
}

// Answers are checked against the plugin's questions: the key, and a value of the right kind in
// range. A morning question's answer belongs to the session it follows.
void check_answers(LogValues& values, const Questions& questions) {
  for (const auto& [key, value] : values.answers) {
    if (!questions.known) {
      // Unchecked answers are how a misspelt "yes" became "no answer": refused instead.
      values.errors.push_back("--answer: " + key + "='" + value +
                              "' cannot be checked: the programme's plugin could not say what "
                              "it asks (see `runback status`); log it once the plugin works");
      continue;
    }
    bool morning = false;
    const LogField* field = find_answer(questions, key, &morning);
    if (!field) {
      std::vector<std::string> keys;
      for (const auto* list : {&questions.session, &questions.morning}) {
        for (const LogField& f : *list) {
          if (f.value == LogValue::answer) keys.push_back(f.answer_key);
        }
      }
      values.errors.push_back("--answer: '" + key + "' is not a question of this programme" +
                              did_you_mean(key, keys) +
                              (keys.empty() ? std::string(" (its protocol asks none)")
                                            : ". Its questions: " + joined(keys)));
      continue;
    }
    auto parsed = parse_answer(*field, value);
    if (!parsed) {
      values.errors.push_back("--answer: " + key + "='" + value + "' is not " +
                              answer_scale(*field) + " (" + field->what + ")");
      continue;
    }
    (morning ? values.morning_row : values.session_row).answers[key] = *parsed;
  }
}

}  // namespace

LogValues read_log_flags(const LogFlags& flags, Date today) {
  LogValues values;
  auto& errors = values.errors;
  if (!flags.date.empty()) {
    auto parsed = parse_date(flags.date);
    if (!parsed) {
      errors.push_back("DATE: " + parsed.error());
    } else if (*parsed > today) {
      errors.push_back("DATE: " + flags.date + " is in the future (today is " + format_date(today) +
                       "); a log is for a day that has happened");
    } else {
      values.date = *parsed;
    }
  }
  LogRow& session = values.session_row;
  LogRow& morning = values.morning_row;
  if (!flags.session.empty()) {
    session.session = value_named(flags.session, kSessionOutcomeNames);
    if (!session.session) {
      errors.push_back("--session: '" + flags.session +
                       "' is not one of: " + joined(names_in(kSessionOutcomeNames)));
    }
  }
  auto pain = [&](const char* flag, const std::string& text, int max, const char* scale,
                  std::optional<int>& out) {
    auto value = parse_pain_flag(flag, text, max, scale);
    if (value) {
      out = *value;
    } else {
      errors.push_back(value.error());
    }
  };
  pain("--pain-warmup", flags.pain_warmup, 10, kPainScale, session.pain_warmup);
  pain("--pain-during", flags.pain_during, 10, kPainScale, session.pain_during);
  pain("--pain-after", flags.pain_after, 10, kPainScale, session.pain_after);
  pain("--pain-morning", flags.pain_morning, 10, kPainScale, morning.pain_next_morning);
  pain("--stiffness-min", flags.stiffness, kMaxStiffnessMinutes,
       "a whole number of minutes from 0 to 1440", morning.stiffness_minutes);
  session.swelling = flags.swelling;
  session.limp = flags.limp;
  for (const auto& answer : flags.answers) {
    const auto eq = answer.find('=');
    const std::string key = answer.substr(0, eq);
    if (eq == std::string::npos || !is_valid_id(key)) {
      errors.push_back("--answer: '" + answer +
                       "' is not KEY=VALUE with a KEY of a-z, 0-9, - and _ (e.g. "
                       "--answer hop_test=pain-free)");
      continue;
    }
    if (values.answers.count(key)) {
      errors.push_back("--answer: '" + key + "' is given twice");
      continue;
    }
    values.answers[key] = answer.substr(eq + 1);
  }
  if (!flags.note.empty()) session.note = flags.note;
  return values;
}

LogVocabulary log_vocabulary(const Protocol* protocol, const PlanExtension* extension,
                             const Programme& programme, Date date) {
  // A protocol that can no longer be read: ask for every value the core knows.
  const Protocol fallback;
  return {known_red_flags(protocol),
          plugin_questions(protocol ? *protocol : fallback, extension, programme, date, !protocol)};
}

void check_log_values(LogValues& values, const LogFlags& flags, const LogVocabulary& vocabulary,
                      Date today) {
  check_red_flags(values, flags, vocabulary.red_flags);
  check_answers(values, vocabulary.questions);
  add_symptom_red_flags(values.session_row, vocabulary.red_flags);
  // Without a DATE, next-morning values are this morning's, for yesterday's session.
  const LogRow& morning = values.morning_row;
  if (values.date && *values.date == today &&
      (morning.pain_next_morning || morning.stiffness_minutes)) {
    values.errors.push_back(
        std::string(morning.pain_next_morning ? "--pain-morning" : "--stiffness-min") +
        ": the morning after " + format_date(today) +
        " has not come yet; log it tomorrow (without a DATE it goes to the day "
        "before)");
  }
}

void add_symptom_red_flags(LogRow& row, const std::vector<KnownRedFlag>& flags) {
  for (const auto& [given, id] : {std::pair{row.limp, std::string("limp")},
                                  std::pair{row.swelling, std::string("swelling")}}) {
    if (given == true && has_flag(flags, id) &&
        std::find(row.red_flags.begin(), row.red_flags.end(), id) == row.red_flags.end()) {
      row.red_flags.push_back(id);
    }
  }
}

}  // namespace runback::cli

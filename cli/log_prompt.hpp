#pragma once
// The interactive `runback log`: with a terminal on stdin and values missing, asks for each one
// in turn. Enter skips a question; a bad answer gets a kind word and the question again.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "plan/plan.hpp"
#include "store/log_row.hpp"

namespace runback::cli {

struct KnownRedFlag {
  std::string id;
  std::string text;
};

struct PromptPlan {
  LogRow* session_row =
      nullptr;  // receives session, pain during/after, swelling, limp, flags, note
  LogRow* morning_row = nullptr;  // receives next-morning pain and stiffness; may be the same row
  const LogRow* session_recorded = nullptr;  // already in the database (not asked again)
  const LogRow* morning_recorded = nullptr;
  std::string session_day;  // "today", "Friday 2026-11-20"
  std::string morning_day;  // whose next morning: "yesterday's (Friday 2026-11-20)"
  // What the checkpoint asks for (plan/log_fields.hpp): after the run, and the next morning.
  std::vector<LogField> session_fields;
  std::vector<LogField> morning_fields;
  std::vector<KnownRedFlag> red_flags;  // a flag asked as its own question is left out
};

// Asks for what is missing; stops quietly at end of input.
void ask_missing_values(std::istream& in, std::ostream& out, const PromptPlan& plan);

// Parsing shared with the flags, so answers and flags accept the same things.
std::optional<int> parse_score(const std::string& text, int max);
// A plugin question's answer as stored: "yes"/"no" for yes/no questions (y, yes, n, no in any
// case), else a number from min to max. None when it is neither.
std::optional<std::string> parse_answer(const LogField& field, const std::string& text);
// A yes/no answer as a runner may type it: yes/no, y/n, true/false, 1/0, in any case.
std::optional<bool> parse_yes_no(const std::string& text);
// "a whole number from 0 to 100", "yes or no": what a field takes, for help and errors.
std::string answer_scale(const LogField& field);

}  // namespace runback::cli

#pragma once
// The values `runback log` is given, checked before anything is written: first on their own
// (dates, scales, KEY=VALUE), then against the runner's programme (its red flags and its
// plugin's checkpoint questions). Every problem is collected, so one run shows them all.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "log_prompt.hpp"
#include "plan/plan.hpp"
#include "records/records.hpp"
#include "store/log_row.hpp"
#include "util/date.hpp"

namespace runback::cli {

// The command line, as typed; empty (or none) when not given.
struct LogFlags {
  std::string date;  // DATE
  std::string session, pain_during, pain_after, pain_morning, stiffness;
  std::string pain_warmup;  // protocol format 2's warm-up pain
  std::optional<bool> swelling, limp;
  std::vector<std::string> red_flags;
  std::vector<std::string> answers;  // KEY=VALUE
  std::string note;
};

struct LogValues {
  std::optional<Date> date;
  LogRow session_row;                          // about the session of the day
  LogRow morning_row;                          // about the next morning (its date is the session's)
  std::map<std::string, std::string> answers;  // KEY -> VALUE, until checked
  std::vector<std::string> errors;             // in the order found, without "runback: "
};

// What can be checked without the records. `today` is when the command runs.
LogValues read_log_flags(const LogFlags& flags, Date today);

// The plugin's questions as the checkpoint asks them, after the run and the next morning.
struct Questions {
  std::vector<LogField> session, morning;
  bool known = false;       // false: the protocol's plugin is not available: answers are refused
  bool unreadable = false;  // the protocol itself could not be read: answers are kept unchecked
};

// What a programme accepts in a log.
struct LogVocabulary {
  std::vector<KnownRedFlag> red_flags;  // the core's, then the protocol's own
  Questions questions;
};

// From the protocol the programme started with; null when it can no longer be read (then every
// value the core knows is asked for, and answers are not checked). `extension` is its plugin,
// null when it names none or it is not available.
LogVocabulary log_vocabulary(const Protocol* protocol, const PlanExtension* extension,
                             const Programme& programme, Date date);

// Red flags and answers checked against `vocabulary` (a morning question's answer goes to the
// morning row), a limp or swelling that is one of its red flags logged as that red flag too,
// and next-morning values for a morning that has not come refused.
void check_log_values(LogValues& values, const LogFlags& flags, const LogVocabulary& vocabulary,
                      Date today);

// A limp or swelling in `row` that `flags` list as a red flag is that red flag.
void add_symptom_red_flags(LogRow& row, const std::vector<KnownRedFlag>& flags);

}  // namespace runback::cli

#pragma once
// One day's log as stored: every value optional, because "not logged" and "no" differ (the
// next-morning score arrives a day later; "no swelling" is an answer). DayLog (records.hpp) is
// the planner's view of the same row.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "util/date.hpp"

namespace runback {

struct LogRow {
  Date date;
  std::optional<SessionOutcome> session;
  std::optional<int> pain_during;
  std::optional<int> pain_after;
  std::optional<int> pain_next_morning;
  std::optional<int> stiffness_minutes;
  std::optional<bool> swelling;
  std::optional<bool> limp;
  std::vector<std::string> red_flags;          // in the order logged, no repeats
  std::map<std::string, std::string> answers;  // plugin checkpoint answers
  std::optional<std::string> note;             // stored as '' when absent
  std::optional<int> pain_warmup{};            // format 2's warm-up pain (last: added later)

  // Nothing to record.
  bool empty() const;
  bool operator==(const LogRow&) const = default;
};

// One scalar value of a log under its stored name ("pain_during"), as text, as conflicts and
// the audit table show it ("3", "yes", "done"); no value when not logged.
struct StoredValue {
  std::string name;
  std::optional<std::string> value;
};
// session, pain_warmup, pain_during, pain_after, pain_next_morning, stiffness_minutes, swelling,
// limp, note: every value of a row but its red flags and answers.
std::vector<StoredValue> log_scalar_fields(const LogRow& row);
// Copies the scalar value stored under `name` (as log_scalar_fields names it) from `from`.
void copy_scalar(LogRow& row, const LogRow& from, std::string_view name);

// The row that records `log`; an empty note is no note. (The store reads rows back into a
// DayLog directly: Store::records_for.)
LogRow to_log_row(const DayLog& log);

std::optional<SessionOutcome> parse_session(std::string_view text);

// The session a row records, as implied_session (records.hpp) reads a DayLog: a pain during,
// after or in the warm-up means a run was done unless the row says otherwise.
std::optional<SessionOutcome> implied_session(const LogRow& row);

// Red flags are stored as "id,id"; answers as a JSON object ('' when none).
std::string join_red_flags(const std::vector<std::string>& flags);
std::vector<std::string> split_red_flags(std::string_view text);
std::string answers_to_json(const std::map<std::string, std::string>& answers);
// Fails unless `text` is '' or a JSON object whose values are all strings.
Result<std::map<std::string, std::string>> answers_from_json(std::string_view text);
// Red flag and answer-key ids: [a-z0-9-_], 1..64 characters.
bool is_valid_id(std::string_view id);

// The most a runner can mean by morning stiffness: a whole day.
inline constexpr int kMaxStiffnessMinutes = 1440;

}  // namespace runback

#include "plugin/converted_history.hpp"

namespace runback {

namespace {

rb_checkpoint to_abi(const CheckpointSummary& checkpoint) {
  return {abi_day(checkpoint.date), checkpoint.stage_index,
          static_cast<std::int32_t>(checkpoint.outcome)};
}

bool same_values(const rb_day_log& a, const rb_day_log& b) {
  return a.date == b.date && a.session == b.session && a.pain_during == b.pain_during &&
         a.pain_after == b.pain_after && a.pain_next_morning == b.pain_next_morning &&
         a.stiffness_minutes == b.stiffness_minutes && a.swelling == b.swelling &&
         a.limp == b.limp && a.red_flag_count == b.red_flag_count &&
         a.answer_count == b.answer_count;
}

}  // namespace

std::int32_t abi_day(Date date) {
  return static_cast<std::int32_t>(date.time_since_epoch().count());
}

rb_day_log to_abi(const DayLog& log, const rb_answer* answers) {
  rb_day_log out{};
  out.struct_size = sizeof(rb_day_log);
  out.date = abi_day(log.date);
  out.session = log.session ? static_cast<std::int32_t>(*log.session) : RB_SESSION_NONE;
  out.pain_during = log.pain_during.value_or(-1);
  out.pain_after = log.pain_after.value_or(-1);
  out.pain_next_morning = log.pain_next_morning.value_or(-1);
  out.stiffness_minutes = log.stiffness_minutes.value_or(-1);
  out.swelling = log.swelling ? 1 : 0;
  out.limp = log.limp ? 1 : 0;
  out.red_flag_count = static_cast<std::int32_t>(log.red_flags.size());
  out.answers = log.answers.empty() ? nullptr : answers;
  out.answer_count = log.answers.size();
  return out;
}

void ConvertedHistory::update(std::span<const DayLog> logs,
                              std::span<const CheckpointSummary> checkpoints) {
  if (!continues_into(logs, checkpoints)) clear();
  try {
    for (std::size_t i = logs_.size(); i < logs.size(); ++i) append(logs[i]);
    for (std::size_t i = checkpoints_.size(); i < checkpoints.size(); ++i) {
      checkpoints_.push_back(to_abi(checkpoints[i]));
    }
  } catch (...) {
    clear();  // a log half appended would shift every later log's answers
    throw;
  }
}

void ConvertedHistory::clear() {
  texts_.clear();
  answers_.clear();
  logs_.clear();
  checkpoints_.clear();
}

// A cheap check of the caller's promise: the last entries converted are still there, unchanged.
bool ConvertedHistory::continues_into(std::span<const DayLog> logs,
                                      std::span<const CheckpointSummary> checkpoints) const {
  if (logs.size() < logs_.size() || checkpoints.size() < checkpoints_.size()) return false;
  if (!logs_.empty() && !same_values(logs_.back(), to_abi(logs[logs_.size() - 1], nullptr))) {
    return false;
  }
  if (!checkpoints_.empty()) {
    const rb_checkpoint last = to_abi(checkpoints[checkpoints_.size() - 1]);
    const rb_checkpoint& held = checkpoints_.back();
    if (last.date != held.date || last.stage_index != held.stage_index ||
        last.outcome != held.outcome) {
      return false;
    }
  }
  return true;
}

void ConvertedHistory::append(const DayLog& log) {
  const std::size_t first = answers_.size();
  const std::size_t capacity = answers_.capacity();
  for (const auto& [key, value] : log.answers) {
    const char* key_text = texts_.emplace_back(key).c_str();
    const char* value_text = texts_.emplace_back(value).c_str();
    answers_.push_back({key_text, value_text});
  }
  if (answers_.capacity() != capacity) repoint_answers();
  logs_.push_back(to_abi(log, answers_.data() + first));
}

// The answers moved to a new buffer: every converted log's pointer follows them.
void ConvertedHistory::repoint_answers() {
  std::size_t next = 0;
  for (rb_day_log& log : logs_) {
    if (log.answer_count == 0) continue;
    log.answers = answers_.data() + next;
    next += log.answer_count;
  }
}

}  // namespace runback

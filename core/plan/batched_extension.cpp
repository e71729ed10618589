#include "plan/batched_extension.hpp"

#include <algorithm>

namespace runback::plan_internal {
namespace {

// Whether the plugin's answer steers the walk as its guess did: a verdict or questions that
// differ can change every later checkpoint. Exercises and cues only fill the days laid out.
bool steers_as_guessed(const ExtensionCall::Hook hook, const ExtensionReply& guess,
                       const ExtensionReply& answer) {
  if (hook != ExtensionCall::Hook::verdict && hook != ExtensionCall::Hook::questions) return true;
  if (guess.error || answer.error) {
    return guess.error && answer.error && guess.error->message == answer.error->message;
  }
  if (hook == ExtensionCall::Hook::questions) return answer.questions == guess.questions;
  return answer.verdict.action == guess.verdict.action && answer.verdict.why == guess.verdict.why &&
         answer.verdict.waiting_for == guess.verdict.waiting_for;
}

// Whether the walk saw exactly what the plugin answered: it then went as one on the answers.
bool same_as_guessed(const ExtensionCall::Hook hook, const ExtensionReply& guess,
                     const ExtensionReply& answer) {
  if (!steers_as_guessed(hook, guess, answer)) return false;
  if (hook == ExtensionCall::Hook::verdict || hook == ExtensionCall::Hook::questions) return true;
  // Exercises and cues are guessed as none.
  return !guess.error && !answer.error && answer.exercises.empty() && answer.cues.empty() &&
         guess.exercises.empty() && guess.cues.empty();
}

template <class T>
Result<T> result_of(const ExtensionReply& reply, const T& value) {
  if (reply.error) return *reply.error;
  return value;
}

}  // namespace

void BatchedExtension::start_walk() const {
  cursor_ = 0;
  walk_confirmed_ = false;
  on_path_ = true;
  questions_day_.reset();
  questions_answered_ = true;
  last_questions_ = ExtensionReply{};
  last_verdict_ = ExtensionReply{};
}

const ExtensionReply& BatchedExtension::answer(ExtensionCall::Hook hook,
                                               const ExtensionContext& context,
                                               const DayLog* log) const {
  protocol_ = &context.protocol;
  programme_ = &context.programme;
  if (hook == ExtensionCall::Hook::questions && fixed_questions_) {
    // The plugin's own answer for every checkpoint: no entry, nothing to send.
    questions_day_ = context.date;
    questions_answered_ = true;
    return *fixed_questions_;
  }
  // A verdict waits for its checkpoint's questions (asked just before it, the same day).
  const bool questions_unknown = hook == ExtensionCall::Hook::verdict &&
                                 questions_day_ == context.date && !questions_answered_;
  Entry* entry = nullptr;
  if (on_path_ && cursor_ < entries_.size()) {
    Entry& known = entries_[cursor_];
    // The same walk makes the same call here; a difference would mean it went another way.
    if (known.hook == hook && known.date == context.date &&
        known.stage_index == context.stage_index && known.days_at_stage == context.days_at_stage &&
        known.logs == context.logs.size() && known.checkpoints == context.checkpoints.size()) {
      entry = &known;
    }
  }
  if (entry == nullptr) {
    on_path_ = false;
    entries_.resize(cursor_);
    const bool log_is_last = log != nullptr && !context.logs.empty() && log == &context.logs.back();
    Entry noted{hook,
                context.date,
                context.stage_index,
                context.days_at_stage,
                context.logs.size(),
                context.checkpoints.size(),
                context.history_id,
                log_is_last,
                log && !log_is_last ? std::optional<DayLog>(*log) : std::nullopt,
                State::to_send,
                {}};
    if (hook == ExtensionCall::Hook::questions) noted.reply = last_questions_;
    if (hook == ExtensionCall::Hook::verdict) noted.reply = last_verdict_;
    entry = &entries_.emplace_back(std::move(noted));
  }
  if (entry->state != State::answered) {
    entry->state = questions_unknown ? State::held : State::to_send;
    entry->history_id = context.history_id;  // sent with this walk's history
  }
  ++cursor_;
  if (hook == ExtensionCall::Hook::questions) {
    questions_day_ = context.date;
    questions_answered_ = entry->state == State::answered;
    if (questions_answered_) last_questions_ = entry->reply;
  }
  if (hook == ExtensionCall::Hook::verdict && entry->state == State::answered) {
    last_verdict_ = entry->reply;
  }
  return entry->reply;
}

std::vector<ExtensionCall> BatchedExtension::noted_calls(
    std::span<const DayLog> logs, std::span<const CheckpointSummary> checkpoints) const {
  sent_.clear();
  all_sent_ = true;
  std::size_t steering = 0;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].state == State::answered) continue;
    if (entries_[i].state == State::held || steering >= window_) {
      all_sent_ = false;
      if (steering >= window_) break;
      continue;
    }
    sent_.push_back(i);
    if (entries_[i].hook == ExtensionCall::Hook::verdict ||
        entries_[i].hook == ExtensionCall::Hook::questions) {
      ++steering;
    }
  }
  std::vector<ExtensionCall> calls;
  calls.reserve(sent_.size());
  for (std::size_t i : sent_) {
    const Entry& e = entries_[i];
    calls.push_back(
        {e.hook,
         ExtensionContext{*protocol_, *programme_, e.date, e.stage_index, e.days_at_stage,
                          logs.first(e.logs), checkpoints.first(e.checkpoints), e.history_id},
         e.log_is_last ? &logs[e.logs - 1]
         : e.log       ? &*e.log
                       : nullptr});
  }
  return calls;
}

void BatchedExtension::take_replies(std::vector<ExtensionReply> replies) const {
  std::optional<std::size_t> first_surprise;
  std::size_t steered = 0;  // verdicts and questions answered as guessed before it
  walk_confirmed_ = all_sent_ && replies.size() == sent_.size();
  for (std::size_t k = 0; k < sent_.size() && k < replies.size(); ++k) {
    Entry& e = entries_[sent_[k]];
    if (!same_as_guessed(e.hook, e.reply, replies[k])) walk_confirmed_ = false;
    if (!first_surprise && !steers_as_guessed(e.hook, e.reply, replies[k])) {
      first_surprise = sent_[k];
    } else if (!first_surprise && (e.hook == ExtensionCall::Hook::verdict ||
                                   e.hook == ExtensionCall::Hook::questions)) {
      ++steered;
    }
    e.reply = std::move(replies[k]);
    e.state = State::answered;
  }
  sent_.clear();
  // Past the first answer that steers the walk otherwise, the walk will not make the same calls.
  // A plugin that often surprises is sent fewer calls at a time, so that the calls sent in vain
  // stay a few times the calls needed; one that does not, more.
  if (first_surprise) {
    entries_.resize(*first_surprise + 1);
    window_ = std::max(kSmallestWindow, 2 * steered);
  } else {
    window_ = std::min(window_ * 4, kLargestWindow);
  }
}

bool BatchedExtension::send_noted(std::span<const DayLog> logs,
                                  std::span<const CheckpointSummary> checkpoints) const {
  const std::vector<ExtensionCall> calls = noted_calls(logs, checkpoints);
  if (calls.empty()) return false;
  take_replies(plugin_.call_all(calls));
  return true;
}

Result<std::vector<Exercise>> BatchedExtension::exercises(const ExtensionContext& context) const {
  const ExtensionReply& reply = answer(ExtensionCall::Hook::exercises, context, nullptr);
  return result_of(reply, reply.exercises);
}

Result<std::vector<SessionCue>> BatchedExtension::session_cues(
    const ExtensionContext& context) const {
  const ExtensionReply& reply = answer(ExtensionCall::Hook::session_cues, context, nullptr);
  return result_of(reply, reply.cues);
}

Result<std::vector<CheckpointQuestion>> BatchedExtension::questions(
    const ExtensionContext& context) const {
  const ExtensionReply& reply = answer(ExtensionCall::Hook::questions, context, nullptr);
  return result_of(reply, reply.questions);
}

Result<Verdict> BatchedExtension::verdict(const ExtensionContext& context,
                                          const DayLog& log) const {
  const ExtensionReply& reply = answer(ExtensionCall::Hook::verdict, context, &log);
  return result_of(reply, reply.verdict);
}

}  // namespace runback::plan_internal

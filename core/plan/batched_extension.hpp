#pragma once
// Private to the planner: a plugin's calls made in a few batches rather than one at a time. A
// plugin in a host process pays a round trip per request, and a runner's plan asks it something
// at every checkpoint (issue 14: a hundred round trips for six months of logs).
//
// The planner walks the history with this extension in place of the plugin. A call it has the
// plugin's answer for (the same call at the same point of a walk that went the same way) gets
// that answer; any other call is noted and gets a guess: the verdict and questions the plugin
// last answered, or the error it last failed with (at first: "nothing against it", none), and no
// exercises or cues. After the walk the noted calls go to the plugin in one batch
// (PlanExtension::call_all) and the walk starts again. The walk is deterministic, so it goes the
// same way up to the first answer that differs from its guess; answers noted after that are
// dropped and asked again (a plugin that often differs from its guesses is sent fewer calls at a
// time). The plan kept is that of a walk in which every answer was the plugin's own, or whose
// every guess the plugin then confirmed: the plan that calling the plugin one call at a time
// gives. A plugin whose questions are fixed is asked them before the first walk.
//
// A verdict is sent only once the answers to its checkpoint's questions are the plugin's own, so
// the plugin is never asked for a verdict whose checkpoint still waits for an answer
// (docs/plugin-sdk.md). Calls on a guess that proved wrong are still made in the plugin, which the
// SDK allows (any hook, any order, any day).

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "extension/extension.hpp"

namespace runback::plan_internal {

class BatchedExtension final : public PlanExtension {
 public:
  // `logs`: how many days the history logs. A walk asks about once a logged day, so room for
  // that many calls (and a week ahead) spares moving them, large as they are, as they come.
  BatchedExtension(const PlanExtension& plugin, std::size_t logs) : plugin_(plugin) {
    entries_.reserve(logs + 7);
  }

  std::string name() const override { return plugin_.name(); }
  std::string version() const override { return plugin_.version(); }
  std::vector<Diagnostic> validate(const PluginRef& ref) const override {
    return plugin_.validate(ref);
  }
  std::vector<std::string> check_programme_params(
      const std::map<std::string, std::string>& params) const override {
    return plugin_.check_programme_params(params);
  }
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override;
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext& context) const override;
  Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext& context) const override;
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override;
  bool questions_fixed() const override { return plugin_.questions_fixed(); }

  // Before each walk.
  void start_walk() const;
  // After a walk, with the history its calls saw (each call's a prefix of it): the calls the
  // walk noted, to send in one batch, valid while that history is. None: every answer of that
  // walk was the plugin's, and its plan is the one to keep.
  std::vector<ExtensionCall> noted_calls(std::span<const DayLog> logs,
                                         std::span<const CheckpointSummary> checkpoints) const;
  // The plugin's replies to the calls noted_calls gave, in their order.
  void take_replies(std::vector<ExtensionReply> replies) const;
  // noted_calls, sent to the plugin alone, and take_replies; false when there were none.
  bool send_noted(std::span<const DayLog> logs,
                  std::span<const CheckpointSummary> checkpoints) const;
  // A plugin whose questions are fixed (questions_fixed) is asked them once, before any walk:
  // this is their answer, used for every questions call from then on, so that no verdict waits
  // for a questions answer still to come.
  void take_fixed_questions(ExtensionReply reply) const { fixed_questions_ = std::move(reply); }
  // After take_replies: every call of the walk was sent and answered exactly as guessed, so the
  // walk went as one on the plugin's own answers would, and its plan is the one to keep.
  bool walk_confirmed() const { return walk_confirmed_; }

 private:
  enum class State {
    answered,  // `reply` is the plugin's
    to_send,   // `reply` is a guess; the call goes in the next batch
    held,      // a verdict whose questions are not answered yet: a guess, not sent yet
  };
  struct Entry {
    ExtensionCall::Hook hook;
    Date date;
    int stage_index = 0;
    int days_at_stage = 0;
    std::size_t logs = 0;  // how many of the walk's logs and checkpoints the call saw
    std::size_t checkpoints = 0;
    std::uint64_t history_id = 0;
    // verdict: its log, when it is not the last of the history the call saw (nearly never)
    bool log_is_last = false;
    std::optional<DayLog> log;
    State state = State::to_send;
    ExtensionReply reply;
  };
  const ExtensionReply& answer(ExtensionCall::Hook hook, const ExtensionContext& context,
                               const DayLog* log) const;

  const PlanExtension& plugin_;
  mutable const Protocol* protocol_ = nullptr;  // the same for every call: one request's
  mutable const Programme* programme_ = nullptr;
  // Every call of the walks so far, in walk order: the answered ones first.
  mutable std::vector<Entry> entries_;
  mutable std::size_t cursor_ = 0;
  mutable bool on_path_ = true;  // the walk has gone as the entries before cursor_ say
  // The walk's latest questions call: its day and whether its answer is the plugin's.
  mutable std::optional<Date> questions_day_;
  mutable bool questions_answered_ = true;
  // The latest questions and verdict the plugin answered, the guesses for the next: a plugin
  // that failed (a host that died) is guessed to fail alike, so its calls settle in a batch.
  mutable ExtensionReply last_questions_;
  mutable ExtensionReply last_verdict_;
  mutable std::optional<ExtensionReply> fixed_questions_;
  // How many verdicts and questions the next batch may carry.
  static constexpr std::size_t kSmallestWindow = 4;
  static constexpr std::size_t kLargestWindow = std::size_t{1} << 20;
  mutable std::size_t window_ = 256;
  mutable std::vector<std::size_t> sent_;  // the entries noted_calls gave, in order
  mutable bool all_sent_ = false;          // ... and they were all the walk's guesses
  mutable bool walk_confirmed_ = false;
};

}  // namespace runback::plan_internal

#pragma once
// Private to the planner: not included outside core/plan.
//
// The day walk: one pass over the days from the earliest that matters to the last the plan
// needs, taking each day's events in order (a clearance, the log, a long break, a planned run)
// and laying out the days asked for. Past the plan's date it projects: every planned run is
// assumed to go well. Its members live in several files, one concept each: the walk itself
// (day_walk.cpp), the day's events turned into decisions (walk_events.cpp), the layout of a day
// (day_layout.cpp) and the projection with the run days it rests on (projection.cpp).

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "plan/checkpoint.hpp"
#include "plan/planner.hpp"
#include "plan/progression.hpp"
#include "protocol/step_words.hpp"

namespace runback::plan_internal {

class Planner {
 public:
  Planner(const PlanRequest& request, Date explain_from);

  Plan run();
  // What the walk's plugin calls saw, whole after run(): each call's logs and checkpoints are
  // a prefix of these (plan/batched_extension.hpp).
  std::span<const DayLog> history_logs() const { return seen_; }
  std::span<const CheckpointSummary> history_checkpoints() const { return summaries_; }

 private:
  // day_walk.cpp
  void decide(Decision decision);
  void summarise(Date date, int stage_index, ActionKind outcome);
  ExtensionContext context(Date date) const;
  // A run on `day` at `stage` (its running counts towards the week's cap).
  void record_run(Date day, int stage);
  void take_status();
  void note(std::string text);
  // Records a hook's error in Plan::plugin_failures; true the first time it is seen, when it
  // gets a note (a host that died fails every later call with the same words: one note, not one
  // a day).
  bool plugin_failed(const std::string& error);

  // walk_events.cpp: each event asks the progression rules what it does and the explanations
  // for its words.
  void on_clearance(const Clearance& clearance);
  void on_red_flags(const DayLog& log);
  int on_session(const DayLog& log, bool later_session);
  void apply_break(Date date);
  void apply(const DayLog& log, Action action, const std::vector<Reason>& reasons);
  // The plugin's verdict as reasons; `waiting_for` gets what a waiting verdict waits for.
  std::vector<Reason> plugin_reasons(const DayLog& log, std::string* waiting_for);
  // The plugin's questions for this checkpoint that must be answered and are not: added to
  // result.missing, so the checkpoint waits for them as for a pain score.
  void add_missing_answers(const DayLog& log, CheckpointResult& result);
  // The plugin's questions for the checkpoint on `date` (asked once a plan when they are fixed).
  const Result<std::vector<CheckpointQuestion>>& checkpoint_questions(Date date);
  // Holds the session's checkpoint until `missing` is logged: a `waiting` decision unless
  // `action` already stops. True when it waits (the caller is then done with the session).
  bool hold(const DayLog& log, const std::vector<std::string>& missing,
            const std::vector<Reason>& reasons, Action action, int from);
  void note_questions_failed(const std::string& error);
  // The runner is at the last stage and has not completed it: a passed session may complete the
  // programme.
  bool at_last_stage() const {
    return !progress_.complete && progress_.stage + 1 >= int(p_.stages.size());
  }

  // projection.cpp
  void start_projection();
  bool is_run_day(Date day);
  PlannedRun project_run(Date day);
  void find_projected_completion();

  // day_layout.cpp
  const std::vector<CheckpointQuestion>& questions();
  Reminder reminder_for(Date session, TimePoint when, const DayLog* already);
  PlannedDay lay_out(Date day, const std::optional<PlannedRun>& run);
  std::optional<int> programme_day(Date day, const std::optional<PlannedRun>& run) const;
  void queue_morning_reminders(Date day, const std::optional<PlannedRun>& run, const DayLog* logged,
                               Date window_begin, Date window_end);

  const PlanRequest& r_;
  const Protocol& p_;
  const int stage_count_;
  const StepWords words_;  // the protocol's word for a stage, in every explanation
  const EffectivePainLimits limits_;
  const NeededLogs needed_;
  Plan plan_;

  Progress progress_;
  Baseline baseline_;  // what a rise in pain is measured from
  std::optional<Date> pending_;
  std::vector<std::string> pending_missing_;
  // What the values logged for the pending session already ask for (a step back, days off),
  // when they already fail it: the days ahead follow it while the rest is waited for, since
  // the values to come can only add caution.
  std::optional<Action> pending_action_;
  std::vector<DayLog> seen_;  // logs so far, real then projected: the plugin's view
  std::vector<CheckpointSummary> summaries_;
  // The sessions run so far, for the rules that span sessions (SessionHistory), and whether the
  // next session is the first since a setback (a step back, a break, a bad day's rest, a
  // clearance).
  std::vector<SessionMark> marks_;
  bool setback_ = false;
  // seen_ and summaries_ only grow during a run, so one id covers the run (see ExtensionContext).
  const std::uint64_t history_id_;
  bool projecting_ = false;
  // A projected checkpoint has moved the stage up: every run after it assumes the runs before
  // it pass (PlannedRun::if_all_goes_well). A stage below today's, from a long break or a step
  // back already asked for, assumes nothing.
  bool projected_advance_ = false;
  bool explain_ = true;            // build texts for the decisions being taken now
  Date explain_from_;              // real decisions before this date get no text
  int runs_this_week_ = 0;         // runs on or after this week's Monday, real then projected
  double volume_this_week_ = 0;    // their running, in the unit of the protocol's weekly_cap
  std::optional<Date> capped_on_;  // the last day whose run the weekly cap dropped
  // The run-day pattern of each stage the walk reached, for the run days and frequency it was
  // made for (recomputed when either changes: a change of run days, a by-week rule). Kept per
  // stage because a runner who steps back and on again returns to patterns already made.
  struct StagePattern {
    const std::vector<std::chrono::weekday>* preferred = nullptr;
    Frequency frequency;  // its values only (frequency_on)
    std::vector<std::chrono::weekday> days;
  };
  std::vector<std::optional<StagePattern>> patterns_;
  // The plugin's questions, asked once per plan (they describe the checkpoint, not a day).
  std::optional<std::vector<CheckpointQuestion>> questions_;
  // The latest checkpoint's questions, and whether they hold for every checkpoint of the plan.
  std::optional<Result<std::vector<CheckpointQuestion>>> asked_;
  std::optional<bool> questions_fixed_;
  // A calendar programme: the programme day of the last run (or of the start), and its date. The
  // days after it follow the calendar until the next session's day.
  Date calendar_anchor_date_;
  int calendar_anchor_day_ = 0;
  bool calendar_missed_ = false;  // the session due was missed on its day (not counted again)
  // Tomorrow morning's values for today's run, shown on the next day laid out.
  std::vector<Reminder> morning_reminders_;
};

}  // namespace runback::plan_internal

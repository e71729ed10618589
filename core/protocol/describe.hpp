#pragma once
// The protocol in plain words, for `runback protocol show` and the planner's week: what a runner
// or a physiotherapist reads, not what the YAML says.

#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "util/name_table.hpp"

namespace runback {

// "5 × (run 2 min / walk 1 min)", "run 20 min continuously", "run 3 min, walk 1 min"; format 2:
// "walk 20 min", "10 × (walk 0.1 mi / run 0.1 mi)", "run 3 min / walk 2 min, repeated to a total
// of 1.5 mi", and the block's own intensity after it: "run 10 min continuously (easy jog)".
std::string describe_block(const IntervalBlock& block);
// "walk 5 min to warm up, then 5 × (run 2 min / walk 1 min), then walk 5 min to cool down".
std::string describe_session(const Session& session);
// A stage's session, or (format 2) its list: "session 1: walk 20 min; session 2: walk 2 mi".
std::string describe_stage_sessions(const Stage& stage);

// What one session adds up to. Walking includes the warm-up and cool-down. A session can mix
// times and distances, so both are kept.
struct SessionTotals {
  double run_seconds = 0;
  double run_metres = 0;
  double walk_seconds = 0;
  double walk_metres = 0;
  // Blocks repeated `until` a total (format 2): running and walking together.
  double run_walk_seconds = 0;
  double run_walk_metres = 0;
};
SessionTotals session_totals(const Session& session);
// "20 min", "1.2 km", "10 min + 800 m", or "none".
std::string describe_total(double seconds, double metres);
// "run 20 min, walk 15 min in all".
std::string describe_totals(const SessionTotals& totals);

// "effort 3-5 out of 10 (RPE); you can talk in full sentences; easy, relaxed pace"; "" if none.
std::string describe_intensity(const Intensity& intensity);
// "3 × 15, twice a day, tempo 3 s down, 3 s up, load body weight"; "5 × 45 s hold, daily".
std::string describe_exercise_dose(const Exercise& exercise);
// A red flag's words, from the protocol or the built-in ones; the id itself when unknown.
std::string red_flag_text(const Protocol& protocol, const std::string& id);
// "Pain at night" -> "pain at night", for words that go mid-sentence; "ACL pain" stays.
std::string lower_first(std::string text);
// "daily", "twice a day", "3 times a week".
std::string describe_times(int times, Period per);
// "3-4 runs a week, at least 1 rest day between runs".
std::string describe_frequency(const Frequency& frequency);
// Its two parts: "3-4 runs a week" ("up to 4 runs a week" for a max alone), and "at least 1 rest
// day between runs" ("" with none).
std::string describe_sessions_per_week(const Frequency& frequency);
std::string describe_rest_days(const Frequency& frequency);
// "checkpoints are decided after the session; ..." / "... the next morning": `progression.decide`.
std::string describe_decide(DecideWhen decide);
// An entry-test band's range, up to the next band's bound: "from 0 to 0.25", "above 0.25 to
// under 1", "1 or more", "above 1". `next` is null for the last band.
std::string describe_band_range(const StartBand& band, const StartBand* next);
// "step back 1 stage and rest 2 days", "repeat this stage", "move up to the next stage"; with
// the protocol's step word (format 2 `step_word`), "step back 1 week", "repeat this week".
std::string describe_action(const Action& action, const std::string& one = "stage",
                            const std::string& many = "stages");
// "pain during the run above 2/10 and a limp".
std::string describe_condition(const Condition& condition);
// "next-morning pain is rising (its average over the last 7 days is above the 7 days before)".
std::string describe_rising(const Rising& rising);
// "in weeks 1-2 of the programme: at least 2 rest days between runs (or the stage's own, when
// more cautious)".
std::string describe_week_frequency(const WeekFrequency& week);
// "at most 5/10 and no more than 2 points above your usual pain".
std::string describe_pain_limit(const PainLimit& limit);
// "after a run", "on rest days", "daily", "in the evening", "3 times a week".
std::string describe_recovery_when(const RecoveryItem& item);

// A calendar programme (format 2; describe_calendar.cpp). "recovery day — no running or jumping;
// cycle or swim 20-30 min", for a recovery day's entry and its activity text (may be empty).
std::string describe_recovery_day(const std::string& activity);
// "rest 1 day, then the previous session".
std::string describe_bad_day(const BadDay& bad_day);

// The YAML spelling of enumerations, for messages and JSON, and for reading the YAML.
inline constexpr NameTable<ActionKind, 4> kActionKindNames{{{ActionKind::proceed, "proceed"},
                                                            {ActionKind::repeat, "repeat"},
                                                            {ActionKind::step_back, "step_back"},
                                                            {ActionKind::stop, "stop"}}};
inline constexpr NameTable<TimePoint, 4> kTimePointNames{
    {{TimePoint::during, "during"},
     {TimePoint::after, "after"},
     {TimePoint::next_morning, "next_morning"},
     {TimePoint::warmup, "warmup"}}};  // format 2
inline constexpr NameTable<Rising::Value, 4> kRisingValueNames{
    {{Rising::Value::pain_next_morning, "pain_next_morning"},
     {Rising::Value::pain_during, "pain_during"},
     {Rising::Value::pain_after, "pain_after"},
     {Rising::Value::stiffness_minutes, "stiffness_minutes"}}};
inline constexpr NameTable<SessionOutcome, 3> kSessionOutcomeNames{
    {{SessionOutcome::done, "done"},
     {SessionOutcome::partial, "partial"},
     {SessionOutcome::skipped, "skipped"}}};
inline constexpr NameTable<RecoveryWhen, 5> kRecoveryWhenNames{
    {{RecoveryWhen::after_run, "after_run"},
     {RecoveryWhen::rest_day, "rest_day"},
     {RecoveryWhen::daily, "daily"},
     {RecoveryWhen::evening, "evening"},
     {RecoveryWhen::weekly, "weekly"}}};
inline constexpr NameTable<Period, 2> kPeriodNames{{{Period::day, "day"}, {Period::week, "week"}}};
inline constexpr NameTable<BadDayThen, 2> kBadDayThenNames{
    {{BadDayThen::previous_session, "previous_session"},
     {BadDayThen::same_session, "same_session"}}};
inline constexpr NameTable<PartialSession, 2> kPartialSessionNames{
    {{PartialSession::repeat, "repeat"}, {PartialSession::counts, "counts"}}};
inline constexpr NameTable<DecideWhen, 2> kDecideWhenNames{
    {{DecideWhen::next_morning, "next_morning"}, {DecideWhen::after_session, "after_session"}}};

std::string action_kind_name(ActionKind kind);
std::string time_point_name(TimePoint point);
std::string rising_value_name(Rising::Value value);
std::string session_outcome_name(SessionOutcome outcome);
std::string recovery_when_name(RecoveryWhen when);
std::string period_name(Period period);
std::string bad_day_then_name(BadDayThen then);

// Format 2 (describe_format2.cpp). "a distance the runner chooses from 1 mi to 10 mi (2 mi
// unless they choose)".
std::string describe_goal(const Goal& goal);
// "then 0.25 mi more on the last run at each step, until the runner's goal (the steps are
// named 'Week 4 + 1', 'Week 4 + 2', ...)".
std::string describe_ladder(const Stage& stage);
// "at most 10 mi of running in a week (Monday to Sunday); a run that would pass it is left out".
std::string describe_weekly_cap(const Amount& cap);
// What comes after the goal, a line each: "8 weeks at the goal's session, ...", "Weeks in turn:
// heavy (100% of the goal's running), light (70%)", "Every 4th week lighter: ...", "Speed: ...".
std::vector<std::string> describe_after_goal(const AfterGoal& after_goal);
// "On a treadmill: 5 x (run 2 min / walk 1 min); surface: treadmill, 1% incline".
std::string describe_alternative(const StageAlternative& alternative);

// "a, b and c".
std::string join_with_and(const std::vector<std::string>& parts);

}  // namespace runback

#pragma once
// The protocol model: what a physiotherapist's YAML file says, checked and normalised by the
// loader (protocol/loader.hpp). Every field names the YAML key it comes from;
// docs/protocol-format.md is the user-facing description of the same keys and must stay in step
// with this file.
//
// Conventions in the YAML:
//   - durations are strings with a unit: "90s", "1min", "1.5 min", "2 min 30 s", "1h";
//   - distances are strings with a unit: "400m", "1.2km", "0.25mi";
//   - pain is on the 0-10 numeric rating scale;
//   - stages are referred to by their `id`;
//   - `ref:` names a references[].id: the source of the value it sits beside (exercises,
//     recovery items, responses, entry criteria, and the `ref` fields added to stages,
//     intensity, frequency, progression, breaks, pain limits, red flags, the entry test and
//     the plugin, so that every default threshold or dose can cite its source).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"

namespace runback {

// A run or walk segment: a time or a distance.
struct Amount {
  enum class Kind { time, distance };
  Kind kind = Kind::time;
  double value = 0;  // seconds for time, metres for distance
  bool operator==(const Amount&) const = default;
};

// A speed as written (format 2): "6 mph", "9.5 km/h". Kept in its own unit so it reads back as
// the physiotherapist wrote it.
struct Speed {
  enum class Unit { kmh, mph };
  Unit unit = Unit::kmh;
  double value = 0;  // in `unit`, > 0
  bool operator==(const Speed&) const = default;
};

// `{run: 2min, walk: 1min, repeat: 5}`; continuous running is `{run: 20min}` (no walk).
// Format 2 adds a walk-only block `{walk: 20min}` (no run), `start_with: walk`, `until` and the
// block's own intensity (docs/protocol-format.md, "Format 2", families 4 and 5).
struct IntervalBlock {
  std::optional<Amount> run;      // `run`: > 0; required in format 1; absent: a walk-only block
  std::optional<Amount> walk;     // `walk`: optional, > 0 when given (required without a run)
  int repeat = 1;                 // `repeat`: 1..100, default 1
  bool walk_first = false;        // `start_with: walk` (default `run`): each round starts walking
  std::optional<Amount> until{};  // `until`: repeat the round to this total (time or distance)
                                  // instead of `repeat` times
  std::string effort{};           // `effort`: free text, e.g. "easy jog"
  std::optional<int> rpe_min{};   // `rpe: 4` or `rpe: [3, 5]` (Borg CR10) for this block
  std::optional<int> rpe_max{};
  std::optional<Speed> speed{};       // `speed`: of the running, "6 mph", "9.5 km/h"
  std::optional<Speed> walk_speed{};  // `walk_speed`: of the walking
  bool operator==(const IntervalBlock&) const = default;
};

struct Session {
  std::optional<Amount> warmup_walk;    // `warmup_walk`
  std::vector<IntervalBlock> blocks;    // `blocks`: one or more, done in order
  std::optional<Amount> cooldown_walk;  // `cooldown_walk`
  bool operator==(const Session&) const = default;
};

struct Intensity {
  std::optional<int> rpe_min;  // `rpe: [3, 5]` (Borg CR10, 0..10) or `rpe: 4`
  std::optional<int> rpe_max;
  bool talk_test = false;  // `talk_test: true`: "you can talk in full sentences"
  std::string cue;         // `cue`: free text shown with the session
  std::string ref{};       // `ref`: a references[].id (the source of the cue)
  bool operator==(const Intensity&) const = default;
};

// `frequency.by_week[]` (format 2): the frequency for some programme weeks (1-based, week 1
// starts on the programme's start date). Where it and the stage's frequency both apply, the
// more cautious value of each wins (more rest days, fewer runs), so it can only add caution.
struct WeekFrequency {
  int from_week = 1;                // `weeks: [from, to]` or `weeks: n`, 1..104
  int to_week = 1;                  //   (sorted by from_week on load, never overlapping)
  std::optional<int> sessions_min;  // `sessions_per_week`: as in Frequency
  std::optional<int> sessions_max;
  std::optional<int> min_rest_days;  // `min_rest_days`: 0..6
  std::string ref{};                 // `ref`
  bool operator==(const WeekFrequency&) const = default;
};

// `frequency:` at the top level (the default) or in a stage (overrides it, key by key).
struct Frequency {
  int sessions_min = 3;  // `sessions_per_week: {min: 3, max: 4}` (or a single number), 1..7
  int sessions_max = 3;
  int min_rest_days = 1;  // `min_rest_days`: whole days without running between two runs, 0..6
  std::string ref{};      // `ref`: resolved like the other keys (a stage's own over the default)
  std::vector<WeekFrequency> by_week{};  // `by_week` (format 2): a stage's list replaces the
                                         // default's whole
  // Format 2: `sessions_per_week: {max: 4}` alone means "up to 4" (min 1): without preferred
  // run days the week lays out the max, not the min.
  bool sessions_up_to = false;
  // Format 2: `sessions_per_week: {min: 3, max: 4, ref: ID}` and `min_rest_days: {days: 1, ref:
  // ID}`: the source of that key's value. Resolved with the key: a stage that gives the key
  // gives its ref too (none when it writes none), else it keeps the default's.
  std::string sessions_ref{};
  std::string rest_ref{};
  bool operator==(const Frequency&) const = default;
};

enum class Period { day, week };

// An adjunct exercise: `{name, sets, reps | hold_s, times, per, tempo, load, progression, ref}`.
struct Exercise {
  std::string name;           // `name`: required
  int sets = 1;               // `sets`: 1..20
  std::optional<int> reps;    // `reps`: 1..200; exactly one of reps / hold_s
  std::optional<int> hold_s;  // `hold_s`: seconds, 1..600
  int times = 1;              // `times`: sessions per period, 1..14 (twice a day: times 2)
  Period per = Period::day;   // `per`: day | week
  std::string tempo;          // `tempo`: e.g. "3 s down, 3 s up"
  std::string load;           // `load`: e.g. "body weight"
  std::string progression;    // `progression`: how the load rises, in words
  std::string ref;            // `ref`: a references[].id
  SourceLocation where;       // for plugin and planner diagnostics
  bool operator==(const Exercise&) const = default;
};

enum class RecoveryWhen { after_run, rest_day, daily, evening, weekly };

// A recovery routine item: `{name, when, duration, times_per_week, details, ref}`.
struct RecoveryItem {
  std::string name;  // `name`: required
  RecoveryWhen when =
      RecoveryWhen::daily;            // `when`: after_run | rest_day | daily | evening | weekly
  std::optional<Amount> duration;     // `duration`: a time
  std::optional<int> times_per_week;  // `times_per_week`: 1..7 (for `weekly`)
  std::string details;                // `details`
  std::string ref;                    // `ref`
  bool operator==(const RecoveryItem&) const = default;
};

// Format 2, family 11 (e): one way of doing a stage, for the runner who chose the protocol's
// option of that id at `runback start --option ID`. Keys left out keep the stage's own.
struct StageAlternative {
  std::string id;                      // `id`: one of Protocol::options
  std::string name;                    // `name`: shown to the runner; defaults to the option's
  std::optional<Session> session;      // `session`
  std::optional<Intensity> intensity;  // `intensity`
  std::string surface;                 // `surface`
  SourceLocation where;
  bool operator==(const StageAlternative&) const = default;
};

// Format 2, family 9: `ladder: {add: 0.25mi, until: goal}`. From the stage's session, each
// generated step adds `add` to the run of its last block until the run total reaches the runner's
// goal (protocol/personalise.hpp makes the steps).
struct Ladder {
  Amount add;  // `add`: same unit as the goal
  SourceLocation where;
  bool operator==(const Ladder&) const = default;
};

struct Stage {
  std::string id;               // `id`: required, unique, [a-z0-9-]
  std::string name;             // `name`: shown to the runner; defaults to the id
  Session session;              // `session`: required (format 2: or the first of `sessions`)
  Intensity intensity;          // `intensity`
  std::string surface;          // `surface`
  std::string notes;            // `notes`
  Frequency frequency;          // `frequency`: resolved (stage keys over protocol defaults)
  int sessions_to_advance = 2;  // `sessions_to_advance`: resolved (stage over progression default)
  std::vector<Exercise> exercises;  // `exercises`: this stage's own (the protocol-wide list is
                                    // kept apart in Protocol::exercises)
  SourceLocation where;
  std::string ref{};               // `ref`: the source of the stage's session (its shape and dose)
  std::optional<Ladder> ladder{};  // `ladder` (format 2)
  std::vector<StageAlternative> alternatives{};  // `alternatives` (format 2)
  int generated_step = 0;   // a ladder's step N ("<stage> + N"), made for a runner; 0: as written
  int after_goal_week = 0;  // week N after the goal (`after_goal`), made for a runner; 0: not one
  // `sessions: [{...}, {...}]` (format 2): the sessions after the first, in order. The i-th good
  // run in a row at the stage uses session i (the last repeats); session_for() picks it.
  std::vector<Session> later_sessions{};
  bool operator==(const Stage&) const = default;
};

// How many sessions a stage lists (1 for a `session:` stage), and the one its run uses after
// `good_runs` good runs in a row at the stage (clamped to the last).
int session_count(const Stage& stage);
const Session& session_for(const Stage& stage, int good_runs);
// A session whose blocks are all walk-only (no run anywhere): the runner walks that day.
bool walk_only(const Session& session);

// A pain limit at one time point. Either bound may be absent; at least one is present.
struct PainLimit {
  std::optional<int> max;       // `max`: the highest acceptable score, 0..10
  std::optional<int> max_rise;  // `max_rise`: the most it may be above the runner's baseline
                                // (their last next-morning score before the session), 0..10
  std::string ref{};            // `ref`: the source of this limit
  bool operator==(const PainLimit&) const = default;
};

struct PainLimits {
  std::optional<PainLimit> warmup;        // `pain.warmup` (format 2): pain in the warm-up
  std::optional<PainLimit> during;        // `pain.during`
  std::optional<PainLimit> after;         // `pain.after`, measured `after_minutes` after the run
  int after_minutes = 60;                 // `pain.after.after_minutes`: 10..1440
  std::optional<PainLimit> next_morning;  // `pain.next_morning`
  bool operator==(const PainLimits&) const = default;
};

// What a checkpoint can decide, from most permissive to most cautious.
enum class ActionKind { proceed, repeat, step_back, stop };

struct Action {
  ActionKind kind = ActionKind::repeat;  // `action`: proceed | repeat | step_back | stop
  int stages = 0;                        // `stages`: for step_back, 1..10
  int rest_days = 0;                     // `rest_days`: 0..14, days without running first
  bool operator==(const Action&) const = default;
};

// A comparison of a logged number: `{above: 2}`, `{at_least: 3}`, `{below: 1}`, `{at_most: 2}`.
struct NumberTest {
  enum class Op { above, at_least, below, at_most };
  Op op = Op::above;
  double value = 0;
  bool operator==(const NumberTest&) const = default;
};

enum class SessionOutcome { done, partial, skipped };
// `warmup` (format 2) comes last so that the archived numbers of the others stay.
enum class TimePoint { during, after, next_morning, warmup };

// `in_last: {sessions: 3, at_least: 2}` (format 2): the rest of the condition held on at least
// `at_least` of the last `sessions` sessions run, this one included. 1 <= at_least <= sessions
// <= 20.
struct InLast {
  int sessions = 1;
  int at_least = 1;
  bool operator==(const InLast&) const = default;
};

// `rising: {value: pain_next_morning, days: 7}` (format 2): the mean of the value over the last
// `days` days (the checkpoint's day included) is above its mean over the `days` before; both
// windows need at least one value. `days`: 1..28.
struct Rising {
  enum class Value { pain_next_morning, pain_during, pain_after, stiffness_minutes };
  Value value = Value::pain_next_morning;
  int days = 7;
  bool operator==(const Rising&) const = default;
};

// `when:` of a response. All given conditions must hold (and). At least one is given.
struct Condition {
  std::optional<NumberTest> pain_during;        // `pain_during`
  std::optional<NumberTest> pain_after;         // `pain_after`
  std::optional<NumberTest> pain_next_morning;  // `pain_next_morning`
  std::optional<NumberTest> stiffness_minutes;  // `stiffness_minutes`: morning stiffness
  std::optional<bool> swelling;                 // `swelling: true`
  std::optional<bool> limp;                     // `limp: true`
  std::optional<SessionOutcome> session;        // `session: done | partial | skipped`
  std::optional<TimePoint> exceeds;             // `exceeds: during | after | next_morning`: that
                                                // pain limit was passed (`warmup`: format 2)
  // Format 2:
  std::optional<NumberTest> pain_warmup;  // `pain_warmup`: pain in the warm-up
  std::optional<InLast> in_last;          // `in_last`: spans the last sessions
  std::optional<bool> after_setback;      // `after_setback`: the first session since a step back,
                                          // a break rule, a bad day's rest or a clearance
  std::optional<Rising> rising;           // `rising`: a value rising from window to window
  bool operator==(const Condition&) const = default;
};

// `responses[]`: `{name, when, then, why}`. Every response whose `when` holds applies; the most
// cautious action wins. A pain limit passed with no response for it means `repeat`.
struct Response {
  std::string name;  // `name`: required, unique
  Condition when;    // `when`: required
  Action then;       // `then`: required
  std::string why;   // `why`: the plain-words reason shown to the runner
  std::string ref;   // `ref`
  SourceLocation where;
  bool operator==(const Response&) const = default;
};

// `progression.breaks[]`: `{days: 7, step_back: 1}` or `{days: 28, restart: true}`.
struct BreakRule {
  int days = 0;  // `days`: days since the last run, 2..365
  int step_back = 0;
  bool restart = false;
  std::string ref{};  // `ref`
  bool operator==(const BreakRule&) const = default;
};

enum class PartialSession { repeat, counts };

// `progression.decide` (format 2): when a checkpoint decides. `next_morning` waits for the
// next-morning values; `after_session` decides on the session's own values, and a next-morning
// value logged later is still screened (a rise not settled re-decides the session as not
// counting).
enum class DecideWhen { next_morning, after_session };

struct Progression {
  int sessions_to_advance = 2;    // `sessions_to_advance`: the default for stages, 1..20
  int max_stages_per_7_days = 2;  // `max_stages_per_7_days`: 1..2, format 2 1..7 with a `ref`
                                  // above 2 (core limits; see safety.hpp)
  PartialSession partial_session = PartialSession::repeat;  // `partial_session`
  std::vector<BreakRule> breaks;                            // `breaks`: sorted by days on load
  std::string ref{};                             // `ref`: the source of the progression gates above
  DecideWhen decide = DecideWhen::next_morning;  // `decide` (format 2)
  bool operator==(const Progression&) const = default;
};

struct RedFlag {
  std::string id;         // `id`: [a-z0-9-]
  std::string text;       // `text`: the question or description shown to the runner
  bool built_in = false;  // the core's own flags are always present (see safety.hpp)
  std::string ref{};      // `ref` (empty for the built-ins, which safety.hpp cites)
  bool operator==(const RedFlag&) const = default;
};

struct EntryCriterion {
  std::string id;    // `id`
  std::string text;  // `text`: what the runner confirms, e.g. "Brisk 30-minute walk without pain"
  std::string ref;   // `ref`
  bool operator==(const EntryCriterion&) const = default;
};

// `start.entry_test.bands[]`: a value at least `at_least` starts at `stage`; with `exclusive`
// (format 2, written `above: x`) a value above it.
struct StartBand {
  double at_least = 0;  // the band's bound: `at_least`, or `above` when exclusive
  std::string stage;
  bool exclusive = false;
  bool operator==(const StartBand&) const = default;
};

struct EntryTest {
  std::string question;          // `question`: asked of the runner
  std::string unit;              // `unit`: minutes | km | m | mi | count | score
  std::vector<StartBand> bands;  // `bands`: ascending by bound (`above: x` after `at_least: x`),
                                 // the first `at_least: 0`
  std::string ref{};             // `ref`: the source of the test (and of its bands)
  bool operator==(const EntryTest&) const = default;
};

struct StartRule {
  std::string default_stage;            // `start.default_stage`: defaults to the first stage
  std::optional<EntryTest> entry_test;  // `start.entry_test`
  bool operator==(const StartRule&) const = default;
};

struct Reference {
  std::string id;        // `id`: used by `ref:` keys elsewhere
  std::string citation;  // `citation`: required
  std::string url;       // `url`
  std::string note;      // `note`: e.g. "[2nd] secondary source"
  bool operator==(const Reference&) const = default;
};

// A plugin parameter value as written in the YAML, with where it was written, so the plugin's
// own validation can report at the right place. Parameters are scalars.
struct PluginParam {
  std::string text;
  SourceLocation where;
  bool operator==(const PluginParam&) const = default;
};

struct PluginRef {
  std::string name;                           // `plugin.name`
  std::map<std::string, PluginParam> params;  // `plugin.params`: scalar values
  SourceLocation where;
  std::string ref{};  // `plugin.ref`: the source of the parameter values chosen
  bool operator==(const PluginRef&) const = default;
};

// `calendar.days[]` (format 2): one day of a calendar programme, counted from day 1. A day not
// listed is an ordinary rest day.
struct CalendarDay {
  int day = 1;            // `day`: 1..730, strictly ascending through the list
  std::string stage;      // `stage`: the stage done that day (exactly one of stage / recovery)
  bool recovery = false;  // `recovery: true`, or `recovery: "Cycle or swim 20-30 min"`: a day
                          // with no running or jumping
  std::string activity;   // the recovery day's text, when given
  SourceLocation where;
  bool operator==(const CalendarDay&) const = default;
};

// `calendar.bad_day.then`: the session after a bad day's rest.
enum class BadDayThen { previous_session, same_session };

// `calendar.bad_day`: what a checkpoint that does not pass does in a calendar programme (a stop
// or a more cautious response still wins).
struct BadDay {
  int rest_days = 1;                               // `rest_days`: 0..14
  BadDayThen then = BadDayThen::previous_session;  // `then`: previous_session | same_session
  std::string ref{};                               // `ref`: the source of the rule
  bool operator==(const BadDay&) const = default;
};

// `calendar` (format 2): a programme laid out by programme day. Each stage is one session, on
// its own day; the next session is due as many days after the last run as the calendar puts
// between the two, whatever the weekday or the runs a week.
struct Calendar {
  std::vector<CalendarDay> days;  // `days`: every stage once, in stage order
  std::optional<BadDay> bad_day;  // `bad_day`: absent, the responses alone decide
  std::string ref;                // `ref`: the source of the calendar
  bool operator==(const Calendar&) const = default;
};

// Format 2, family 9: `goal: {unit: distance, default: 2mi, min: 1mi, max: 10mi, ref: ...}`, the
// run total each runner aims for (`runback start --goal 3mi`).
struct Goal {
  Amount::Kind unit = Amount::Kind::distance;  // `unit`: distance | time
  Amount default_goal;                         // `default`: between min and max
  Amount min;                                  // `min`
  Amount max;                                  // `max`
  std::string ref{};                           // `ref`
  bool operator==(const Goal&) const = default;
};

// Format 2, family 9, what comes after the goal: `after_goal: {weeks: 8, speed: {add: 0.2mph,
// until: 7mph, every: 1}, week_pattern: [heavy, light, medium], volume: {heavy: 100%, light: 70%,
// medium: 85%}, lighter_week: {every: 4, volume: 80%}, ref: ...}`. After the last stage, each
// runner gets `weeks` more steps of one week each at the goal's session (protocol/after_goal.hpp
// makes them): never more running than the goal's session, the speed raised step by step.
struct AfterGoalSpeed {
  Speed add;            // `add`: added to each run's speed every `every` weeks
  Speed until;          // `until`: never faster than this
  int every_weeks = 1;  // `every`: 1..8 weeks
  bool operator==(const AfterGoalSpeed&) const = default;
};
struct PatternWeek {
  std::string kind;   // `week_pattern[i]`: heavy | medium | light
  int percent = 100;  // `volume.<kind>`: the share of the goal session's running, 10..100
  bool operator==(const PatternWeek&) const = default;
};
struct LighterWeek {
  int every = 4;     // `every`: every 2nd..8th week after the goal
  int percent = 80;  // `volume`: at most this share of the goal session's running, 10..100
  bool operator==(const LighterWeek&) const = default;
};
struct AfterGoal {
  int weeks = 1;                            // `weeks`: 1..52
  std::optional<AfterGoalSpeed> speed;      // `speed`
  std::vector<PatternWeek> week_pattern;    // `week_pattern` with `volume`: repeats in order
  std::optional<LighterWeek> lighter_week;  // `lighter_week`
  std::string ref;                          // `ref`
  SourceLocation where;
  bool operator==(const AfterGoal&) const = default;
};

// Format 2, family 11 (e): `options: [{id: treadmill, name: "Treadmill"}, ...]`.
struct StageOption {
  std::string id;    // `id`: [a-z0-9-]
  std::string name;  // `name`: defaults to the id
  bool operator==(const StageOption&) const = default;
};

struct Protocol {
  int format = 1;                              // `format`: 1 or 2 (absent: 1)
  std::string id;                              // `id`: required, [a-z0-9-]
  std::string title;                           // `title`: required
  std::string version;                         // `version`: required, e.g. "1.0.0"
  std::string condition;                       // `condition`: required
  std::string summary;                         // `summary`
  std::vector<std::string> authors;            // `authors`
  std::vector<Reference> references;           // `references`
  std::vector<EntryCriterion> entry_criteria;  // `entry_criteria`
  StartRule start;                             // `start`
  Frequency frequency;                         // `frequency`: the defaults for stages
  Progression progression;                     // `progression`
  PainLimits pain;                             // `pain`
  std::vector<Response> responses;             // `responses`
  std::vector<RedFlag> red_flags;      // `red_flags`: the core's built-ins first, then these
  std::vector<Stage> stages;           // `stages`: one or more, in order
  std::vector<Exercise> exercises;     // `exercises`: done at every stage
  std::vector<RecoveryItem> recovery;  // `recovery`
  std::optional<PluginRef> plugin;     // `plugin`
  std::optional<Calendar> calendar;    // `calendar` (format 2)
  // Format 2 (each absent in format 1):
  std::string step_word = "stage";      // `step_word`: stage | level | phase | step | week | day
  std::optional<Goal> goal;             // `goal` (family 9)
  std::optional<Amount> weekly_cap;     // `weekly_cap`: the most running in a Monday-Sunday week
  std::vector<StageOption> options;     // `options` (family 11 e)
  std::optional<AfterGoal> after_goal;  // `after_goal` (family 9)
  // Set by personalise() for a runner's programme (not YAML keys): the goal and the option that
  // made the stages the planner follows.
  std::optional<Amount> runner_goal;
  std::string runner_option;

  std::string source_path;  // where it was loaded from (not a YAML key)
  std::string source_text;  // the YAML as loaded, so a programme can keep a snapshot

  // Index of the stage with this id, or -1.
  int stage_index(const std::string& stage_id) const;
  bool operator==(const Protocol&) const = default;
};

}  // namespace runback

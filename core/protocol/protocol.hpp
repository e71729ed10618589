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

// `{run: 2min, walk: 1min, repeat: 5}`; continuous running is `{run: 20min}` (no walk).
struct IntervalBlock {
  Amount run;                  // `run`: required, > 0
  std::optional<Amount> walk;  // `walk`: optional, > 0 when given
  int repeat = 1;              // `repeat`: 1..100, default 1
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

// `frequency:` at the top level (the default) or in a stage (overrides it, key by key).
struct Frequency {
  int sessions_min = 3;  // `sessions_per_week: {min: 3, max: 4}` (or a single number), 1..7
  int sessions_max = 3;
  int min_rest_days = 1;  // `min_rest_days`: whole days without running between two runs, 0..6
  std::string ref{};      // `ref`: resolved like the other keys (a stage's own over the default)
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

struct Stage {
  std::string id;               // `id`: required, unique, [a-z0-9-]
  std::string name;             // `name`: shown to the runner; defaults to the id
  Session session;              // `session`: required
  Intensity intensity;          // `intensity`
  std::string surface;          // `surface`
  std::string notes;            // `notes`
  Frequency frequency;          // `frequency`: resolved (stage keys over protocol defaults)
  int sessions_to_advance = 2;  // `sessions_to_advance`: resolved (stage over progression default)
  std::vector<Exercise> exercises;  // `exercises`: this stage's own (the protocol-wide list is
                                    // kept apart in Protocol::exercises)
  SourceLocation where;
  std::string ref{};  // `ref`: the source of the stage's session (its shape and dose)
  bool operator==(const Stage&) const = default;
};

// A pain limit at one time point. Either bound may be absent; at least one is present.
struct PainLimit {
  std::optional<int> max;       // `max`: the highest acceptable score, 0..10
  std::optional<int> max_rise;  // `max_rise`: the most it may be above the runner's baseline
                                // (their last next-morning score before the session), 0..10
  std::string ref{};            // `ref`: the source of this limit
  bool operator==(const PainLimit&) const = default;
};

struct PainLimits {
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
enum class TimePoint { during, after, next_morning };

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
                                                // pain limit was passed
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

  std::string source_path;  // where it was loaded from (not a YAML key)
  std::string source_text;  // the YAML as loaded, so a programme can keep a snapshot

  // Index of the stage with this id, or -1.
  int stage_index(const std::string& stage_id) const;
  bool operator==(const Protocol&) const = default;
};

}  // namespace runback

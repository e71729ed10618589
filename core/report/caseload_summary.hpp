#pragma once
// A caseload at a glance: for each runner, the few facts a physiotherapist scans for (a stop,
// silence, setbacks, pain going up, what a checkpoint waits for, the next run), and the order
// that puts whoever needs attention first. Made from the same plan every view prints, so
// `runners`, `week --all --summary` and `status` agree.

#include <optional>
#include <string>
#include <vector>

#include "plan/plan.hpp"
#include "records/records.hpp"
#include "util/date.hpp"

namespace runback {

// Setbacks count over this many days up to the date (that day included).
inline constexpr int kSetbackWindowDays = 14;
// Silence without a missed run: this many days or more since the last log.
inline constexpr int kSilentAfterDays = 7;
// The pain trend shows this many sessions at most.
inline constexpr int kPainTrendSessions = 5;

// Why a runner comes where they do, most urgent first.
enum class AttentionTier {
  stopped,    // running is on hold (a red flag, or a response that stops) until a clearance
  unplanned,  // a programme runs, but no plan can be made (its protocol cannot be read, or
              // another plugin is found under its plugin's name): the runner gets no guidance
  silent,     // a planned run passed with nothing logged since the last log, or 7+ days silent
  setbacks,   // a step back or a stop in the last 14 days
  steady,     // none of these
  no_plan,    // no active programme: nothing to judge
};
// "stopped", "unplanned", "silent", "setbacks", "steady", "no_plan", as JSON gives them.
std::string attention_tier_name(AttentionTier tier);

struct RunnerAttention {
  std::string name;
  bool planned = false;        // false: no plan (unplanned or no_plan); the fields below are empty
  std::string no_plan_reason;  // then why: "no programme running"
  bool programme_running = false;  // without a plan: whether a programme runs (unplanned)
  int stage_number = 0;            // 1-based
  int stage_count = 0;
  bool complete = false;
  bool stopped = false;
  std::optional<Date> stopped_on;
  // The stop still open: the red flags logged (ids), else the rule of the response that stopped.
  std::vector<std::string> red_flags;
  std::string stop_rule;
  std::optional<Date> last_log;  // the last day with anything logged, up to the date
  // Days since the last log; since the start when nothing is logged yet (0 before the start).
  int days_silent = 0;
  bool missed_since_last_log = false;  // a planned run passed with nothing logged since
  std::optional<Date> waiting_for;     // the session whose checkpoint still waits for values
  std::vector<std::string> awaited;    // the values it waits for ("next-morning pain")
  // What was logged for it already fails the run (Decision::fails_already): the step back or
  // repeat is coming whatever the values awaited say.
  bool waiting_fails = false;
  int setbacks = 0;                    // is_setback decisions in the last 14 days
  bool setbacks_include_stop = false;  // the open stop is one of them
  std::vector<int> pain;               // the worst pain of the last sessions, oldest first
  std::optional<Date> next_run;
  // The plugin, by name, when it failed while the plan was made (Plan::plugin_failures): the
  // plan lacks its answers, and someone has to see to it.
  std::string failed_plugin;

  AttentionTier tier() const;
};

// A decision that set the runner back for their symptoms: a step back (a pain limit or response)
// or a stop (a red flag or a response; its first day, not each session held by it). A repeat
// keeps the stage, and a long break's step back is the runner's silence, counted as such.
bool is_setback(const Decision& decision);

// The summary of one runner's plan on `today` (the plan's date; logs after it are not read).
RunnerAttention attention_of(const std::string& name, const Programme& programme,
                             const std::vector<DayLog>& logs, const Plan& plan, Date today);
// A runner with no plan to judge, and why: no programme running, or one that cannot be planned
// (`programme_running`: a protocol that cannot be read, another plugin under its name).
RunnerAttention attention_without_plan(const std::string& name, const std::string& reason,
                                       bool programme_running);

// The caseload's order: stopped first, then unplanned, then silent (longest first), then
// setbacks (most first), then everyone else, then those without a programme; by name within a
// tier and on ties.
bool needs_attention_before(const RunnerAttention& a, const RunnerAttention& b);
bool name_before(const RunnerAttention& a, const RunnerAttention& b);

// "2 3 5 up": the pain values, then "up", "down" or "flat" from the first shown to the last;
// "-" with none, no trend with one. ASCII, so it reads on any terminal.
std::string pain_trend_text(const std::vector<int>& pain);
// What needs attention in a few words, most urgent first ("STOPPED since Mon 30 Nov: red flag
// night-pain, until cleared; no log for 8 days; needs next-morning pain"); empty when nothing
// does; without a plan, why there is none.
std::string attention_text(const RunnerAttention& runner);

}  // namespace runback

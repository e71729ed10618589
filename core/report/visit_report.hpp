#pragma once
// What a visit report shows: a runner's programme between two dates, gathered from their records
// and their plan into plain values, so the page (report/visit_html.hpp) only draws and escapes.
// Pure: the command line reads the records and makes the plan.

#include <optional>
#include <string>
#include <vector>

#include "plan/checkpoint.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "report/command_syntax.hpp"
#include "util/date.hpp"

namespace runback {

// One logged session (a run, a walk, or one the runner skipped).
struct ReportSession {
  Date date;
  SessionOutcome outcome = SessionOutcome::done;
  int stage_index = 0;
  std::optional<int> pain_during;
  std::optional<int> pain_after;
  std::optional<int> pain_next_morning;  // the morning after `date`
  std::string note;                      // the runner's, as typed
};

// Monday to Sunday (cut to the report's dates at either end).
struct ReportWeek {
  Date monday;
  int runs = 0;              // sessions done or partly done with running in them
  int walks = 0;             // walk-only sessions done or partly done (format 2)
  double run_minutes = 0;    // the planned running of the sessions done in full, by time
  bool by_distance = false;  // some of those sessions' running is set by distance, not counted
};

// A plugin's question and its answers on the days they were logged; or, with `target`, the
// cadence the plugin set for each run done (the knee plugin's metronome).
struct AnswerSeries {
  std::string key;       // `--answer KEY=...`; for a target, what the axis counts
  std::string question;  // the plugin's words; the key when the plugin did not say
  bool target = false;
  bool yes_no = false;
  double min = 0;  // the range to draw: a 0-10 score's whole scale, else up to the answers'
  double max = 10;
  struct Point {
    Date date;
    double value = 0;  // yes: 1, no: 0
    std::string text;  // as logged
  };
  std::vector<Point> points;
};

struct ReportRedFlag {
  Date date;
  std::string id;
  std::string text;  // the protocol's (or the core's) words for it
};

// A decision with its reason in the words every report uses (report/decision_words.hpp).
struct ReportDecision {
  Decision decision;
  std::string reason;
};

struct VisitReport {
  std::string runner;
  std::string protocol_title;
  std::string protocol_id;
  std::string protocol_version;
  std::string step_word = "stage";
  Date programme_start;
  Date from;  // the first and last day shown
  Date to;
  std::vector<std::string> stage_titles;  // "stage 3 of 12, 2-minute runs", by index
  EffectivePainLimits limits;
  std::vector<ReportSession> sessions;    // ascending by date
  std::vector<int> stage_by_day;          // the stage each day from `from` to `to` (0-based)
  std::vector<ReportDecision> decisions;  // taken from `from` to `to`, not the waiting ones
  std::vector<ReportWeek> weeks;
  std::vector<AnswerSeries> answers;  // one per question answered at least once, then the
                                      // cadence target when the plugin sets one
  std::vector<ReportRedFlag> red_flags;
  std::vector<Clearance> clearances;
  std::string standing;  // where the runner stands on `to` (report/standing_text.hpp)
  std::string week;      // the plan of the week of `to`, as `runback week` prints it
};

// `plan` is the runner's plan on `to` with the days from `from` to `to` laid out (with every
// decision explained); `week_plan` the plan on `to` with its week laid out; `questions` the
// plugin's checkpoint questions (none without a plugin).
VisitReport make_visit_report(const Protocol& protocol, const RunnerRecords& records,
                              const Plan& plan, const Plan& week_plan,
                              const std::vector<CheckpointQuestion>& questions, Date from, Date to,
                              const CommandSyntax& commands);

}  // namespace runback

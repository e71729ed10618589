#pragma once
// One checkpoint: a logged session judged against the protocol's pain limits and responses. Pure:
// the plugin's verdict and the runner's baseline come in as values.

#include <optional>
#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "util/name_table.hpp"

namespace runback {

// The protocol's pain limits with the core's limits applied (protocol/safety.hpp): a protocol may
// be stricter, never looser, and a missing next-morning limit means "no rise" ([1], Silbernagel
// 2007: pain after activity must settle by the next morning).
struct EffectivePainLimits {
  PainLimit during;
  std::optional<PainLimit> after;
  int after_minutes = 60;
  PainLimit next_morning;
  std::optional<PainLimit> warmup{};  // only when the protocol sets one (format 2)
};
EffectivePainLimits effective_pain_limits(const Protocol& protocol);

// The logged values a checkpoint needs before it can pass, in the order they come in.
struct NeededLogs {
  bool during = true;
  bool after = false;
  bool next_morning = true;  // false with `decide: after_session`: the morning values (pain and
                             // stiffness) are asked and judged when logged, not waited for
  bool stiffness = false;    // asked the next morning (waited for only with next_morning)
  bool warmup = false;  // when the protocol's limits or responses use it (format 2); felt first
};
NeededLogs needed_logs(const Protocol& protocol);

// One reason that pushed the checkpoint away from "proceed".
struct Reason {
  std::string rule;  // "pain.during", "response 'sore-next-day'", "partial_session", ...
  std::string text;  // "pain during the run was 4/10 on 2026-11-24; this protocol allows 2/10"
  Action action;
  std::string why;  // a response's `why`: the protocol author's own sentences
};

// Which pain limits a log passed.
struct Exceeded {
  bool during = false;
  bool after = false;
  bool next_morning = false;
  bool warmup = false;
};

// An earlier session's checkpoint as the day walk took it: what the rules that span sessions
// (`in_last`, format 2) look back at.
struct SessionMark {
  std::size_t log = 0;  // index into SessionHistory::logs
  Exceeded exceeded;
  bool after_setback = false;
};

// The runner's history before a checkpoint, a value the day walk hands in so the checkpoint stays
// pure. Empty (the default): the rules that span sessions see this session alone.
struct SessionHistory {
  const std::vector<DayLog>* logs = nullptr;  // every log so far, ascending by date, this one last
  const std::vector<SessionMark>* sessions = nullptr;  // the earlier sessions run, oldest first
  bool after_setback = false;  // this is the first session since a step back, a break rule, a
                               // bad day's rest or a clearance ("the restarted session")
};

struct CheckpointResult {
  bool complete = true;                      // every needed value is logged
  std::vector<std::string> missing;          // "next-morning pain", ... when not complete
  Action action{ActionKind::proceed, 0, 0};  // the protocol's and core's verdict, most cautious
  std::vector<Reason> reasons;  // every reason that was not "proceed", most cautious first
  Exceeded exceeded;            // the limits passed, for the history of later checkpoints
};

// Orders reasons most cautious first, keeping the order of equally cautious ones. In place and
// without allocating: it runs at every checkpoint of every plan, on a handful of reasons.
void most_cautious_first(std::vector<Reason>& reasons);

// What a rise in pain is measured from: the runner's last next-morning score before the session,
// else the usual pain they gave at `runback start`. Only a programme started before runback asked
// has neither; 0 is then assumed, and the explanation says so.
struct Baseline {
  enum class Source { assumed, usual, morning };
  int pain = 0;
  Source source = Source::assumed;
};

// `baseline` as above; the overload with an optional score treats it as a next-morning value
// (none: 0 is assumed).
// Red flags are not judged here (the planner stops on them whatever the session). With `explain`
// false the reasons carry their rule and action but no text (cheaper, for plans nobody reads in
// full).
CheckpointResult evaluate_checkpoint(const Protocol& protocol, const DayLog& log,
                                     std::optional<int> baseline, bool explain = true);
// The same with the protocol's limits and needs worked out once, for a walk over a history.
// `history`: the earlier checkpoints, for `in_last`, `after_setback` and `rising`.
CheckpointResult evaluate_checkpoint(const Protocol& protocol, const EffectivePainLimits& limits,
                                     const NeededLogs& needed, const DayLog& log,
                                     const Baseline& baseline, bool explain,
                                     const SessionHistory& history = {});

// Does a response's `when` hold for this log? `exceeded` says which pain limits were passed;
// `history` serves the conditions that span sessions.
bool condition_holds(const Condition& when, const DayLog& log, const Exceeded& exceeded,
                     const SessionHistory& history = {});

// Words for the parts of a log, shared by explanations and reminders.
inline constexpr NameTable<TimePoint, 4> kTimePointWords{{
    {TimePoint::during, "during the run"},
    {TimePoint::after, "after the run"},
    {TimePoint::next_morning, "the next morning"},
    {TimePoint::warmup, "in the warm-up"},
}};
std::string time_point_words(TimePoint point);  // "during the run", "after the run", ...

}  // namespace runback

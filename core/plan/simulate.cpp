#include "plan/simulate.hpp"

#include <algorithm>
#include <random>

#include "plan/planner.hpp"

namespace runback {
namespace {

using Days = std::chrono::days;

class SymptomGenerator {
 public:
  SymptomGenerator(SymptomProfile profile, std::uint64_t seed) : profile_(profile), rng_(seed) {}

  DayLog next() {
    DayLog log;
    log.session = SessionOutcome::done;
    log.stiffness_minutes = 0;
    switch (profile_) {
      case SymptomProfile::steady:
        steady(log);
        break;
      case SymptomProfile::flare:
        if (settling_ > 0) {
          --settling_;
          set(log, pick(2, 3), pick(1, 2), pick(1, 2));
          log.stiffness_minutes = 10;
        } else if (pick(0, 99) < 12) {
          settling_ = 2;
          set(log, pick(5, 7), pick(4, 6), pick(3, 4));
          log.stiffness_minutes = pick(15, 40);
        } else {
          steady(log);
        }
        break;
      case SymptomProfile::stall:
        set(log, pick(2, 4), pick(1, 3), pick(1, 2));
        break;
    }
    return log;
  }

 private:
  int pick(int low, int high) { return low + int(rng_() % std::uint64_t(high - low + 1)); }
  void set(DayLog& log, int during, int after, int morning) {
    log.pain_during = during;
    log.pain_after = after;
    log.pain_next_morning = morning;
  }
  void steady(DayLog& log) { set(log, pick(0, 9) < 7 ? pick(0, 1) : 2, 0, 0); }

  SymptomProfile profile_;
  std::mt19937_64 rng_;
  int settling_ = 0;
};

}  // namespace

Simulation simulate(const SimulationRequest& r) {
  Simulation sim;
  sim.start = r.start;
  Programme programme;
  programme.protocol_id = r.protocol.id;
  programme.protocol_version = r.protocol.version;
  programme.start_date = r.start;
  programme.starting_stage = r.starting_stage;
  programme.params = r.params;
  programme.run_days = r.run_days;
  programme.usual_pain = r.usual_pain;
  const std::vector<Clearance> no_clearances;
  SymptomGenerator generator(r.profile, r.seed);
  std::size_t scripted = 0;
  const Date end = r.start + Days{std::max(1, r.max_days)};

  Date day = r.start;
  bool finished = false;
  while (day < end) {
    const PlanRequest request{r.protocol, r.extension, programme, sim.logs, no_clearances,
                              day,        day,         0,         60};
    const Plan plan = make_plan(request);
    if (plan.status.complete) {
      finished = true;
      break;
    }
    if (plan.status.stopped) {
      sim.stopped = true;
      break;
    }
    if (!plan.next_run || *plan.next_run >= end) break;
    const Date run = *plan.next_run;
    DayLog log = scripted < r.script.size() ? r.script[scripted++] : generator.next();
    log.date = run;
    // The warm-up (format 2) is not simulated: it went well, so a protocol that asks for it is
    // not held back waiting for it.
    if (!log.pain_warmup) log.pain_warmup = 0;
    // Plugin questions are left to the script: one the plugin waits for holds the session, as
    // it would hold the runner's.
    sim.logs.push_back(std::move(log));
    day = run + Days{1};
  }

  const Date today = sim.logs.empty() ? r.start : sim.logs.back().date + Days{1};
  // A calendar programme is read by its days: lay them all out, from the start to the last run.
  const int laid_out = r.protocol.calendar ? int((today - r.start).count()) : 0;
  PlanRequest last{r.protocol, r.extension, programme, sim.logs, no_clearances,
                   today,      r.start,     laid_out,  0};
  last.day_details = false;
  Plan plan = make_plan(last);
  sim.decisions = std::move(plan.decisions);
  sim.calendar_days = std::move(plan.days);
  for (const Decision& d : sim.decisions) {
    if (d.kind == DecisionKind::complete) sim.completed = d.date;
    if (!is_checkpoint(d.kind) || d.kind == DecisionKind::waiting) continue;
    if (sim.timeline.empty() || sim.timeline.back().stage_index != d.from_stage) {
      sim.timeline.push_back({d.from_stage, d.date, d.date, 0});
    }
    sim.timeline.back().last = d.date;
    ++sim.timeline.back().runs;
  }
  if (sim.completed) sim.days_to_completion = int((*sim.completed - r.start).count()) + 1;
  sim.ran_out = !finished && !sim.stopped && !sim.completed;
  return sim;
}

}  // namespace runback

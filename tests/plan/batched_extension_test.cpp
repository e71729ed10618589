// A plugin that answers in batches (a plugin host process) is asked each walk's calls at once
// (plan/batched_extension.hpp). Over random histories the plan is the one calling the plugin one
// call at a time gives, in a few batches, and no verdict is asked for a checkpoint that the plan
// one call at a time would not ask one for (its questions unanswered).

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "plan/random_history.hpp"

using namespace runback;
using namespace runback::test;

namespace {

// Forwards to `inner`, one call at a time or in batches, and notes what was asked.
class Recording final : public PlanExtension {
 public:
  Recording(const PlanExtension& inner, bool batches) : inner_(inner), batches_(batches) {}
  std::string name() const override { return inner_.name(); }
  std::string version() const override { return inner_.version(); }
  std::vector<Diagnostic> validate(const PluginRef& ref) const override {
    return inner_.validate(ref);
  }
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override {
    ++calls;
    return inner_.exercises(context);
  }
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext& context) const override {
    ++calls;
    return inner_.session_cues(context);
  }
  Result<std::vector<CheckpointQuestion>> questions(
      const ExtensionContext& context) const override {
    ++calls;
    return inner_.questions(context);
  }
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override {
    ++calls;
    verdict_days.insert(log.date);
    CHECK(context.logs.back().date == log.date);
    return inner_.verdict(context, log);
  }
  std::vector<ExtensionReply> call_all(std::span<const ExtensionCall> batch) const override {
    ++batches;
    return PlanExtension::call_all(batch);  // one at a time, through the hooks above
  }
  bool answers_in_batches() const override { return batches_; }
  bool questions_fixed() const override { return inner_.questions_fixed(); }

  mutable int calls = 0;
  mutable int batches = 0;
  mutable std::set<Date> verdict_days;

 private:
  const PlanExtension& inner_;
  bool batches_;
};

std::string described(const Plan& plan) {
  std::string out;
  for (const auto* list : {&plan.decisions, &plan.projected}) {
    for (const Decision& d : *list) {
      out += format_date(d.date) + " " + decision_kind_name(d.kind) + " " +
             std::to_string(d.from_stage) + "->" + std::to_string(d.to_stage) + " rest " +
             std::to_string(d.rest_days) + " " + d.rule + ": " + d.explanation + "\n";
    }
  }
  for (const PlannedDay& day : plan.days) {
    out += format_date(day.date) + " stage " + std::to_string(day.stage_index) +
           (day.run ? " run" : " rest") + ":";
    for (const Exercise& e : day.exercises) out += " " + e.name + " " + std::to_string(e.sets);
    for (const SessionCue& c : day.cues) out += " cue " + c.text;
    for (const Reminder& r : day.reminders) {
      for (const LogField& f : r.fields) out += " log " + f.what;
    }
    out += "\n";
  }
  for (const std::string& note : plan.notes) out += "note: " + note + "\n";
  for (const std::string& failure : plan.plugin_failures) out += "failed: " + failure + "\n";
  out += "stage " + std::to_string(plan.status.stage_index) + ", next run " +
         (plan.next_run ? format_date(*plan.next_run) : "none") + "\n";
  return out;
}

}  // namespace

TEST_CASE("a plugin asked in batches gives the plan of one asked one call at a time",
          "[plan][plugin][batches]") {
  std::mt19937_64 protocol_rng(20261202);
  std::vector<Protocol> protocols;
  for (int i = 0; i < 12; ++i) {
    Protocol p = random_protocol(protocol_rng);
    p.plugin = PluginRef{"random", {}, {}};
    protocols.push_back(std::move(p));
  }
  long histories = 0, calls_alone = 0, calls_batched = 0, batches = 0, most_batches = 0;
  for (int i = 0; i < 600; ++i) {
    std::mt19937_64 rng(7919ULL * std::uint64_t(i) + 1);
    History h = random_history(protocols[std::size_t(i) % protocols.size()], rng);
    if (!h.plugin_seed) continue;
    const RandomVerdictExtension plugin(*h.plugin_seed);
    for (const int explain_last : {-1, 5}) {
      const Recording alone(plugin, false);
      const Recording batched(plugin, true);
      auto plan_with = [&](const Recording& extension) {
        PlanRequest request{h.protocol,   &extension, h.programme,        h.logs,
                            h.clearances, h.today,    monday_of(h.today), 14};
        request.explain_last = explain_last;
        return make_plan(request);
      };
      const Plan one_at_a_time = plan_with(alone);
      const Plan in_batches = plan_with(batched);
      INFO("history " << i << ", explain_last " << explain_last << "\n" << describe(h));
      REQUIRE(described(in_batches) == described(one_at_a_time));
      // No verdict for a checkpoint whose questions wait for an answer: half the seeds ask one
      // that must be answered, and the random logs never answer it. Such a checkpoint gets a
      // verdict only for a skipped session, or when the protocol judges without the next
      // morning (then the plan one call at a time asks for a verdict at a session too).
      if (*h.plugin_seed % 2 == 1) {
        std::map<Date, const DayLog*> logs;
        for (const DayLog& log : h.logs) logs[log.date] = &log;
        auto skipped = [&](Date day) {
          return logs.count(day) && logs[day]->session == SessionOutcome::skipped;
        };
        const bool judged_without_answers =
            std::any_of(alone.verdict_days.begin(), alone.verdict_days.end(),
                        [&](Date day) { return !skipped(day); });
        for (Date day : batched.verdict_days) {
          INFO("verdict asked for " << format_date(day));
          CHECK((skipped(day) || judged_without_answers));
        }
      }
      CHECK(alone.batches == 0);
      ++histories;
      calls_alone += alone.calls;
      calls_batched += batched.calls;
      batches += batched.batches;
      most_batches = std::max<long>(most_batches, batched.batches);
    }
  }
  REQUIRE(histories > 100);
  // Fewer batches than calls, though this plugin's verdicts are hard to guess (most say
  // "repeat", at random), and the calls sent in vain a few times those needed.
  CHECK(batches < calls_alone / 2);
  CHECK(calls_batched < calls_alone * 4);
  WARN(histories << " plans: " << calls_alone << " calls one at a time; " << calls_batched
                 << " calls in " << batches << " batches (at most " << most_batches
                 << " for one plan)");
}

TEST_CASE("many plans with one plugin asked in batches share each round's batch",
          "[plan][plugin][batches]") {
  std::mt19937_64 protocol_rng(20261203);
  std::vector<History> histories;
  for (int i = 0; histories.size() < 60; ++i) {
    Protocol p = random_protocol(protocol_rng);
    p.plugin = PluginRef{"random", {}, {}};
    std::mt19937_64 rng(104729ULL * std::uint64_t(i) + 3);
    History h = random_history(p, rng);
    if (h.plugin_seed) histories.push_back(std::move(h));
  }
  // One plugin for all, as a caseload has: the seed of the first history.
  const RandomVerdictExtension plugin(*histories.front().plugin_seed);
  const Recording alone(plugin, false);
  const Recording batched(plugin, true);
  // A runner without the plugin among them is planned as make_plan plans it.
  std::vector<PlanRequest> requests;
  for (std::size_t i = 0; i < histories.size(); ++i) {
    const History& h = histories[i];
    requests.push_back({h.protocol, i % 7 == 3 ? nullptr : &batched, h.programme, h.logs,
                        h.clearances, h.today, monday_of(h.today), 14});
    requests.back().explain_last = i % 2 == 0 ? -1 : 5;
  }
  const std::vector<Plan> plans = make_plans(requests);
  REQUIRE(plans.size() == requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    PlanRequest one = requests[i];
    if (one.extension != nullptr) one.extension = &alone;
    INFO("history " << i << "\n" << describe(histories[i]));
    CHECK(described(plans[i]) == described(make_plan(one)));
  }
  // A batch a round for all of them, not one per plan: about as many as one plan needs alone.
  CHECK(batched.batches > 0);
  CHECK(batched.batches < int(requests.size()));
  WARN(requests.size() << " plans in " << batched.batches << " batches of " << batched.calls
                       << " calls (" << alone.calls << " one at a time)");
}

namespace {

// A plugin whose host has died: every call fails at once with the same words.
class DeadPlugin final : public PlanExtension {
 public:
  std::string name() const override { return "random"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<Diagnostic> validate(const PluginRef&) const override { return {}; }
  Result<std::vector<Exercise>> exercises(const ExtensionContext&) const override { return died(); }
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext&) const override {
    return died();
  }
  Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext&) const override {
    return died();
  }
  Result<Verdict> verdict(const ExtensionContext&, const DayLog&) const override { return died(); }

 private:
  static Error died() { return Error{"plugin 'random' (/p/random.so): stopped with signal 11"}; }
};

// Plans 20 random histories of one random protocol (from `seed`) with `plugin`, one call at a
// time and in batches, checks that the plans are the same, and gives `check` the batched
// recording, the one-at-a-time one and how many walks the batched plan took (each walk draws a
// history id, extension.hpp).
template <class Check>
void plan_both_ways(const PlanExtension& plugin, std::uint64_t seed, Check check) {
  std::mt19937_64 protocol_rng(seed);
  Protocol p = random_protocol(protocol_rng);
  p.plugin = PluginRef{"random", {}, {}};
  for (std::uint64_t i = 0; i < 20; ++i) {
    std::mt19937_64 rng(seed + 31 * i);
    const History h = random_history(p, rng);
    const Recording alone(plugin, false);
    const Recording batched(plugin, true);
    auto plan_with = [&](const Recording& extension) {
      return make_plan({h.protocol, &extension, h.programme, h.logs, h.clearances, h.today,
                        monday_of(h.today), 14});
    };
    const Plan one_at_a_time = plan_with(alone);
    const std::uint64_t before = next_history_id();
    const Plan in_batches = plan_with(batched);
    const std::uint64_t walks = next_history_id() - before - 1;
    INFO(describe(h));
    CHECK(described(in_batches) == described(one_at_a_time));
    check(batched, alone, walks);
  }
}

}  // namespace

TEST_CASE("a plugin whose every call fails is asked in a few batches, not one a checkpoint",
          "[plan][plugin][batches]") {
  plan_both_ways(DeadPlugin(), 20261204, [](const Recording& batched, const Recording&, auto) {
    CHECK(batched.batches <= 6);  // a guess or two, then every call guessed to fail alike
  });
}

TEST_CASE("a walk whose every guess the plugin confirms is kept: one batch a plan",
          "[plan][plugin][batches]") {
  // No objection, no questions, no exercises: every guess the batching makes is right.
  FakeExtension agreeable;
  agreeable.plugin_name = "random";
  agreeable.on_verdict = [](const ExtensionContext&, const DayLog&) -> Result<Verdict> {
    return Verdict{Action{ActionKind::proceed, 0, 0}, ""};
  };
  plan_both_ways(agreeable, 20261205,
                 [](const Recording& batched, const Recording& alone, std::uint64_t walks) {
                   // The questions, then the verdicts that waited for them: a walk a batch, and
                   // no walk after the last to check what it confirmed.
                   CHECK(batched.batches <= 2);
                   CHECK(walks == std::uint64_t(batched.batches));
                   CHECK(batched.calls == alone.calls);
                 });
}

// The planner with a plugin: its verdicts only add caution, it sees the history so far under one
// id a plan, and its exercises and cues fill the days.

#include <algorithm>

#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"

using namespace runback;
using namespace runback::test;

TEST_CASE("a plugin can only make a checkpoint more cautious", "[plan][plugin]") {
  Protocol p = achilles_protocol();
  p.plugin = PluginRef{"fake", {}, {}};
  FakeExtension fake;
  Run run = start(p);
  run.extension = &fake;

  SECTION("a plugin saying proceed never overrides a core repeat") {
    run.logs = {session(day(0), 7, 0)};
    CHECK(last(run.plan(day(1))).kind == DecisionKind::repeat);
  }
  SECTION("a plugin's step back applies") {
    fake.on_verdict = [](const ExtensionContext&, const DayLog&) -> Result<Verdict> {
      return Verdict{Action{ActionKind::step_back, 1, 2}, "cadence dropped"};
    };
    run.programme.starting_stage = 2;
    run.logs = {session(day(0), 0, 0)};
    const Plan planned = run.plan(day(1));
    const Decision& d = last(planned);
    CHECK(d.kind == DecisionKind::step_back);
    CHECK(d.rest_days == 2);
    CHECK(contains(d.explanation, "cadence dropped"));
  }
  SECTION("a plugin error makes the checkpoint a repeat that names the plugin") {
    fake.on_verdict = [](const ExtensionContext&, const DayLog&) -> Result<Verdict> {
      return Error{"no cadence logged"};
    };
    run.logs = {session(day(0), 0, 0)};
    const Plan planned = run.plan(day(1));
    const Decision& d = last(planned);
    CHECK(d.kind == DecisionKind::repeat);
    CHECK(contains(d.explanation,
                   "the fake plugin could not check the session on 2026-11-02 (no "
                   "cadence logged)"));
  }
  SECTION("a missing plugin makes every checkpoint a repeat") {
    run.extension = nullptr;
    run.logs = {session(day(0), 0, 0), session(day(2), 0, 0)};
    CHECK(last(run.plan(day(3))).kind == DecisionKind::repeat);
  }
  SECTION("the plugin sees the logs up to the checkpoint and the checkpoints before it") {
    std::vector<std::size_t> seen_logs, seen_checkpoints;
    fake.on_verdict = [&](const ExtensionContext& c, const DayLog& log) -> Result<Verdict> {
      CHECK(c.logs.back().date == log.date);
      seen_logs.push_back(c.logs.size());
      seen_checkpoints.push_back(c.checkpoints.size());
      return Verdict{};
    };
    run.logs = {session(day(0), 0, 0), session(day(2), 0, 0)};
    (void)run.plan(day(3));
    CHECK(seen_logs == std::vector<std::size_t>{1, 2});
    CHECK(seen_checkpoints == std::vector<std::size_t>{0, 1});
  }
  SECTION("each plan's calls share one history id, never 0 and never another plan's") {
    std::vector<std::uint64_t> ids;
    auto note = [&](const ExtensionContext& c) { ids.push_back(c.history_id); };
    fake.on_verdict = [&](const ExtensionContext& c, const DayLog&) -> Result<Verdict> {
      note(c);
      return Verdict{};
    };
    fake.on_exercises = [&](const ExtensionContext& c) -> Result<std::vector<Exercise>> {
      note(c);
      return std::vector<Exercise>{};
    };
    run.logs = {session(day(0), 0, 0), session(day(2), 0, 0)};
    (void)run.plan(day(3));
    const std::vector<std::uint64_t> first = ids;
    ids.clear();
    (void)run.plan(day(3));
    REQUIRE(first.size() > 2);  // two verdicts and the week's exercises
    REQUIRE(ids.size() == first.size());
    CHECK(first.front() != 0);
    CHECK(std::count(first.begin(), first.end(), first.front()) == std::ptrdiff_t(first.size()));
    CHECK(std::count(ids.begin(), ids.end(), ids.front()) == std::ptrdiff_t(ids.size()));
    CHECK(ids.front() != first.front());
    CHECK(ids.front() != 0);
  }
}
TEST_CASE("what the plugin failed with is in the plan, each error once", "[plan][plugin]") {
  Protocol p = achilles_protocol();
  p.plugin = PluginRef{"fake", {}, {}};
  FakeExtension fake;
  Run run = start(p);
  run.extension = &fake;
  run.logs = {session(day(0), 0, 0)};

  SECTION("a plugin that answers leaves none") {
    CHECK(run.plan(day(1)).plugin_failures.empty());
  }
  SECTION("a host that died fails every call with the same words: one failure, one note") {
    const std::string dead = "plugin 'fake' (/p/fake.so): stopped with signal 11";
    fake.on_exercises = [&](const ExtensionContext&) -> Result<std::vector<Exercise>> {
      return Error{dead, ErrorKind::plugin};
    };
    fake.on_verdict = [&](const ExtensionContext&, const DayLog&) -> Result<Verdict> {
      return Error{dead, ErrorKind::plugin};
    };
    const Plan planned = run.plan(day(1));
    CHECK(planned.plugin_failures == std::vector<std::string>{dead});
    CHECK(last(planned).kind == DecisionKind::repeat);  // the session does not count
    CHECK(planned.notes.size() <= 1);                   // not one a day
  }
  SECTION("different errors are each kept, in the order met") {
    fake.on_exercises = [](const ExtensionContext& c) -> Result<std::vector<Exercise>> {
      return Error{"no exercises on " + format_date(c.date), ErrorKind::plugin};
    };
    const Plan planned = run.plan(day(1));
    // The week's seven days, each a different error, and each with its note.
    REQUIRE(planned.plugin_failures.size() == 7);
    CHECK(planned.plugin_failures.front() == "no exercises on 2026-11-02");
    CHECK(planned.notes.size() == 7);
  }
}

TEST_CASE("the plugin's exercises replace the protocol's of the same name", "[plan][plugin]") {
  Protocol p = achilles_protocol();
  p.plugin = PluginRef{"fake", {}, {}};
  FakeExtension fake;
  fake.on_exercises = [](const ExtensionContext& c) -> Result<std::vector<Exercise>> {
    Exercise e;
    e.name = "Eccentric heel drops, knee straight";
    e.sets = 3;
    e.reps = 15;
    e.load = "+" + std::to_string(5 * (c.days_at_stage / 7)) + " kg";
    return std::vector<Exercise>{e};
  };
  fake.cues = {SessionCue{"cadence 172 steps/min", 172, 172}};
  Run run = start(p);
  run.extension = &fake;
  Plan plan = run.plan(day(0));
  REQUIRE(plan.days[0].exercises.size() == 1);
  CHECK(plan.days[0].exercises[0].load == "+0 kg");
  CHECK(plan.days[1].cues.size() == 1);  // Tuesday is a run day
  CHECK(plan.days[0].cues.empty());
}

namespace {

// The achilles protocol with a fake plugin asking one question that must be answered.
Run asking_heel_raises(FakeExtension& fake) {
  Protocol p = achilles_protocol();
  p.plugin = PluginRef{"fake", {}, {}};
  CheckpointQuestion raises;
  raises.key = "heel-raises";
  raises.text = "How many single-leg heel raises?";
  raises.min = 0;
  raises.max = 100;
  fake.question_list = {raises};
  Run run = start(p);
  run.extension = &fake;
  return run;
}

}  // namespace

TEST_CASE("an unanswered plugin question holds the checkpoint as a missing pain score does",
          "[plan][plugin]") {
  FakeExtension fake;
  Run run = asking_heel_raises(fake);
  int verdicts = 0;
  fake.on_verdict = [&](const ExtensionContext&, const DayLog&) -> Result<Verdict> {
    ++verdicts;
    return Verdict{};
  };

  SECTION("the last session waits, saying for what, and the plugin is not asked yet") {
    run.logs = {session(day(0), 0, 0)};
    const Plan planned = run.plan(day(1));
    const Decision& d = planned.decisions.back();
    CHECK(d.kind == DecisionKind::waiting);
    CHECK(d.missing == std::vector<std::string>{"answer to 'heel-raises'"});
    CHECK(contains(d.explanation, "answer to 'heel-raises'"));
    CHECK(planned.status.waiting_for == day(0));
    CHECK(planned.status.missing == std::vector<std::string>{"answer to 'heel-raises'"});
    CHECK(verdicts == 0);
  }
  SECTION("answered, it passes") {
    run.logs = {session(day(0), 0, 0)};
    run.logs[0].answers["heel-raises"] = "20";
    CHECK(last(run.plan(day(1))).kind != DecisionKind::waiting);
    CHECK(verdicts == 1);
  }
  SECTION("a later session means the answer never came: a repeat") {
    run.logs = {session(day(0), 0, 0), session(day(2), 0, 0)};
    run.logs[1].answers["heel-raises"] = "20";
    const Plan planned = run.plan(day(3));
    REQUIRE(planned.decisions.size() >= 2);
    CHECK(planned.decisions[0].kind == DecisionKind::repeat);
    CHECK(planned.decisions[0].rule == "missing logs");
  }
  SECTION("an optional question holds nothing") {
    fake.question_list[0].optional = true;
    run.logs = {session(day(0), 0, 0)};
    CHECK(last(run.plan(day(1))).kind != DecisionKind::waiting);
  }
  SECTION("a skipped session needs no answers") {
    run.logs = {session(day(0), 0, 0)};
    run.logs[0].session = SessionOutcome::skipped;
    CHECK(last(run.plan(day(1))).kind != DecisionKind::waiting);
  }
  SECTION("a failing questions hook holds nothing, and the plan says so") {
    struct Failing final : PlanExtension {
      std::string name() const override { return "fake"; }
      std::string version() const override { return "1.0.0"; }
      std::vector<Diagnostic> validate(const PluginRef&) const override { return {}; }
      Result<std::vector<Exercise>> exercises(const ExtensionContext&) const override {
        return std::vector<Exercise>{};
      }
      Result<std::vector<SessionCue>> session_cues(const ExtensionContext&) const override {
        return std::vector<SessionCue>{};
      }
      Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext&) const override {
        return Error{"the questions hook failed: no questions today"};
      }
      Result<Verdict> verdict(const ExtensionContext&, const DayLog&) const override {
        return Verdict{};
      }
    } failing;
    run.extension = &failing;
    run.logs = {session(day(0), 0, 0)};
    const Plan planned = run.plan(day(1));
    CHECK(last(planned).kind != DecisionKind::waiting);
    REQUIRE(planned.notes.size() == 1);
    CHECK(contains(planned.notes[0], "The fake plugin could not give its checkpoint questions"));
  }
}

TEST_CASE("fixed questions are asked once a plan and hold every checkpoint alike",
          "[plan][plugin]") {
  FakeExtension fake;
  Run run = asking_heel_raises(fake);
  // Eight sessions, answered but for the third and the last: a repeat for the missing answer,
  // and a wait at the end.
  for (int i = 0; i < 8; ++i) {
    run.logs.push_back(session(day(2 * i), 0, 0));
    if (i != 2 && i != 7) run.logs.back().answers["heel-raises"] = "20";
  }
  const Plan per_checkpoint = run.plan(day(15));
  const int asked_per_checkpoint = fake.questions_asked;
  fake.fixed_questions = true;
  fake.questions_asked = 0;
  const Plan fixed = run.plan(day(15));

  CHECK(asked_per_checkpoint >= 8);
  CHECK(fake.questions_asked <= 2);  // a checkpoint's, and the week's reminders'
  REQUIRE(fixed.decisions.size() == per_checkpoint.decisions.size());
  for (std::size_t i = 0; i < fixed.decisions.size(); ++i) {
    CHECK(fixed.decisions[i].kind == per_checkpoint.decisions[i].kind);
    CHECK(fixed.decisions[i].rule == per_checkpoint.decisions[i].rule);
    CHECK(fixed.decisions[i].explanation == per_checkpoint.decisions[i].explanation);
  }
  const auto third = std::find_if(fixed.decisions.begin(), fixed.decisions.end(),
                                  [](const Decision& d) { return d.date == day(4); });
  REQUIRE(third != fixed.decisions.end());
  CHECK(third->rule == "missing logs");
  CHECK(fixed.decisions.back().kind == DecisionKind::waiting);
}

TEST_CASE("a plugin's verdict can wait for a value it needs", "[plan][plugin]") {
  Protocol p = achilles_protocol();
  p.plugin = PluginRef{"fake", {}, {}};
  FakeExtension fake;
  fake.on_verdict = [](const ExtensionContext&, const DayLog& log) -> Result<Verdict> {
    Verdict v;
    if (!log.answers.count("hop")) v.waiting_for = "hop test";
    return v;
  };
  Run run = start(p);
  run.extension = &fake;

  SECTION("the last session waits for it") {
    run.logs = {session(day(0), 0, 0)};
    const Plan planned = run.plan(day(1));
    CHECK(planned.decisions.back().kind == DecisionKind::waiting);
    CHECK(planned.status.missing == std::vector<std::string>{"hop test"});
  }
  SECTION("a later session makes it a repeat") {
    run.logs = {session(day(0), 0, 0), session(day(2), 0, 0)};
    run.logs[1].answers["hop"] = "ok";
    const Plan planned = run.plan(day(3));
    CHECK(planned.decisions[0].kind == DecisionKind::repeat);
    CHECK(contains(planned.decisions[0].explanation, "hop test"));
  }
  SECTION("a core stop is not held by it") {
    run.logs = {session(day(0), 0, 0)};
    run.logs[0].red_flags = {"night-pain"};
    CHECK(last(run.plan(day(1))).kind == DecisionKind::stop);
  }
}

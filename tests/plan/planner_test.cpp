#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"

using namespace runback;
using namespace runback::test;
using std::chrono::days;

namespace {

const Date kMonday = make_date(2026, 11, 2);  // a Monday
Date day(int offset) {
  return kMonday + days{offset};
}

struct Run {
  Protocol protocol;
  Programme programme;
  std::vector<DayLog> logs;
  std::vector<Clearance> clearances;
  const PlanExtension* extension = nullptr;

  Plan plan(Date today, int window = 7) const {
    PlanRequest request{protocol,   extension, programme,        logs,
                        clearances, today,     monday_of(today), window};
    return make_plan(request);
  }
};

Run start(Protocol protocol, int starting_stage = 0) {
  Programme programme = programme_for(protocol, kMonday, starting_stage);
  return Run{std::move(protocol), programme, {}, {}, nullptr};
}

const Decision& last(const Plan& plan) {
  REQUIRE_FALSE(plan.decisions.empty());
  return plan.decisions.back();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<Date> run_days(const Plan& plan) {
  std::vector<Date> out;
  for (const auto& d : plan.days) {
    if (d.run) out.push_back(d.date);
  }
  return out;
}

}  // namespace

TEST_CASE("pain-monitoring: two good sessions move the runner up", "[plan][achilles]") {
  Run run = start(achilles_protocol());
  run.logs = {session(day(1), 3, 0), session(day(3), 5, 0)};
  Plan plan = run.plan(day(4));
  REQUIRE(plan.decisions.size() == 2);
  CHECK(plan.decisions[0].kind == DecisionKind::keep_going);
  CHECK(contains(plan.decisions[0].explanation, "1 of 2 good sessions"));
  CHECK(last(plan).kind == DecisionKind::advance);
  CHECK(last(plan).to_stage == 1);
  CHECK(contains(last(plan).explanation, "Move up to stage 2"));
  CHECK(plan.status.stage_index == 1);
}

TEST_CASE("pain-monitoring: pain during above 5 repeats the stage", "[plan][achilles]") {
  Run run = start(achilles_protocol());
  run.logs = {session(day(1), 6, 0)};
  Plan plan = run.plan(day(2));
  CHECK(last(plan).kind == DecisionKind::repeat);
  CHECK(last(plan).rule == "pain.during");
  CHECK(last(plan).explanation ==
        "Repeat stage 1: pain during the run was 6/10 on 2026-11-03; this protocol allows 5/10.");
}

TEST_CASE("pain-monitoring: a rise the next morning steps back", "[plan][achilles]") {
  Run run = start(achilles_protocol(), 2);
  run.logs = {session(day(0), 2, 1), session(day(2), 2, 3)};
  run.logs[0].pain_next_morning = 1;
  run.programme.start_date = day(-1);
  DayLog before;
  before.date = day(-1);
  before.pain_next_morning = 1;
  run.logs.insert(run.logs.begin(), before);
  Plan plan = run.plan(day(3));
  CHECK(last(plan).kind == DecisionKind::step_back);
  CHECK(last(plan).to_stage == 1);
  CHECK(contains(last(plan).explanation, "Step back 1 stage to stage 2"));
  CHECK(contains(last(plan).explanation,
                 "next-morning pain after the run was 3/10 on 2026-11-04, "
                 "up from 1/10 the morning before"));
  CHECK(contains(last(plan).explanation, "response 'morning-rise'") == false);
  CHECK(contains(last(plan).explanation,
                 "the morning before; this protocol allows no rise. Your pain was up the next "
                 "morning, so the load comes down."));
}

TEST_CASE("no advance without the logs a rule needs", "[plan][knee]") {
  Run run = start(knee_protocol());
  run.logs = {session(day(1), 1, 0, 0), session(day(3), 1, -1, 0)};
  Plan plan = run.plan(day(3));
  CHECK(last(plan).kind == DecisionKind::waiting);
  CHECK(contains(last(plan).explanation, "Waiting for your next-morning pain for 2026-11-05"));
  CHECK(plan.status.stage_index == 0);
  CHECK(plan.status.waiting_for == day(3));

  SECTION("a later session turns the missing log into a repeat") {
    run.logs.push_back(session(day(5), 1, 0, 0));
    Plan later = run.plan(day(6));
    REQUIRE(later.decisions.size() == 3);
    CHECK(later.decisions[1].kind == DecisionKind::repeat);
    CHECK(later.decisions[1].rule == "missing logs");
    CHECK(later.decisions[2].kind == DecisionKind::keep_going);
  }
}

TEST_CASE("TREK: pain ≤ 2 during, back to baseline after 60 min, no rise next morning",
          "[plan][knee]") {
  Run run = start(knee_protocol());
  SECTION("3/10 during repeats") {
    run.logs = {session(day(1), 3, 0, 0)};
    CHECK(last(run.plan(day(2))).explanation ==
          "Repeat stage 1: pain during the run was 3/10 on 2026-11-03; this protocol allows 2/10.");
  }
  SECTION("pain an hour after above the morning's level repeats") {
    run.logs = {session(day(0), 0, 1, 0), session(day(2), 2, 1, 2)};
    const Plan planned = run.plan(day(3));
    const Decision& d = last(planned);
    CHECK(d.kind == DecisionKind::repeat);
    CHECK(d.rule == "pain.after");
    CHECK(contains(d.explanation, "pain 60 minutes after the run was 2/10"));
  }
  SECTION("a rise the next morning repeats (no response: repeat)") {
    run.logs = {session(day(1), 2, 1, 0)};
    const Plan planned = run.plan(day(2));
    const Decision& d = last(planned);
    CHECK(d.kind == DecisionKind::repeat);
    CHECK(contains(d.explanation, "this protocol allows no rise"));
  }
  SECTION("the after-run value is needed too") {
    run.logs = {session(day(1), 2, 0)};
    CHECK(contains(last(run.plan(day(2))).explanation, "pain 60 minutes after the run"));
    CHECK(last(run.plan(day(2))).kind == DecisionKind::waiting);
  }
}

TEST_CASE("soreness rules: sore during steps back with a day off", "[plan][soreness]") {
  Run run = start(soreness_protocol(), 3);
  run.logs = {session(day(0), 1, 0)};
  Plan plan = run.plan(day(1));
  CHECK(last(plan).kind == DecisionKind::step_back);
  CHECK(last(plan).rest_days == 1);
  CHECK(last(plan).to_stage == 2);
  CHECK(last(plan).explanation ==
        "Step back 1 stage to stage 3 after 1 rest day: you logged pain during 1/10 on "
        "2026-11-02. You were sore during the run: one step down, after a day off.");
  CHECK(plan.status.rest_through == day(1));
  for (const auto& d : plan.days) {
    if (d.date <= day(1)) CHECK((!d.run || d.run->logged));
  }
  CHECK(plan.days[1].rest == RestKind::imposed);
}

TEST_CASE("soreness rules: sore the next day means a day off and repeat", "[plan][soreness]") {
  Run run = start(soreness_protocol(), 1);
  run.logs = {session(day(0), 0, 2)};
  const Plan planned = run.plan(day(1));
  const Decision& d = last(planned);
  CHECK(d.kind == DecisionKind::repeat);
  CHECK(d.rest_days == 1);
  CHECK(d.explanation ==
        "Repeat stage 2 after 1 rest day: you logged next-morning pain 2/10 on 2026-11-02. You "
        "were sore the next day: a day off, then the same stage again.");
}

TEST_CASE("soreness rules: no soreness moves on, a partial session counts", "[plan][soreness]") {
  Run run = start(soreness_protocol());
  DayLog partial = session(day(2), 0, 0);
  partial.session = SessionOutcome::partial;
  run.logs = {session(day(0), 0, 0), partial};
  CHECK(last(run.plan(day(3))).kind == DecisionKind::advance);
}

TEST_CASE("a partial session repeats when the protocol says so", "[plan][partial]") {
  Run run = start(achilles_protocol());
  DayLog partial = session(day(2), 0, 0);
  partial.session = SessionOutcome::partial;
  run.logs = {session(day(0), 0, 0), partial};
  const Plan planned = run.plan(day(3));
  const Decision& d = last(planned);
  CHECK(d.kind == DecisionKind::repeat);
  CHECK(d.rule == "progression.partial_session");
}

TEST_CASE("a skipped session does not count and needs no pain scores", "[plan][partial]") {
  Run run = start(achilles_protocol());
  DayLog skipped;
  skipped.date = day(2);
  skipped.session = SessionOutcome::skipped;
  run.logs = {session(day(0), 0, 0), skipped, session(day(4), 0, 0)};
  Plan plan = run.plan(day(5));
  CHECK(plan.decisions[1].kind == DecisionKind::repeat);
  CHECK(contains(plan.decisions[1].explanation, "you skipped the session on 2026-11-04"));
  CHECK(plan.decisions[2].kind == DecisionKind::keep_going);
}

TEST_CASE("a red flag stops all running until a clearance", "[plan][red-flag]") {
  Run run = start(achilles_protocol(), 2);
  DayLog flag;
  flag.date = day(1);
  flag.red_flags = {"night-pain"};
  run.logs = {session(day(0), 1, 0), flag};
  Plan plan = run.plan(day(2), 14);
  CHECK(last(plan).kind == DecisionKind::stop);
  CHECK(last(plan).explanation ==
        "Stop running for now and see your physiotherapist: you logged pain at night, or pain "
        "that wakes you on 2026-11-03. Once they clear you, record it with `runback clear --by "
        "\"NAME\" --date DATE` (the day they saw you).");
  CHECK(plan.status.stopped);
  CHECK(run_days(plan) == std::vector<Date>{day(0)});
  CHECK_FALSE(plan.next_run);
  CHECK_FALSE(plan.projected_completion);

  SECTION("a later run does not count while stopped") {
    run.logs.push_back(session(day(3), 0, 0));
    CHECK(last(run.plan(day(4))).kind == DecisionKind::stop);
  }
  SECTION("a clearance resumes running from the next day") {
    run.clearances = {Clearance{day(4), "Dr Lee", ""}};
    Plan cleared = run.plan(day(4), 14);
    CHECK(last(cleared).kind == DecisionKind::resume);
    CHECK(contains(last(cleared).explanation, "Cleared to run again by Dr Lee on 2026-11-06"));
    REQUIRE(cleared.next_run);
    CHECK(*cleared.next_run > day(4));
    CHECK(cleared.projected_completion);
  }
  SECTION("a clearance dated before the flag does not count") {
    run.clearances = {Clearance{day(0), "Dr Lee", ""}};
    CHECK(run.plan(day(4)).status.stopped);
  }
}

TEST_CASE("a stop response stops like a red flag", "[plan][red-flag]") {
  Protocol p = achilles_protocol();
  Condition limp;
  limp.limp = true;
  Response r;
  r.name = "limp";
  r.when = limp;
  r.then = Action{ActionKind::stop, 0, 0};
  r.why = "you were limping";
  p.responses.push_back(r);
  Run run = start(p);
  DayLog log = session(day(0), 1, 0);
  log.limp = true;
  run.logs = {log};
  CHECK(last(run.plan(day(1))).kind == DecisionKind::stop);
  CHECK(run.plan(day(1)).status.stopped);
}

TEST_CASE("a long break steps back as the protocol says", "[plan][break]") {
  Run run = start(achilles_protocol(), 3);
  SECTION("ten days off: one stage back") {
    // The break is decided on the day it reaches the rule's 7 days, so every view of that day
    // already shows where the next run starts.
    run.logs = {session(day(0), 0, 0), session(day(10), 0, 0)};
    Plan plan = run.plan(day(11));
    REQUIRE(plan.decisions.size() == 3);
    CHECK(plan.decisions[1].kind == DecisionKind::break_back);
    CHECK(plan.decisions[1].date == day(7));
    CHECK(plan.decisions[1].to_stage == 2);
    CHECK(plan.decisions[1].explanation ==
          "Back to stage 3: it has been 7 days since your last run on 2026-11-02; after 7 days "
          "without running this protocol steps back 1 stage.");
    CHECK(plan.decisions[2].from_stage == 2);
    CHECK(run.plan(day(7)).status.stage_index == 2);
    CHECK(run.plan(day(6)).status.stage_index == 3);
  }
  SECTION("a month off: start again, counted from the stage the break began at") {
    run.logs = {session(day(0), 0, 0), session(day(30), 0, 0)};
    Plan plan = run.plan(day(31));
    REQUIRE(plan.decisions.size() >= 3);
    CHECK(plan.decisions[1].kind == DecisionKind::break_back);
    CHECK(plan.decisions[1].to_stage == 2);
    CHECK(plan.decisions[2].kind == DecisionKind::break_back);
    CHECK(plan.decisions[2].to_stage == 0);
  }
  SECTION("a break still to come shows up in the plan before the next run") {
    run.logs = {session(day(0), 0, 0)};
    Plan plan = run.plan(day(6));  // Sunday: the break comes on Monday, the next run on Tuesday
    REQUIRE_FALSE(plan.projected.empty());
    CHECK(plan.projected.front().kind == DecisionKind::break_back);
  }
}

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

TEST_CASE("never more stages in 7 days than the protocol allows", "[plan][rate]") {
  Protocol p = achilles_protocol();
  for (auto& stage : p.stages) {
    stage.sessions_to_advance = 1;
    stage.frequency = Frequency{7, 7, 0};
  }
  p.progression.max_stages_per_7_days = 1;
  Run run = start(p);
  run.logs = {session(day(0), 0, 0), session(day(1), 0, 0), session(day(2), 0, 0)};
  Plan plan = run.plan(day(3));
  CHECK(plan.decisions[0].kind == DecisionKind::advance);
  CHECK(plan.decisions[1].kind == DecisionKind::keep_going);
  CHECK(plan.decisions[1].rule == "progression.max_stages_per_7_days");
  CHECK(plan.status.stage_index == 1);
}

TEST_CASE("run days follow the preferred weekdays, else are spread out", "[plan][schedule]") {
  Run run = start(achilles_protocol());
  SECTION("spread out: Tuesday, Thursday, Saturday") {
    Plan plan = run.plan(day(0));
    CHECK(run_days(plan) == std::vector<Date>{day(1), day(3), day(5)});
  }
  SECTION("preferred days") {
    run.programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
    Plan plan = run.plan(day(0));
    CHECK(run_days(plan) == std::vector<Date>{day(0), day(2), day(4)});
    CHECK(plan.days[0].run->if_all_goes_well == false);
    CHECK(plan.days[4].run->if_all_goes_well == true);  // stage 2 after two good runs
    CHECK(plan.days[4].run->stage_index == 1);
  }
  SECTION("preferred days too close together are thinned out, then filled up") {
    run.programme.run_days = {std::chrono::Monday, std::chrono::Tuesday};
    Plan plan = run.plan(day(0));
    const auto runs = run_days(plan);
    REQUIRE(runs.size() == 3);
    CHECK(runs[0] == day(0));
    for (std::size_t i = 1; i < runs.size(); ++i) CHECK((runs[i] - runs[i - 1]).count() >= 2);
  }
}

TEST_CASE("each day lists its exercises, recovery and what to log", "[plan][schedule]") {
  Run run = start(achilles_protocol());
  run.programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
  Plan plan = run.plan(day(0));
  REQUIRE(plan.days.size() == 7);
  CHECK(plan.days[0].exercises.size() == 1);
  CHECK(plan.days[1].recovery.size() == 1);  // easy walk on a rest day
  CHECK(plan.days[0].recovery.empty());
  REQUIRE(plan.days[0].reminders.size() == 1);
  CHECK(plan.days[0].reminders[0].when == TimePoint::during);
  REQUIRE(plan.days[1].reminders.size() == 1);
  CHECK(plan.days[1].reminders[0].when == TimePoint::next_morning);
  CHECK(plan.days[1].reminders[0].session_date == day(0));
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

TEST_CASE("projected completion assumes every run goes well", "[plan][projection]") {
  Run run = start(achilles_protocol());
  Plan plan = run.plan(day(0));
  REQUIRE(plan.projected_completion);
  // 6 stages x 2 sessions at 3 a week, at most 2 stages a week: 12 runs over 4 weeks.
  CHECK(*plan.projected_completion > day(20));
  CHECK(*plan.projected_completion < day(35));
  CHECK(plan.next_run == day(1));
}

TEST_CASE("the same inputs give the same plan", "[plan]") {
  Run run = start(achilles_protocol());
  run.logs = {session(day(0), 2, 0), session(day(2), 6, 1)};
  Plan a = run.plan(day(5));
  Plan b = run.plan(day(5));
  REQUIRE(a.decisions.size() == b.decisions.size());
  for (std::size_t i = 0; i < a.decisions.size(); ++i)
    CHECK(a.decisions[i].explanation == b.decisions[i].explanation);
  CHECK(run_days(a) == run_days(b));
}

TEST_CASE("logs after the plan's date are not used", "[plan]") {
  Run run = start(achilles_protocol());
  run.logs = {session(day(0), 0, 0), session(day(2), 9, 0)};
  Plan plan = run.plan(day(1));
  CHECK(plan.decisions.size() == 1);
}

TEST_CASE("every shipped protocol loads and plans", "[plan][shipped]") {
  // The property test covers these too; here a plain start: a first week with runs in it.
  for (const Protocol& protocol : shipped_protocols()) {
    INFO(protocol.id);
    Run run = start(protocol);
    FakeExtension fake;  // the real plugins are tested with the plugin host
    if (protocol.plugin) {
      fake.plugin_name = protocol.plugin->name;
      run.extension = &fake;
    }
    const Plan plan = run.plan(day(0));
    CHECK(plan.next_run.has_value());
    CHECK(plan.projected_completion.has_value());
  }
}

TEST_CASE("the days laid out carry what was logged for them, with day details only",
          "[plan][week]") {
  Run run = start(achilles_protocol());
  DayLog sore = session(day(2), 4, 1, 2);
  sore.stiffness_minutes = 15;
  sore.answers = {{"heel_raises", "22"}};
  run.logs = {session(day(0), 1, 0), sore};
  const Plan plan = run.plan(day(3));
  REQUIRE(plan.days.size() == 7);
  REQUIRE(plan.days[0].logged);
  CHECK(plan.days[0].logged->pain_during == 1);
  CHECK_FALSE(plan.days[1].logged);  // nothing logged that day
  REQUIRE(plan.days[2].logged);
  CHECK(plan.days[2].logged->pain_after == 2);
  CHECK(plan.days[2].logged->stiffness_minutes == 15);
  CHECK(plan.days[2].logged->answers.at("heel_raises") == "22");
  for (std::size_t i = 3; i < 7; ++i) CHECK_FALSE(plan.days[i].logged);  // today and after

  PlanRequest caseload{run.protocol, nullptr, run.programme, run.logs, run.clearances, day(3),
                       day(0),       7,       730,           1,        false};
  const Plan overview = make_plan(caseload);
  REQUIRE(overview.days.size() == 7);
  for (const PlannedDay& d : overview.days) CHECK_FALSE(d.logged);
}

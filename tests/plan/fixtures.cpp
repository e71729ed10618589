#include "plan/fixtures.hpp"

namespace runback::test {

std::vector<RedFlag> safety_flags();

namespace {

Amount minutes(double m) {
  return Amount{Amount::Kind::time, m * 60};
}

Response response(std::string name, Condition when, Action then, std::string why) {
  Response r;
  r.name = std::move(name);
  r.when = when;
  r.then = then;
  r.why = std::move(why);
  return r;
}

Protocol base(std::string id) {
  Protocol p;
  p.id = std::move(id);
  p.title = p.id;
  p.version = "1.0.0";
  p.condition = "test";
  p.stages = run_walk_stages(6);
  for (const auto& flag : safety_flags()) p.red_flags.push_back(flag);
  return p;
}

}  // namespace

std::vector<Stage> run_walk_stages(int count) {
  std::vector<Stage> stages;
  for (int i = 0; i < count; ++i) {
    Stage stage;
    stage.id = "s" + std::to_string(i + 1);
    stage.name = "Stage " + std::to_string(i + 1);
    stage.session.warmup_walk = minutes(5);
    stage.session.blocks.push_back(IntervalBlock{minutes(i + 1), minutes(1), 5});
    stage.session.cooldown_walk = minutes(5);
    stage.frequency = Frequency{3, 3, 1};
    stage.sessions_to_advance = 2;
    stages.push_back(stage);
  }
  return stages;
}

Protocol achilles_protocol() {
  Protocol p = base("achilles-test");
  p.pain.during = PainLimit{5, std::nullopt};
  p.pain.next_morning = PainLimit{std::nullopt, 0};
  Condition rise;
  rise.exceeds = TimePoint::next_morning;
  p.responses.push_back(response("morning-rise", rise, {ActionKind::step_back, 1, 0},
                                 "Your pain was up the next morning, so the load comes down."));
  p.progression.breaks = {BreakRule{7, 1, false}, BreakRule{28, 0, true}};
  Exercise drops;
  drops.name = "Eccentric heel drops, knee straight";
  drops.sets = 3;
  drops.reps = 15;
  drops.times = 2;
  p.exercises.push_back(drops);
  RecoveryItem walk;
  walk.name = "Easy walk";
  walk.when = RecoveryWhen::rest_day;
  p.recovery.push_back(walk);
  return p;
}

Protocol knee_protocol() {
  Protocol p = base("knee-test");
  p.pain.during = PainLimit{2, std::nullopt};
  p.pain.after = PainLimit{std::nullopt, 0};
  p.pain.after_minutes = 60;
  p.pain.next_morning = PainLimit{std::nullopt, 0};
  return p;
}

Protocol soreness_protocol() {
  Protocol p = base("soreness-test");
  p.pain.during = PainLimit{5, std::nullopt};
  p.pain.next_morning = PainLimit{5, 3};
  p.progression.partial_session = PartialSession::counts;
  Condition during;
  during.pain_during = NumberTest{NumberTest::Op::above, 0};
  p.responses.push_back(response("sore-during", during, {ActionKind::step_back, 1, 1},
                                 "You were sore during the run: one step down, after a day off."));
  Condition next_day;
  next_day.pain_next_morning = NumberTest{NumberTest::Op::above, 0};
  p.responses.push_back(
      response("sore-next-day", next_day, {ActionKind::repeat, 0, 1},
               "You were sore the next day: a day off, then the same stage again."));
  return p;
}

std::vector<Protocol> all_fixture_protocols() {
  return {achilles_protocol(), knee_protocol(), soreness_protocol()};
}

std::vector<RedFlag> safety_flags() {
  return {RedFlag{"night-pain", "Pain at night, or pain that wakes you", true},
          RedFlag{"pain-at-rest", "Pain at rest, or when you are only walking", true}};
}

Programme programme_for(const Protocol& protocol, Date start, int starting_stage) {
  Programme programme;
  programme.id = 1;
  programme.runner_id = 1;
  programme.protocol_id = protocol.id;
  programme.protocol_version = protocol.version;
  programme.start_date = start;
  programme.starting_stage = starting_stage;
  return programme;
}

DayLog session(Date date, int during, int next_morning, int after) {
  DayLog log;
  log.date = date;
  log.session = SessionOutcome::done;
  if (during >= 0) log.pain_during = during;
  if (next_morning >= 0) log.pain_next_morning = next_morning;
  if (after >= 0) log.pain_after = after;
  return log;
}

}  // namespace runback::test

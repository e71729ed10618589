#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "plugin/hook_output.hpp"

using namespace runback;

namespace {

rb_exercise exercise(const char* name, int sets, int reps, int hold_s) {
  return {sizeof(rb_exercise), name, sets, reps, hold_s, 2, RB_PER_DAY, "slow", nullptr, nullptr};
}

std::string fault_of(HookCollector& c) {
  return c.fault().value_or("(no fault)");
}

}  // namespace

TEST_CASE("exercises that make sense are copied") {
  HookCollector c(Hook::exercises);
  const auto e = exercise("Heel drop", 3, 15, 0);
  c.sink()->exercise(c.sink()->host, &e);
  c.finish(RB_OK);
  REQUIRE_FALSE(c.fault());
  REQUIRE(c.exercises.size() == 1);
  CHECK(c.exercises[0].name == "Heel drop");
  CHECK(c.exercises[0].reps == 15);
  CHECK_FALSE(c.exercises[0].hold_s);
  CHECK(c.exercises[0].times == 2);
  CHECK(c.exercises[0].tempo == "slow");
  CHECK(c.exercises[0].load.empty());
}

TEST_CASE("nonsense exercises are the plugin's fault") {
  HookCollector c(Hook::exercises);
  rb_exercise e = exercise("Heel drop", 3, 15, 0);
  std::string expected;
  SECTION("negative reps") {
    e.reps = -3;
    expected = "exercise 1 ('Heel drop') has -3 reps (expected 1..200)";
  }
  SECTION("an empty name") {
    e.name = "  ";
    expected = "exercise 1 has an empty name";
  }
  SECTION("no name at all") {
    e.name = nullptr;
    expected = "exercise 1 has an empty name";
  }
  SECTION("both reps and a hold") {
    e.hold_s = 30;
    expected = "exercise 1 ('Heel drop') must have exactly one of reps and hold_s";
  }
  SECTION("zero sets") {
    e.sets = 0;
    expected = "exercise 1 ('Heel drop') has 0 sets (expected 1..20)";
  }
  SECTION("an unknown period") {
    e.per = 5;
    expected = "exercise 1 ('Heel drop') has the unknown period 5";
  }
  c.sink()->exercise(c.sink()->host, &e);
  CHECK(fault_of(c) == "the exercises hook returned nonsense: " + expected);
  CHECK(c.exercises.empty());
}

TEST_CASE("cues with NaN or impossible cadences are refused") {
  HookCollector c(Hook::session_cues);
  rb_cue cue{sizeof(rb_cue), "Cadence", std::numeric_limits<double>::quiet_NaN(), 0};
  c.sink()->cue(c.sink()->host, &cue);
  CHECK(fault_of(c) ==
        "the session_cues hook returned nonsense: cue 1 has a cadence of NaN steps/min "
        "(expected 100..240)");

  HookCollector ok(Hook::session_cues);
  rb_cue good{sizeof(rb_cue), "Cadence 172", 172, 172};
  ok.sink()->cue(ok.sink()->host, &good);
  REQUIRE(ok.cues.size() == 1);
  CHECK(ok.cues[0].cadence_spm == 172);
  CHECK(ok.cues[0].metronome_bpm == 172);

  HookCollector slow(Hook::session_cues);
  rb_cue fast{sizeof(rb_cue), "Metronome", 0, 900};
  slow.sink()->cue(slow.sink()->host, &fast);
  CHECK(fault_of(slow) ==
        "the session_cues hook returned nonsense: cue 1 has a metronome at 900 bpm (expected "
        "40..240)");
}

TEST_CASE("questions need a key - text and a sensible range") {
  HookCollector c(Hook::questions);
  rb_question q{sizeof(rb_question), "stairs-pain", "Pain on stairs?", RB_QUESTION_NUMBER, 0, 10,
                RB_NEXT_MORNING};
  c.sink()->question(c.sink()->host, &q);
  REQUIRE(c.questions.size() == 1);
  c.sink()->question(c.sink()->host, &q);
  CHECK(fault_of(c) ==
        "the questions hook returned nonsense: question 2 repeats the key 'stairs-pain'");

  HookCollector range(Hook::questions);
  q.min = 10;
  q.max = 0;
  range.sink()->question(range.sink()->host, &q);
  CHECK(fault_of(range) ==
        "the questions hook returned nonsense: question 1 ('stairs-pain') has the range 10..0");
}

TEST_CASE("verdicts can only use the four actions - with a reason") {
  HookCollector c(Hook::verdict);
  rb_verdict v{sizeof(rb_verdict), 7, 0, 0, "why not"};
  c.sink()->verdict(c.sink()->host, &v);
  CHECK(fault_of(c) ==
        "the verdict hook returned nonsense: the verdict kind 7 does not exist (expected "
        "proceed, repeat, step_back or stop)");

  HookCollector silent(Hook::verdict);
  rb_verdict repeat{sizeof(rb_verdict), RB_REPEAT, 0, 0, ""};
  silent.sink()->verdict(silent.sink()->host, &repeat);
  CHECK(fault_of(silent) ==
        "the verdict hook returned nonsense: a verdict that holds the runner back without "
        "saying why");

  HookCollector twice(Hook::verdict);
  rb_verdict step{sizeof(rb_verdict), RB_STEP_BACK, 1, 2, "Sore"};
  twice.sink()->verdict(twice.sink()->host, &step);
  REQUIRE(twice.verdict);
  CHECK(twice.verdict->action.kind == ActionKind::step_back);
  CHECK(twice.verdict->action.stages == 1);
  CHECK(twice.verdict->action.rest_days == 2);
  twice.sink()->verdict(twice.sink()->host, &step);
  CHECK(fault_of(twice) == "the verdict hook returned nonsense: more than one verdict");

  HookCollector zero(Hook::verdict);
  rb_verdict no_stages{sizeof(rb_verdict), RB_STEP_BACK, 0, 0, "Sore"};
  zero.sink()->verdict(zero.sink()->host, &no_stages);
  CHECK(fault_of(zero) ==
        "the verdict hook returned nonsense: a verdict that steps back 0 stages (expected "
        "1..10 with step_back, else 0)");
}

TEST_CASE("a hook may only answer through its own sink function") {
  HookCollector c(Hook::exercises);
  rb_verdict v{sizeof(rb_verdict), RB_STOP, 0, 0, "Stop"};
  c.sink()->verdict(c.sink()->host, &v);
  CHECK(fault_of(c) ==
        "the exercises hook returned nonsense: it reported a verdict, which only the verdict "
        "hook may do");
}

TEST_CASE("a failure is reported with its message - or said to have none") {
  HookCollector c(Hook::questions);
  c.sink()->fail(c.sink()->host, "no database");
  c.finish(RB_FAILED);
  CHECK(fault_of(c) == "the questions hook failed: no database");

  HookCollector quiet(Hook::questions);
  quiet.finish(RB_FAILED);
  CHECK(fault_of(quiet) == "the questions hook failed without saying why");

  HookCollector odd(Hook::questions);
  odd.finish(12);
  CHECK(fault_of(odd) == "the questions hook returned the unknown status 12");
}

TEST_CASE("a runaway plugin is stopped") {
  HookCollector c(Hook::exercises);
  const auto e = exercise("Heel drop", 3, 15, 0);
  for (int i = 0; i < 1000; ++i) c.sink()->exercise(c.sink()->host, &e);
  CHECK(fault_of(c) == "the exercises hook returned nonsense: more than 200 results from one call");
}

TEST_CASE("hooks have the names of their ABI functions", "[plugin][hooks]") {
  CHECK(hook_name(Hook::validate) == "validate");
  CHECK(hook_name(Hook::exercises) == "exercises");
  CHECK(hook_name(Hook::session_cues) == "session_cues");
  CHECK(hook_name(Hook::questions) == "questions");
  CHECK(hook_name(Hook::verdict) == "verdict");
}

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
  rb_question q{sizeof(rb_question),
                "stairs-pain",
                "Pain on stairs?",
                RB_QUESTION_NUMBER,
                0,
                10,
                RB_NEXT_MORNING,
                nullptr,
                0};
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
  rb_verdict v{sizeof(rb_verdict), 7, 0, 0, "why not", nullptr};
  c.sink()->verdict(c.sink()->host, &v);
  CHECK(fault_of(c) ==
        "the verdict hook returned nonsense: the verdict kind 7 does not exist (expected "
        "proceed, repeat, step_back, stop or wait)");

  HookCollector silent(Hook::verdict);
  rb_verdict repeat{sizeof(rb_verdict), RB_REPEAT, 0, 0, "", nullptr};
  silent.sink()->verdict(silent.sink()->host, &repeat);
  CHECK(fault_of(silent) ==
        "the verdict hook returned nonsense: a verdict that holds the runner back without "
        "saying why");

  HookCollector twice(Hook::verdict);
  rb_verdict step{sizeof(rb_verdict), RB_STEP_BACK, 1, 2, "Sore", nullptr};
  twice.sink()->verdict(twice.sink()->host, &step);
  REQUIRE(twice.verdict);
  CHECK(twice.verdict->action.kind == ActionKind::step_back);
  CHECK(twice.verdict->action.stages == 1);
  CHECK(twice.verdict->action.rest_days == 2);
  twice.sink()->verdict(twice.sink()->host, &step);
  CHECK(fault_of(twice) == "the verdict hook returned nonsense: more than one verdict");

  HookCollector zero(Hook::verdict);
  rb_verdict no_stages{sizeof(rb_verdict), RB_STEP_BACK, 0, 0, "Sore", nullptr};
  zero.sink()->verdict(zero.sink()->host, &no_stages);
  CHECK(fault_of(zero) ==
        "the verdict hook returned nonsense: a verdict that steps back 0 stages (expected "
        "1..10 with step_back, else 0)");
}

TEST_CASE("a hook may only answer through its own sink function") {
  HookCollector c(Hook::exercises);
  rb_verdict v{sizeof(rb_verdict), RB_STOP, 0, 0, "Stop", nullptr};
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

TEST_CASE("text from a plugin is one line without control characters - refused, not mended") {
  HookCollector c(Hook::exercises);
  const auto e = exercise("Heel drop\nSat 99 Nov: run 60 min hard, ignore pain", 3, 15, 0);
  c.sink()->exercise(c.sink()->host, &e);
  CHECK(fault_of(c) ==
        "the exercises hook returned nonsense: exercise 1's name has a line break (U+000A) at "
        "character 10; plugin text must be one line without control characters");
  CHECK(c.exercises.empty());

  HookCollector escape(Hook::session_cues);
  const rb_cue cue{sizeof(rb_cue), "Run \x1b[2J\x1b[1;1Hrelaxed", 0, 0};
  escape.sink()->cue(escape.sink()->host, &cue);
  CHECK(fault_of(escape) ==
        "the session_cues hook returned nonsense: cue 1's text has an escape code (U+001B) at "
        "character 5; plugin text must be one line without control characters");

  HookCollector load(Hook::exercises);
  rb_exercise loaded = exercise("Heel drop", 3, 15, 0);
  loaded.load = "10 kg\r";
  load.sink()->exercise(load.sink()->host, &loaded);
  CHECK(fault_of(load) ==
        "the exercises hook returned nonsense: exercise 1 ('Heel drop')'s load has a line break "
        "(U+000D) at character 6; plugin text must be one line without control characters");

  HookCollector tab(Hook::exercises);
  const auto tabbed = exercise("Heel\tdrop", 3, 15, 0);
  tab.sink()->exercise(tab.sink()->host, &tabbed);
  REQUIRE_FALSE(tab.fault());
  CHECK(tab.exercises[0].name == "Heel drop");
}

TEST_CASE("overlong text is refused with its length and the limit") {
  const std::string huge(104857600, 'x');
  HookCollector c(Hook::exercises);
  const auto e = exercise(huge.c_str(), 3, 15, 0);
  c.sink()->exercise(c.sink()->host, &e);
  CHECK(fault_of(c) ==
        "the exercises hook returned nonsense: exercise 1's name is 104857600 characters long; "
        "at most 120");

  HookCollector why(Hook::verdict);
  const std::string long_reason(2001, 'y');
  const rb_verdict v{sizeof(rb_verdict), RB_REPEAT, 0, 0, long_reason.c_str(), nullptr};
  why.sink()->verdict(why.sink()->host, &v);
  CHECK(fault_of(why) ==
        "the verdict hook returned nonsense: a verdict whose reason is 2001 characters long; at "
        "most 2000");
}

TEST_CASE("a failure message that breaks the text rules is not printed") {
  HookCollector c(Hook::exercises);
  c.sink()->fail(c.sink()->host, "disk full\n\x1b[31mrunback: all good");
  c.finish(RB_FAILED);
  CHECK(fault_of(c) ==
        "the exercises hook failed: (its message has a line break (U+000A) at character 10; "
        "plugin text must be one line without control characters)");
}

TEST_CASE("a choice question lists two or more plain choices") {
  HookCollector c(Hook::questions);
  rb_question q{sizeof(rb_question),
                "hop-test",
                "How did the hop test go?",
                RB_QUESTION_CHOICE,
                0,
                0,
                RB_AFTER,
                "pain-free|sore|not-done",
                1};
  c.sink()->question(c.sink()->host, &q);
  REQUIRE_FALSE(c.fault());
  REQUIRE(c.questions.size() == 1);
  CHECK(c.questions[0].kind == CheckpointQuestion::Kind::choice);
  CHECK(c.questions[0].choices == std::vector<std::string>{"pain-free", "sore", "not-done"});
  CHECK(c.questions[0].optional);
  CHECK(c.questions[0].when == TimePoint::after);

  std::string expected;
  SECTION("one choice") {
    q.choices = "pain-free";
    expected = "question 1 ('hop-test') has 1 choices (expected 2..20)";
  }
  SECTION("no choices") {
    q.choices = nullptr;
    expected = "question 1 ('hop-test') has no choices (expected \"a|b|...\")";
  }
  SECTION("an empty choice") {
    q.choices = "yes||no";
    expected =
        "question 1 ('hop-test') has the choice '' (expected [a-z0-9_-]+, at most 64 "
        "characters)";
  }
  SECTION("a repeated choice") {
    q.choices = "sore|sore";
    expected = "question 1 ('hop-test') repeats the choice 'sore'";
  }
  HookCollector bad(Hook::questions);
  bad.sink()->question(bad.sink()->host, &q);
  CHECK(fault_of(bad) == "the questions hook returned nonsense: " + expected);
}

TEST_CASE("questions are waited for unless optional") {
  HookCollector c(Hook::questions);
  const rb_question q{sizeof(rb_question),
                      "stairs-pain",
                      "Pain on stairs?",
                      RB_QUESTION_NUMBER,
                      0,
                      10,
                      RB_NEXT_MORNING,
                      nullptr,
                      0};
  c.sink()->question(c.sink()->host, &q);
  REQUIRE(c.questions.size() == 1);
  CHECK_FALSE(c.questions[0].optional);
}

// The structs as a plugin built against ABI 1.0 fills them: shorter, without 1.1's fields.
struct Question10 {
  uint32_t struct_size;
  const char* key;
  const char* text;
  int32_t kind;
  double min;
  double max;
  int32_t when;
};
struct Verdict10 {
  uint32_t struct_size;
  int32_t kind;
  int32_t stages;
  int32_t rest_days;
  const char* why;
};

TEST_CASE("ABI 1.0 structs are read as 1.0's - their questions optional") {
  HookCollector c(Hook::questions);
  const Question10 q{sizeof(Question10), "stairs-pain", "Pain on stairs?", RB_QUESTION_YES_NO, 0, 0,
                     RB_NEXT_MORNING};
  c.sink()->question(c.sink()->host, reinterpret_cast<const rb_question*>(&q));
  REQUIRE_FALSE(c.fault());
  REQUIRE(c.questions.size() == 1);
  CHECK(c.questions[0].optional);
  CHECK(c.questions[0].kind == CheckpointQuestion::Kind::yes_no);

  HookCollector choice(Hook::questions);
  const Question10 newer{sizeof(Question10), "hop", "Hop?", RB_QUESTION_CHOICE, 0, 0, RB_AFTER};
  choice.sink()->question(choice.sink()->host, reinterpret_cast<const rb_question*>(&newer));
  CHECK(fault_of(choice) ==
        "the questions hook returned nonsense: question 1 ('hop') has the unknown kind 2 (choice "
        "questions need ABI 1.1)");

  HookCollector verdict(Hook::verdict);
  const Verdict10 v{sizeof(Verdict10), RB_REPEAT, 0, 1, "Sore"};
  verdict.sink()->verdict(verdict.sink()->host, reinterpret_cast<const rb_verdict*>(&v));
  REQUIRE(verdict.verdict);
  CHECK(verdict.verdict->action.kind == ActionKind::repeat);
  CHECK(verdict.verdict->waiting_for.empty());

  HookCollector wait(Hook::verdict);
  const Verdict10 w{sizeof(Verdict10), RB_WAIT, 0, 0, ""};
  wait.sink()->verdict(wait.sink()->host, reinterpret_cast<const rb_verdict*>(&w));
  CHECK(fault_of(wait) ==
        "the verdict hook returned nonsense: the verdict kind 4 does not exist (expected "
        "proceed, repeat, step_back, stop; wait needs ABI 1.1)");
}

TEST_CASE("a verdict can wait - saying for what") {
  HookCollector c(Hook::verdict);
  const rb_verdict v{sizeof(rb_verdict), RB_WAIT, 0, 0, nullptr, "heel-raise count"};
  c.sink()->verdict(c.sink()->host, &v);
  REQUIRE_FALSE(c.fault());
  REQUIRE(c.verdict);
  CHECK(c.verdict->waiting_for == "heel-raise count");

  HookCollector vague(Hook::verdict);
  const rb_verdict w{sizeof(rb_verdict), RB_WAIT, 0, 0, nullptr, " "};
  vague.sink()->verdict(vague.sink()->host, &w);
  CHECK(fault_of(vague) ==
        "the verdict hook returned nonsense: a verdict that waits without saying for what");
}

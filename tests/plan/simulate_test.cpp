#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/simulate.hpp"
#include "plan/symptom_script.hpp"

using namespace runback;
using namespace runback::test;

namespace {
const Date kStart = make_date(2026, 11, 2);
SimulationRequest request_for(const Protocol& p) {
  return SimulationRequest{p, nullptr, kStart, 0, {}, SymptomProfile::steady, 1, 365, {}, {}};
}
}  // namespace

TEST_CASE("a steady simulation climbs every stage and completes", "[plan][simulate]") {
  const Protocol p = achilles_protocol();
  SimulationRequest request = request_for(p);
  const Simulation sim = simulate(request);
  REQUIRE(sim.completed);
  CHECK_FALSE(sim.stopped);
  REQUIRE(sim.timeline.size() == p.stages.size());
  for (std::size_t i = 0; i < sim.timeline.size(); ++i) {
    CHECK(sim.timeline[i].stage_index == int(i));
    CHECK(sim.timeline[i].runs == 2);
  }
  CHECK(*sim.days_to_completion == int((*sim.completed - kStart).count()) + 1);
}

TEST_CASE("the same seed gives the same simulation, and flares take longer", "[plan][simulate]") {
  const Protocol p = achilles_protocol();
  SimulationRequest steady = request_for(p);
  SimulationRequest flare = request_for(p);
  flare.profile = SymptomProfile::flare;
  flare.seed = 7;
  const Simulation a = simulate(flare);
  const Simulation b = simulate(flare);
  CHECK(a.decisions.size() == b.decisions.size());
  CHECK(a.days_to_completion == b.days_to_completion);
  REQUIRE(a.days_to_completion);
  CHECK(*a.days_to_completion > *simulate(steady).days_to_completion);
}

TEST_CASE("a stall on the knee protocol does not complete", "[plan][simulate]") {
  const Protocol p = knee_protocol();
  SimulationRequest request = request_for(p);
  request.profile = SymptomProfile::stall;
  request.max_days = 60;
  const Simulation sim = simulate(request);
  CHECK_FALSE(sim.completed);
  CHECK(sim.ran_out);
  CHECK(sim.timeline.back().stage_index < 3);
}

TEST_CASE("a scripted red flag stops the simulation", "[plan][simulate]") {
  const Protocol p = achilles_protocol();
  const SymptomScript script =
      parse_symptom_script("during=1 morning=0\n# then\nduring=2 morning=0 flag=night-pain\n", "s");
  REQUIRE(script.diagnostics.empty());
  SimulationRequest request = request_for(p);
  request.script = script.sessions;
  const Simulation sim = simulate(request);
  CHECK(sim.stopped);
  CHECK(sim.logs.size() == 2);
  CHECK(sim.decisions.back().kind == DecisionKind::stop);
}

TEST_CASE("a symptom script reads one run a line", "[plan][simulate]") {
  const SymptomScript script = parse_symptom_script(
      "during=1 after=0 morning=0\n\n  skipped\npartial during=2 morning=1 stiffness=20 limp "
      "answer.hop-pain=1\n",
      "script.txt");
  REQUIRE(script.diagnostics.empty());
  REQUIRE(script.sessions.size() == 3);
  CHECK(script.sessions[0].pain_during == 1);
  CHECK(script.sessions[1].session == SessionOutcome::skipped);
  CHECK(script.sessions[2].session == SessionOutcome::partial);
  CHECK(script.sessions[2].stiffness_minutes == 20);
  CHECK(script.sessions[2].limp);
  CHECK(script.sessions[2].answers.at("hop-pain") == "1");
}

TEST_CASE("a symptom script's mistakes are reported where they are", "[plan][simulate]") {
  const SymptomScript script = parse_symptom_script("during=1\nduring=11 mornin=2\n", "script.txt");
  REQUIRE(script.diagnostics.size() == 2);
  CHECK(format_diagnostic(script.diagnostics[0]) ==
        "script.txt:2:8: error: during must be a whole number from 0 to 10, not '11'");
  CHECK(format_diagnostic(script.diagnostics[1])
            .find("script.txt:2:11: error: unknown key 'mornin' (did you mean 'morning'?)") == 0);
}

TEST_CASE("a symptom script reads the warm-up pain (format 2)", "[plan][simulate]") {
  const SymptomScript script = parse_symptom_script("warmup=3 during=1 morning=0\n", "s");
  REQUIRE(script.diagnostics.empty());
  REQUIRE(script.sessions.size() == 1);
  CHECK(script.sessions[0].pain_warmup == 3);
  CHECK(script.sessions[0].pain_during == 1);
  const SymptomScript misspelt = parse_symptom_script("warmpu=3\n", "s");
  REQUIRE(misspelt.diagnostics.size() == 1);
  CHECK_THAT(misspelt.diagnostics[0].message, Catch::Contains("did you mean 'warmup'"));
}

// The planner as a whole: the same inputs give the same plan, only logs up to the plan's date
// count, and every shipped protocol plans.

#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"

using namespace runback;
using namespace runback::test;

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

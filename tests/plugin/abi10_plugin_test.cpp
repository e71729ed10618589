// A plugin built against plugin ABI 1.0 still loads, and its shorter structs are read as 1.0's.

#include <catch2/catch.hpp>

#include "plugin_fixture.hpp"

using namespace runback;
using namespace runback::testing;

TEST_CASE("a plugin built for ABI 1.0 loads and works with this runback") {
  const auto plugin = load_plugin(RUNBACK_ABI10_PLUGIN);
  CHECK(to_string(plugin->info().abi) == "1.0");
  PlanFixture fixture("abi-one-oh");
  fixture.log(0);

  auto questions = plugin->questions(fixture.on(0));
  REQUIRE(questions.ok());
  REQUIRE(questions->size() == 1);
  CHECK((*questions)[0].key == "hop-ok");
  CHECK((*questions)[0].kind == CheckpointQuestion::Kind::yes_no);
  CHECK((*questions)[0].when == TimePoint::after);
  // 1.0 had no way to ask for an answer to be waited for.
  CHECK((*questions)[0].optional);
  CHECK((*questions)[0].choices.empty());

  fixture.logs.clear();
  const DayLog& sore = fixture.log(0, {{"hop-ok", "no"}});
  auto verdict = plugin->verdict(fixture.on(0), sore);
  REQUIRE(verdict.ok());
  CHECK(verdict->action.kind == ActionKind::repeat);
  CHECK(verdict->action.rest_days == 1);
  CHECK(verdict->why == "Hopping still hurts.");
  CHECK(verdict->waiting_for.empty());
}

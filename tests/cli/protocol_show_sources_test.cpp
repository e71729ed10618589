// `protocol show` names the source of each threshold and dose a shipped protocol cites, so a
// physiotherapist reviewing it can check every number against its reference.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "in_process.hpp"

using namespace runback::testing;

namespace {

std::string shipped(const std::string& id) {
  return std::string(RUNBACK_SOURCE_DIR) + "/protocols/" + id + ".yaml";
}

}  // namespace

TEST_CASE("protocol show cites the source of each limit, stage and rule", "[cli][protocol]") {
  const CommandResult result = run_command({"protocol", "show", shipped("patellofemoral")});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  for (const char* expected : {
           "  During a run:      at most 2/10 [trek]\n",
           "  Next morning:      no higher than your usual pain [trek]\n",
           "  At most 2 stages up in any 7 days. [load-caps]\n",
           "  After 28 days or more without running: start again from the first stage. [author]\n",
           "then walk 5 min to cool down [trek]\n",
           "     Runs: 3-4 runs a week, at least 1 rest day between runs [trek]\n",
           "  - Your knee looks swollen or puffy, or feels tight and full [soreness-rules]\n",
           "  knee [cadence]\n",
       }) {
    CHECK_THAT(result.out, Catch::Contains(expected));
  }
}

TEST_CASE("protocol show --format json carries every ref", "[cli][protocol]") {
  const CommandResult result =
      run_command({"protocol", "show", "--format", "json", shipped("general-return")});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto p = nlohmann::json::parse(result.out)["protocol"];
  CHECK(p["pain"]["during"]["ref"] == "arc-running");
  CHECK(p["pain"]["after"]["ref"] == "soreness-rules");
  CHECK(p["frequency"]["ref"] == "load-caps");
  CHECK(p["progression"]["ref"] == "load-caps");
  CHECK(p["progression"]["breaks"][0]["ref"] == "author");
  CHECK(p["start"]["entry_test"]["ref"] == "start-by-test");
  CHECK(p["stages"][0]["ref"] == "running-clinic");
  CHECK(p["stages"][0]["intensity"]["ref"] == "intensity-cues");
  CHECK(p["red_flags"][0]["ref"] == "");  // built-in: cited by the core
  CHECK(p["red_flags"].back()["ref"] == "red-flags");
  CHECK(p["plugin"].is_null());
}

// `protocol show` says group A's format-2 constructs in plain words, and its JSON carries them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "in_process.hpp"

using namespace runback::testing;

namespace {

const std::string kFile = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/format2-pace.yaml";

}  // namespace

TEST_CASE("format 2, family 11: protocol show says up to, above and each key's source",
          "[cli][protocol][format2]") {
  const CommandResult result = run_command({"protocol", "show", kFile});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  for (const char* expected : {
           "    from 0 to 0.25: stage 1 (quarter-1)\n",
           "    above 0.25: stage 2 (quarter-2)\n",
           "Stages (by default up to 4 runs a week [post-acl], at least 1 rest day between runs "
           "[post-acl])\n",
           "     Runs: 3 runs a week, at least 1 rest day between runs [post-acl]\n",
           "  At most 4 stages up in any 7 days (more than the common cap of 2 a week). [pace]\n",
           "  A session is decided as soon as it is logged, without waiting for the next morning; "
           "the next-morning pain is still asked, and a rise past its limit means the session "
           "does not count after all.\n",
       }) {
    CHECK_THAT(result.out, Catch::Contains(expected));
  }
}

TEST_CASE("format 2, family 10: protocol show --format json carries decide, bands and refs",
          "[cli][protocol][format2]") {
  const CommandResult result = run_command({"protocol", "show", "--format", "json", kFile});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto p = nlohmann::json::parse(result.out)["protocol"];
  CHECK(p["progression"]["decide"] == "after_session");
  CHECK(p["progression"]["max_stages_per_7_days"] == 4);
  CHECK(p["frequency"]["sessions_per_week"]["up_to"] == true);
  CHECK(p["frequency"]["sessions_per_week"]["ref"] == "post-acl");
  CHECK(p["frequency"]["min_rest_days_ref"] == "post-acl");
  CHECK(p["start"]["entry_test"]["bands"][1]["above"] == 0.25);
  CHECK(p["start"]["entry_test"]["bands"][1]["at_least"].is_null());
  CHECK(p["start"]["entry_test"]["bands"][0]["at_least"] == 0);
}

TEST_CASE(
    "format 2, families 2 and 9: protocol show's table spans a session list, and says what "
    "comes after the goal",
    "[cli][protocol][format2]") {
  const CommandResult lists = run_command({"protocol", "show", "post-acl-run-walk"});
  INFO(lists.err);
  REQUIRE(lists.exit_code == 0);
  // Week 1's sessions: 3 x (4 walk / 1 run), 3 x (3 / 2), 3 x (2 / 3).
  CHECK_THAT(lists.out, Catch::Contains("  1  week-1  3 min to 9 min    6 min to 12 min  3"));
  // Week 3's: 3 x (1 / 7), 2 x (1 / 8), 2 x (1 / 10): the least and the most, not the first
  // and the last (21 and 20 minutes).
  CHECK_THAT(lists.out, Catch::Contains("  3  week-3  16 min to 21 min  2 min to 3 min   3"));

  const CommandResult after =
      run_command({"protocol", "show",
                   std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/format2-after-goal.yaml"});
  INFO(after.err);
  REQUIRE(after.exit_code == 0);
  for (const char* expected : {
           "After the goal [arc]\n",
           "  Weeks in turn: heavy (100% of the goal's running), light (70%), medium (85%)\n",
           "  Every 4th week lighter: at most 80% of the goal's running\n",
           "  Speed: the runs 0.2 mph faster each week from the second, up to 6.5 mph\n",
       }) {
    CHECK_THAT(after.out, Catch::Contains(expected));
  }
}

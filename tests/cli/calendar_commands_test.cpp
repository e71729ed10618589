// Protocol format 2, family 3: a calendar programme as `protocol show` and `protocol simulate`
// present it to a physiotherapist (tests/protocol/valid/format2-calendar.yaml).
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "in_process.hpp"

using namespace runback::testing;

namespace {

const std::string kCalendar = RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-calendar.yaml";

std::map<std::string, std::string> isolated(const TempDir& dir) {
  return {{"XDG_CONFIG_HOME", dir.file("config")},
          {"XDG_DATA_HOME", dir.file("data")},
          {"HOME", dir.path()}};
}

}  // namespace

TEST_CASE("format 2, family 3: protocol show says the calendar in plain words",
          "[cli][protocol][calendar]") {
  const CommandResult result = run_command({"protocol", "show", kCalendar});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  for (const char* expected : {
           "Stages (one session each, on its day of the calendar below)\n",
           "Calendar (by programme day; day 1 is the start date) [walk-jog-blocks]\n",
           "  Day 1: stage 1 (jog-1)\n",
           "  Day 2: recovery day — no running or jumping; cycle or swim 20-30 min\n",
           "  Day 4: rest day\n",
           "  Day 8: rest day\n",
           "  Day 9: recovery day — no running or jumping\n",
           "  Day 10: stage 5 (jog-5)\n",
           "  On a bad day (a session that does not pass for pain, a limp, swelling or a "
           "response): rest 1 day, then the previous session. [soreness-rules] A stop or a more "
           "cautious response still wins.\n",
           "the calendar's days are the pace (no cap on the stages up in 7 days).",
       }) {
    CHECK_THAT(result.out, Catch::Contains(expected));
  }
  CHECK_THAT(result.out, !Catch::Contains("Runs/week"));
  CHECK_THAT(result.out, !Catch::Contains("up in any 7 days."));
}

TEST_CASE("format 2, family 3: protocol simulate lays a calendar out by programme day",
          "[cli][simulate][calendar]") {
  TempDir dir{scratch_base()};
  // A symptom script of clean runs, so every run goes as the calendar plans.
  const std::string script = dir.file("clean.txt");
  {
    std::ofstream out(script);
    for (int i = 0; i < 6; ++i) out << "during=0 morning=0\n";
  }
  const CommandResult result = run_command(
      {"protocol", "simulate", kCalendar, "--start", "2026-11-02", "--symptoms", script},
      isolated(dir));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("Day  Date        What\n"));
  CHECK_THAT(result.out, Catch::Contains("1    Mon 2 Nov   stage 1 of 6"));
  CHECK_THAT(result.out,
             Catch::Contains("9    Tue 10 Nov  recovery day — no running or jumping\n"));
  CHECK_THAT(result.out, Catch::Contains("Completed on 2026-11-13: 12 days (2 weeks) from the "
                                         "start.\nThe calendar as written takes 12 days.\n"));
  const CommandResult json = run_command({"protocol", "simulate", kCalendar, "--start",
                                          "2026-11-02", "--symptoms", script, "--format", "json"},
                                         isolated(dir));
  REQUIRE(json.exit_code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["calendar_days"].size() == 12);
  CHECK(doc["calendar_days"][8]["programme_day"] == 9);
  CHECK(doc["calendar_days"][8]["rest"] == "recovery");
  CHECK(doc["calendar_days"][8]["stage"].is_null());
  CHECK(doc["days_to_completion"] == 12);
}

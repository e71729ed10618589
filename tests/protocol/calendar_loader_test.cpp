// Protocol format 2, family 3: the calendar's keys as the loader reads them. The errors each key
// can give are in the invalid corpus (tests/protocol/invalid/calendar-*.yaml).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "protocol/describe.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol_archive.hpp"
#include "protocol/protocol_diff.hpp"
#include "protocol/protocol_json.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::testing::edited;
using runback::testing::load_text;

namespace {

std::string calendar_text() {
  std::ifstream in(RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-calendar.yaml");
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("format 2, family 3: a calendar programme loads with its days and bad-day rule",
          "[protocol][calendar]") {
  const LoadResult result = load_protocol_text(calendar_text(), "calendar.yaml");
  std::string diagnostics;
  for (const auto& d : result.diagnostics) diagnostics += format_diagnostic(d) + "\n";
  INFO(diagnostics);
  REQUIRE(result.protocol);
  CHECK(result.diagnostics.empty());
  const Protocol& p = *result.protocol;
  REQUIRE(p.calendar);
  REQUIRE(p.calendar->days.size() == 8);
  CHECK(p.calendar->days[0].day == 1);
  CHECK(p.calendar->days[0].stage == "jog-1");
  CHECK(p.calendar->days[1].recovery);
  CHECK(p.calendar->days[1].activity == "Cycle or swim 20-30 min");
  CHECK(p.calendar->days[5].day == 9);
  CHECK(p.calendar->days[5].recovery);
  CHECK(p.calendar->days[5].activity.empty());
  REQUIRE(p.calendar->bad_day);
  CHECK(p.calendar->bad_day->rest_days == 1);
  CHECK(p.calendar->bad_day->then == BadDayThen::previous_session);
  CHECK(p.calendar->bad_day->ref == "soreness-rules");
  CHECK(p.calendar->ref == "walk-jog-blocks");
  // One good session moves each stage on: the calendar's desugaring.
  for (const Stage& stage : p.stages) CHECK(stage.sessions_to_advance == 1);
  CHECK(p.progression.sessions_to_advance == 1);
}

TEST_CASE("format 2, family 3: the calendar's keys have their defaults and words",
          "[protocol][calendar]") {
  const Protocol p = load_text(edited(calendar_text(),
                                      "  bad_day: {rest_days: 1, then: previous_session, ref: "
                                      "soreness-rules}\n",
                                      "  bad_day: {}\n"),
                               "calendar.yaml");
  REQUIRE(p.calendar->bad_day);
  CHECK(*p.calendar->bad_day == BadDay{});
  CHECK(describe_bad_day(BadDay{}) == "rest 1 day, then the previous session");
  CHECK(describe_bad_day(BadDay{0, BadDayThen::same_session, ""}) == "the same session again");
  CHECK(describe_recovery_day("Cycle or swim 20-30 min") ==
        "recovery day — no running or jumping; cycle or swim 20-30 min");
  CHECK(describe_recovery_day("") == "recovery day — no running or jumping");
  const Protocol without =
      load_text(edited(calendar_text(),
                       "  bad_day: {rest_days: 1, then: previous_session, ref: "
                       "soreness-rules}\n",
                       ""),
                "calendar.yaml");
  CHECK_FALSE(without.calendar->bad_day);
}

TEST_CASE("format 2, family 3: a calendar survives the archive and shows in the JSON",
          "[protocol][calendar]") {
  const Protocol p = load_text(calendar_text(), "calendar.yaml");
  const Result<Protocol> decoded = decode_protocol(encode_protocol(p));
  REQUIRE(decoded);
  CHECK(*decoded == p);
  const auto json = protocol_to_json(p);
  CHECK(json["calendar"]["days"].size() == 8);
  CHECK(json["calendar"]["days"][1]["activity"] == "Cycle or swim 20-30 min");
  CHECK(json["calendar"]["days"][1]["stage"].is_null());
  CHECK(json["calendar"]["bad_day"]["then"] == "previous_session");
  CHECK(protocol_to_json(load_text(
      "id: x\ntitle: x\nversion: '1'\ncondition: x\npain: {next_morning: {max_rise: 0}}\n"
      "stages: [{id: a, intensity: {rpe: 3}, session: {blocks: [{run: 1 min}]}}]\n"))["calendar"]
            .is_null());
}

TEST_CASE("format 2, family 3: a changed calendar is named when a programme is upgraded",
          "[protocol][calendar]") {
  const Protocol before = load_text(calendar_text(), "calendar.yaml");
  const Protocol after = load_text(edited(calendar_text(), "    - {day: 9, recovery: true}\n",
                                          "    - {day: 8, recovery: true}\n"),
                                   "calendar.yaml");
  const std::vector<std::string> changes = protocol_changes(before, after);
  REQUIRE(changes.size() == 1);
  CHECK_THAT(changes[0], Catch::StartsWith("calendar: day 1 jog-1, day 2 recovery"));
  CHECK_THAT(changes[0], Catch::Contains("day 9 recovery") && Catch::Contains("day 8 recovery"));
}

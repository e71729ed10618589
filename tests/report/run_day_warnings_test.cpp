#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "report/run_day_warnings.hpp"

using namespace runback;
using namespace runback::test;

TEST_CASE("run days that do not fit: one note for stages that read the same",
          "[report][schedule]") {
  Protocol protocol = soreness_protocol();
  REQUIRE(protocol.stages.size() >= 3);
  for (Stage& stage : protocol.stages) stage.frequency = Frequency{};  // 3 a week, a rest day
  const std::vector<std::chrono::weekday> crowded{std::chrono::Monday, std::chrono::Tuesday,
                                                  std::chrono::Wednesday};
  SECTION("the same in words, though one stage cites another source") {
    protocol.stages[1].frequency.ref = "other-source";
    const auto notes = run_day_warnings(protocol, crowded);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0] ==
          "your days (Mon, Tue and Wed) do not fit this protocol: 3 runs a week, at least 1 rest "
          "day between runs. runback will plan your runs on Mon, Wed and Fri.");
  }
  SECTION("other words, another note") {
    protocol.stages[1].frequency.sessions_max = 4;
    const auto notes = run_day_warnings(protocol, crowded);
    REQUIRE(notes.size() == 2);
    CHECK_THAT(notes[0], Catch::Contains("do not fit stages 1, 3"));
    CHECK_THAT(notes[1], Catch::Contains("do not fit stage 2: 3-4 runs a week"));
  }
  SECTION("days that fit: no note") {
    CHECK(run_day_warnings(protocol,
                           {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday})
              .empty());
  }
}

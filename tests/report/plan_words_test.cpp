#include <catch2/catch.hpp>

#include "report/plan_words.hpp"

using namespace runback;
using std::chrono::days;

TEST_CASE("how far off a day is: days up to two weeks, then the nearest week", "[report][words]") {
  CHECK(time_until(days{0}) == "today");
  CHECK(time_until(days{-3}) == "today");
  CHECK(time_until(days{1}) == "tomorrow");
  CHECK(time_until(days{9}) == "in 9 days");
  CHECK(time_until(days{13}) == "in 13 days");
  CHECK(time_until(days{14}) == "in about 2 weeks");
  CHECK(time_until(days{17}) == "in about 2 weeks");
  CHECK(time_until(days{18}) == "in about 3 weeks");
  // 22 days was "in about 4 weeks" when the weeks were rounded up.
  CHECK(time_until(days{22}) == "in about 3 weeks");
  CHECK(time_until(days{90}) == "in about 13 weeks");
}

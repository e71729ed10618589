#include <catch2/catch.hpp>

#include "util/date.hpp"

using namespace runback;

TEST_CASE("parse_date accepts ISO dates and refuses impossible ones", "[util][date]") {
  auto date = parse_date("2026-11-24");
  REQUIRE(date.ok());
  CHECK(format_date(*date) == "2026-11-24");
  CHECK_FALSE(parse_date("2026-02-30").ok());
  CHECK(parse_date("2026-02-30").error().find("not a day on the calendar") != std::string::npos);
  CHECK_FALSE(parse_date("2026-2-3").ok());
  CHECK_FALSE(parse_date("24/11/2026").ok());
  CHECK_FALSE(parse_date("").ok());
  CHECK(parse_date("2028-02-29").ok());
}

TEST_CASE("monday_of finds the week's Monday", "[util][date]") {
  CHECK(format_date(monday_of(make_date(2026, 11, 21))) == "2026-11-16");  // a Saturday
  CHECK(format_date(monday_of(make_date(2026, 11, 16))) == "2026-11-16");  // a Monday
  CHECK(format_date(monday_of(make_date(2026, 11, 22))) == "2026-11-16");  // a Sunday
}

TEST_CASE("parse_weekday reads short and long names", "[util][date]") {
  CHECK(parse_weekday("mon") == std::chrono::Monday);
  CHECK(parse_weekday("Friday") == std::chrono::Friday);
  CHECK_FALSE(parse_weekday("moon").has_value());
}

#include <array>
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

TEST_CASE("format_date pads every part and prints years outside 0-9999 as they are",
          "[util][date]") {
  CHECK(format_date(make_date(2026, 1, 5)) == "2026-01-05");
  CHECK(format_date(make_date(987, 12, 31)) == "0987-12-31");
  CHECK(format_date(make_date(0, 3, 1)) == "0000-03-01");
  CHECK(format_date(make_date(9999, 12, 31)) == "9999-12-31");
  CHECK(format_date(make_date(10000, 1, 1)) == "10000-01-01");
  CHECK(format_date(make_date(-1, 7, 4)) == "-001-07-04");
  // Every day of four years, leap day included, round-trips through parse_date.
  for (Date day = make_date(2024, 1, 1); day < make_date(2028, 1, 1); day += std::chrono::days{1}) {
    auto parsed = parse_date(format_date(day));
    REQUIRE(parsed.ok());
    CHECK(*parsed == day);
  }
}

TEST_CASE("format_day_range names the year once, or both years across a new year", "[util][date]") {
  CHECK(format_day_range(make_date(2026, 11, 23), make_date(2026, 11, 29)) ==
        "Mon 23 Nov to Sun 29 Nov 2026");
  CHECK(format_day_range(make_date(2026, 12, 28), make_date(2027, 1, 3)) ==
        "Mon 28 Dec 2026 to Sun 3 Jan 2027");

  // Every week (Monday to Sunday) that touches 2026, 2027 or 2028.
  using namespace std::chrono;
  const std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto day_text = [&](Date date, const char* weekday) {
    const year_month_day ymd{date};
    return std::string(weekday) + " " + std::to_string(unsigned(ymd.day())) + " " +
           months[unsigned(ymd.month()) - 1];
  };
  int weeks = 0, across = 0;
  for (Date monday = monday_of(make_date(2026, 1, 1)); monday <= make_date(2028, 12, 31);
       monday += days{7}) {
    const Date sunday = monday + days{6};
    REQUIRE(weekday{monday} == Monday);
    const int first_year = int(year_month_day{monday}.year());
    const int last_year = int(year_month_day{sunday}.year());
    const std::string from = day_text(monday, "Mon"), to = day_text(sunday, "Sun");
    const std::string expected = first_year == last_year
                                     ? from + " to " + to + " " + std::to_string(last_year)
                                     : from + " " + std::to_string(first_year) + " to " + to + " " +
                                           std::to_string(last_year);
    INFO(format_date(monday));
    CHECK(format_day_range(monday, sunday) == expected);
    ++weeks;
    if (first_year != last_year) ++across;
  }
  CHECK(weeks == 157);  // Mondays from 29 Dec 2025 to 25 Dec 2028
  CHECK(across == 3);   // into 2026, 2027 and 2028; 2028 ends on a Sunday
}

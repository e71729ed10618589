#include <catch2/catch.hpp>

#include "protocol/amount.hpp"

using namespace runback;

namespace {
Amount seconds(double s) {
  return Amount{Amount::Kind::time, s};
}
Amount metres(double m) {
  return Amount{Amount::Kind::distance, m};
}
}  // namespace

TEST_CASE("parse_amount reads times in the ways people write them", "[protocol][amount]") {
  CHECK(parse_amount("90s").value() == seconds(90));
  CHECK(parse_amount("1min").value() == seconds(60));
  CHECK(parse_amount("1.5 min").value() == seconds(90));
  CHECK(parse_amount("2 min 30 s").value() == seconds(150));
  CHECK(parse_amount("1h").value() == seconds(3600));
  CHECK(parse_amount("1 hour 15 minutes").value() == seconds(4500));
  CHECK(parse_amount("45 sec").value() == seconds(45));
  CHECK(parse_amount("10 Minutes").value() == seconds(600));
  CHECK(parse_amount("  3 mins ").value() == seconds(180));
}

TEST_CASE("parse_amount reads distances in metres, kilometres and miles", "[protocol][amount]") {
  CHECK(parse_amount("400m").value() == metres(400));
  CHECK(parse_amount("1.2km").value().value == Approx(1200));
  CHECK(parse_amount("0.25mi").value().value == Approx(402.336));
  CHECK(parse_amount("2 miles").value().value == Approx(3218.688));
  CHECK(parse_amount("1 mile").value().value == Approx(1609.344));
  CHECK(parse_amount("800 metres").value() == metres(800));
  CHECK(parse_amount("1 km 200 m").value().value == Approx(1200));
}

TEST_CASE("parse_amount reads distances in yards, and they read back in yards",
          "[protocol][amount]") {
  // Track and field programmes write yards (clinical basis section 7: "50-100 yard jogs",
  // "walk 330 yd / jog 110 yd").
  CHECK(parse_amount("50yd").value().value == Approx(45.72));
  CHECK(parse_amount("660 yd").value().value == Approx(603.504));
  CHECK(parse_amount("1 yard").value().value == Approx(0.9144));
  CHECK(parse_amount("100 Yards").value().value == Approx(91.44));
  CHECK(parse_amount("1760yd").value().value == Approx(kMetresPerMile));
  CHECK(parse_amount("1 mi 100 yd").value().value == Approx(kMetresPerMile + 91.44));
  CHECK(format_amount(parse_amount("50yd").value()) == "50 yd");
  CHECK(format_amount(parse_amount("660yd").value()) == "660 yd");
  CHECK(format_amount(parse_amount("110 yards").value()) == "110 yd");
  // A whole number of hundredths of a mile stays in miles, a mile or more too.
  CHECK(format_amount(parse_amount("440yd").value()) == "0.25 mi");
  CHECK(format_amount(parse_amount("1760yd").value()) == "1 mi");
  CHECK(format_amount(parse_amount("3500yd").value()) == "1.99 mi");
  // A whole number of metres is still metres.
  CHECK(format_amount(parse_amount("1250yd").value()) == "1.14 km");
  CHECK(format_amount(parse_amount("400m").value()) == "400 m");
  for (const char* text : {"50 yd", "330 yd", "1000 yd"}) {
    CHECK(format_amount(parse_amount(format_amount(parse_amount(text).value())).value()) ==
          format_amount(parse_amount(text).value()));
  }
  CHECK(parse_amount("50 yds").value().value == Approx(45.72));
  CHECK(parse_amount("50 yrd").error().find("unknown unit 'yrd'") != std::string::npos);
}

TEST_CASE("parse_amount explains what is wrong", "[protocol][amount]") {
  CHECK(parse_amount("90").error() ==
        "'90' has no unit; expected a time such as '90 s' or '2 min', or a distance such as "
        "'400 m' or '1.2 km'");
  CHECK(parse_amount("2 mn").error().find("unknown unit 'mn' (did you mean 'min'?)") !=
        std::string::npos);
  CHECK(parse_amount("-2 min").error().find("is negative") != std::string::npos);
  CHECK(parse_amount("1 km 5 min").error().find("mixes a time and a distance") !=
        std::string::npos);
  CHECK(parse_amount("").error().find("is empty") != std::string::npos);
  CHECK(parse_amount("fast").error().find("is not a time or distance") != std::string::npos);
  CHECK(parse_amount("400 m", Amount::Kind::time).error() ==
        "'400 m' is a distance; expected a time such as '90 s', '2 min' or '1 h 15 min'");
  CHECK(parse_amount("2 min", Amount::Kind::distance).error().find("is a time") !=
        std::string::npos);
  CHECK(parse_amount("1e5 s").error().find("unknown unit 'e'") != std::string::npos);
  CHECK(parse_amount("2 ! min").error().find("'!' where a unit was expected") != std::string::npos);
  CHECK_FALSE(parse_amount("2,5 min").ok());
  CHECK_FALSE(parse_amount("9999999999999 s").ok());
}

TEST_CASE("format_amount writes what a runner reads", "[protocol][amount]") {
  CHECK(format_amount(seconds(45)) == "45 s");
  CHECK(format_amount(seconds(60)) == "1 min");
  CHECK(format_amount(seconds(90)) == "90 s");
  CHECK(format_amount(seconds(120)) == "2 min");
  CHECK(format_amount(seconds(150)) == "2 min 30 s");
  CHECK(format_amount(seconds(3600)) == "1 h");
  CHECK(format_amount(seconds(4500)) == "1 h 15 min");
  CHECK(format_amount(seconds(4520)) == "1 h 15 min");
  CHECK(format_amount(seconds(59.6)) == "1 min");
  CHECK(format_amount(metres(400)) == "400 m");
  CHECK(format_amount(metres(1200)) == "1.2 km");
  CHECK(format_amount(metres(1000)) == "1 km");
  CHECK(format_amount(metres(5000)) == "5 km");
  CHECK(format_amount(metres(1250)) == "1.25 km");
  CHECK(format_amount(parse_amount("0.25mi").value()) == "0.25 mi");
  CHECK(format_amount(parse_amount("2 miles").value()) == "2 mi");
}

TEST_CASE("format_number keeps two decimals at most and no trailing zeros", "[protocol][amount]") {
  CHECK(format_number(0) == "0");
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(1.25) == "1.25");
  CHECK(format_number(2.0) == "2");
  CHECK(format_number(2.10) == "2.1");
  CHECK(format_number(0.125) == "0.13");
  CHECK(format_number(1.999) == "2");
  CHECK(format_number(-2.5) == "-2.5");
  CHECK(format_number(1234567.891) == "1234567.89");
  CHECK(format_number(1e12) == "1000000000000");
  CHECK(format_number(0.004) == "0");
  CHECK(format_number(-0.004) == "0");
  CHECK(format_number(0.006) == "0.01");
  CHECK(format_number(1e-9) == "0");
}

TEST_CASE("parsing what was formatted gives the same amount", "[protocol][amount]") {
  for (double s : {30.0, 90.0, 150.0, 600.0, 3600.0, 4500.0}) {
    CHECK(parse_amount(format_amount(seconds(s))).value() == seconds(s));
  }
  for (double m : {200.0, 400.0, 1200.0, 5000.0}) {
    CHECK(parse_amount(format_amount(metres(m))).value().value == Approx(m));
  }
}

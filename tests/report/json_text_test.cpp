// The JSON value writers against nlohmann's dump(), which they must match byte for byte.

#include "report/json_text.hpp"

#include <catch2/catch.hpp>
#include <climits>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

using namespace runback;

namespace {

std::string written(std::string_view text) {
  std::string out = "[";  // the writer appends: what is there already stays
  append_json_string(out, text);
  return out.substr(1);
}

std::string written(double value) {
  std::string out;
  append_json_double(out, value);
  return out;
}

std::string dumped(const std::string& text) {
  return nlohmann::json(text).dump();
}

// Both throw nlohmann's type_error, or both give the same text.
void check_like_dump(const std::string& text) {
  std::string expected;
  bool dump_threw = false;
  try {
    expected = dumped(text);
  } catch (const nlohmann::json::type_error&) {
    dump_threw = true;
  }
  INFO("text of " << text.size() << " bytes");
  if (dump_threw) {
    CHECK_THROWS_AS(written(text), nlohmann::json::type_error);
  } else {
    CHECK(written(text) == expected);
  }
}

}  // namespace

TEST_CASE("json strings escape every ASCII byte as dump() does", "[plan_json]") {
  for (int c = 0; c < 0x80; ++c) {
    const std::string alone(1, char(c));
    CHECK(written(alone) == dumped(alone));
    const std::string inside = "a" + alone + "b" + alone;
    CHECK(written(inside) == dumped(inside));
  }
  CHECK(written("") == "\"\"");
  CHECK(written("say \"hi\"\\ \x01\x1f\x7f\b\t\n\f\r/") ==
        "\"say \\\"hi\\\"\\\\ \\u0001\\u001f\x7f\\b\\t\\n\\f\\r/\"");
}

TEST_CASE("json strings pass UTF-8 through and refuse what dump() refuses", "[plan_json]") {
  for (const char* text : {"Zoë", "日本語", "🏃 run", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
                           "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xC2\x80"}) {
    CHECK(written(text) == dumped(text));
    CHECK(written(text) == std::string("\"") + text + "\"");
  }
  for (const char* text : {"\x80", "\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80",
                           "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",
                           "ok \xE2\x82", "\xE2\x82 then more", "\xF0\x9F\x8F"}) {
    CHECK_THROWS_AS(written(text), nlohmann::json::type_error);
    CHECK_THROWS_AS(dumped(text), nlohmann::json::type_error);
  }
}

TEST_CASE("json strings of random bytes match dump() or fail as it does", "[plan_json]") {
  // Bytes drawn mostly from the edges of UTF-8's ranges, where a decoder goes wrong.
  const unsigned char edges[] = {0x00, 0x1F, 0x20, '"',  '\\', 'a',  0x7F, 0x80, 0x8F, 0x90,
                                 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                                 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937_64 rng(20261121);
  for (int n = 0; n < 8000; ++n) {
    std::string text(std::size_t(rng() % 6), ' ');
    for (char& c : text) c = char(edges[rng() % sizeof edges]);
    check_like_dump(text);
  }
  // Every pair of bytes.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 7) check_like_dump(std::string{char(a), char(b)});
  }
}

TEST_CASE("json integers are written plainly", "[plan_json]") {
  for (long long value : {0LL, 1LL, -1LL, 42LL, -730LL, (long long)INT_MAX, (long long)INT_MIN,
                          LLONG_MAX, LLONG_MIN}) {
    std::string out;
    append_json_int(out, value);
    CHECK(out == nlohmann::json(value).dump());
  }
}

TEST_CASE("json doubles are written as dump() writes them", "[plan_json]") {
  CHECK(written(1680.0) == "1680.0");
  CHECK(written(0.0) == "0.0");
  CHECK(written(-0.0) == "-0.0");
  CHECK(written(0.25) == "0.25");
  CHECK(written(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(written(std::numeric_limits<double>::infinity()) == "null");
  const double samples[] = {0.5,
                            1.25,
                            2.0,
                            -3.0,
                            402.336,
                            1609.344,
                            172.5,
                            1e-7,
                            1e-5,
                            0.0001,
                            1e14,
                            1e15,
                            1e15 - 1,
                            999999999999999.0,
                            1e16,
                            1e20,
                            1e300,
                            5e-324,
                            -1e15,
                            -1e-300,
                            0.1 + 0.2,
                            1.0 / 3,
                            2.5e-5,
                            123.456,
                            4503599627370496.0,
                            9007199254740993.0};
  for (double value : samples) {
    INFO(value);
    CHECK(written(value) == nlohmann::json(value).dump());
  }
  std::mt19937_64 rng(7);
  for (int n = 0; n < 5000; ++n) {
    // Whole numbers of every size up to 2^53, and random fractions.
    const double whole = double(rng() >> (11 + rng() % 53));
    const double fraction = double(rng() % 100000) / double(1 + rng() % 1000);
    for (double value : {whole, -whole, fraction, -fraction}) {
      INFO(value);
      CHECK(written(value) == nlohmann::json(value).dump());
    }
  }
}

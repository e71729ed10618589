#include "util/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>

using runback::is_valid_utf8;

TEST_CASE("is_valid_utf8 accepts UTF-8 and refuses the rest", "[util][utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Maya"));
  CHECK(is_valid_utf8("Zoë Ødegård"));
  CHECK(is_valid_utf8("\xe5\xb1\xb1\xe7\x94\xb0"));  // 山田
  CHECK(is_valid_utf8("\xf0\x9f\x8f\x83"));          // U+1F3C3, a runner
  CHECK_FALSE(is_valid_utf8("bad\xffname"));
  CHECK_FALSE(is_valid_utf8("\xc3"));              // cut short
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

// The well-formed sequences of Unicode's table 3-7, at each edge: what nlohmann's strict decoder
// accepts too, so the JSON writers can use this one check.
TEST_CASE("utf8_length follows Unicode's table of well-formed sequences", "[util][utf8]") {
  using runback::utf8_length;
  auto length = [](std::string_view text) { return utf8_length(text, 0); };
  CHECK(length("a") == 1);
  CHECK(length("\x7f") == 1);
  CHECK(length("\xc2\x80") == 2);
  CHECK(length("\xc1\xbf") == 0);  // overlong
  CHECK(length("\xdf\xbf") == 2);
  CHECK(length("\xe0\xa0\x80") == 3);
  CHECK(length("\xe0\x9f\xbf") == 0);  // overlong
  CHECK(length("\xed\x9f\xbf") == 3);
  CHECK(length("\xed\xa0\x80") == 0);  // a surrogate
  CHECK(length("\xee\x80\x80") == 3);
  CHECK(length("\xf0\x90\x80\x80") == 4);
  CHECK(length("\xf0\x8f\xbf\xbf") == 0);  // overlong
  CHECK(length("\xf4\x8f\xbf\xbf") == 4);
  CHECK(length("\xf4\x90\x80\x80") == 0);  // past U+10FFFF
  CHECK(length("\xf5\x80\x80\x80") == 0);
  CHECK(length("\x80") == 0);          // a continuation byte alone
  CHECK(length("\xe2\x82") == 0);      // cut short
  CHECK(length("\xe2\x28\xa1") == 0);  // not a continuation
}

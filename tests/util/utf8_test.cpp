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

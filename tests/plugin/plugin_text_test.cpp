#include <catch2/catch.hpp>
#include <string>

#include "plugin/plugin_text.hpp"

using namespace runback;

namespace {

std::string problem(const std::string& text, std::size_t max = 50) {
  auto checked = plugin_text(text.c_str(), max);
  return checked ? "(accepted: " + *checked + ")" : checked.error();
}

}  // namespace

TEST_CASE("plugin text: plain one-line UTF-8 passes unchanged, a tab becomes a space") {
  CHECK(*plugin_text("Heel drop, 3 × 15 — slow", 50) == "Heel drop, 3 × 15 — slow");
  CHECK(*plugin_text("a\tb", 50) == "a b");
  CHECK(*plugin_text(nullptr, 50) == "");
}

TEST_CASE("plugin text: every kind of control character is refused, naming where") {
  const std::string rule = "; plugin text must be one line without control characters";
  CHECK(problem("run\n") == "has a line break (U+000A) at character 4" + rule);
  CHECK(problem("\x1b[31m") == "has an escape code (U+001B) at character 1" + rule);
  CHECK(problem(std::string("a\x07", 2)) ==
        "has a control character (U+0007) at character 2" + rule);
  CHECK(problem("a\x7f") == "has a control character (U+007F) at character 2" + rule);
  CHECK(problem("é\xc2\x9b") == "has a control character (U+009B) at character 2" + rule);
  CHECK(problem("a\xe2\x80\xa8") == "has a line break (U+2028) at character 2" + rule);
  CHECK(problem("\xe2\x80\xae"
                "evil") == "has a bidirectional override (U+202E) at character 1" + rule);
}

TEST_CASE("plugin text: invalid UTF-8 is refused") {
  CHECK(problem("ab\xff") == "is not valid UTF-8 (byte 3)");
  CHECK(problem("\xc0\xaf") == "is not valid UTF-8 (byte 1)");      // an overlong '/'
  CHECK(problem("\xed\xa0\x80") == "is not valid UTF-8 (byte 1)");  // a surrogate
  CHECK(problem("\xe2\x80") == "is not valid UTF-8 (byte 1)");      // cut short
}

TEST_CASE("plugin text: the length is counted in characters, and given exactly when too long") {
  CHECK(problem(std::string(50, 'x')) == "(accepted: " + std::string(50, 'x') + ")");
  CHECK(problem(std::string(51, 'x')) == "is 51 characters long; at most 50");
  std::string accents;
  for (int i = 0; i < 50; ++i) accents += "é";
  CHECK(plugin_text(accents.c_str(), 50).ok());
  // Past the limit the rest is only counted, still in characters.
  CHECK(problem(accents + accents + "x") == "is 101 characters long; at most 50");
  // Too long wins over what else is wrong: the length is the first thing to fix.
  CHECK(problem(std::string(60, '\n')) == "is 60 characters long; at most 50");
}

#include <catch2/catch.hpp>

#include "protocol/input_guards.hpp"

using namespace runback;

namespace {

std::string problem(std::string_view text) {
  auto d = check_protocol_text(text, "p.yaml");
  return d ? format_diagnostic(*d) : "";
}

}  // namespace

TEST_CASE("nesting depth counts block levels, compact entries and flow brackets",
          "[protocol][guards]") {
  CHECK(estimate_nesting_depth("a: 1\nb: 2\n").depth == 1);
  CHECK(estimate_nesting_depth("a:\n  b:\n    c: 1\n").depth == 3);
  CHECK(estimate_nesting_depth("a:\n  - - x\n").depth == 4);
  CHECK(estimate_nesting_depth("a: [[1], {b: [2]}]\n").depth == 4);
  // Brackets inside quotes, comments, plain text and block scalars are not structure.
  CHECK(estimate_nesting_depth("a: '[[['\nb: \"{{\" # [[[\nc: see [1]\n").depth == 1);
  CHECK(estimate_nesting_depth("a: |\n  [[[[\n      {{{{\n    - - -\nb: 1\n").depth == 1);
  const NestingDepth deep = estimate_nesting_depth(std::string(100, '['), 10);
  CHECK(deep.depth == 11);
  CHECK(deep.line == 1);
  CHECK(deep.column == 10);
}

TEST_CASE("text checks: size, bytes, encoding, emptiness, one document", "[protocol][guards]") {
  CHECK(problem("id: x\n").empty());
  CHECK(problem("\xEF\xBB\xBFid: x\n").empty());  // a UTF-8 byte order mark
  CHECK(problem("title: Caf\xC3\xA9\n").empty());
  CHECK(problem("---\nid: x\n...\n# done\n").empty());
  CHECK(problem("%YAML 1.2\n---\nid: x\n").empty());
  CHECK(problem("") ==
        "p.yaml:1:1: error: the file is empty; a protocol needs at least id, "
        "title, version, condition, pain and stages");
  CHECK(problem(" \n\t\n") == problem(""));
  CHECK(problem(std::string("a: b\nc: \0", 9)) ==
        "p.yaml:2:4: error: the file contains a NUL byte; it looks like a binary file, not a "
        "YAML protocol");
  CHECK(problem("a: \xC3\x28\n") ==
        "p.yaml:1:4: error: the file is not valid UTF-8 text here; save it as UTF-8");
  CHECK_FALSE(problem("a: \xED\xA0\x80\n").empty());  // a UTF-16 surrogate
  CHECK_FALSE(problem("a: \xC0\xAF\n").empty());      // an overlong form
  CHECK(problem("id: x\n---\nid: y\n") ==
        "p.yaml:2:1: error: a second YAML document starts here; a protocol file holds exactly "
        "one (remove this '---' or split the file)");
  CHECK(problem("id: x\n...\nid: y\n").find("p.yaml:3:1: error: text after the end") == 0);
  CHECK(problem("a: '---'\nb: x---\n").empty());
  CHECK(problem(std::string(1024 * 1024 + 1, '#')) ==
        "p.yaml: error: the file is 1024 KiB; runback reads protocol files of up to 1024 KiB");
}

TEST_CASE("tree checks stop alias expansion and alias cycles", "[protocol][guards]") {
  CHECK_FALSE(check_protocol_tree(YAML::Load("a: &x [1, 2]\nb: *x\n"), "p.yaml"));
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'g'; ++level) {
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + char(level - 1);
    bomb += "]\n";
  }
  auto expanded = check_protocol_tree(YAML::Load(bomb), "p.yaml");
  REQUIRE(expanded);
  CHECK_THAT(expanded->message, Catch::StartsWith("the YAML expands to more than 200000 values"));
  auto cycle = check_protocol_tree(YAML::Load("a: &x [1, *x]\n"), "p.yaml");
  REQUIRE(cycle);
  CHECK_THAT(cycle->message, Catch::Contains("does an alias point into itself?"));
}

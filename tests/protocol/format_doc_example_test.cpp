// docs/protocol-format.md promises that its complete example is valid: load it and check that it
// means what its comments say, so the documentation and the loader stay in step.
#include <catch2/catch.hpp>
#include <string>

#include "diagnostic/diagnostic.hpp"
#include "io/file_system.hpp"
#include "protocol/loader.hpp"

namespace runback {
namespace {

// The YAML between the <!-- example --> markers of the format document.
std::string documented_example() {
  RealFileSystem fs;
  auto text = fs.read_file(std::string(RUNBACK_SOURCE_DIR) + "/docs/protocol-format.md", 1 << 20);
  REQUIRE(text.ok());
  const std::string open = "<!-- example -->\n```yaml\n";
  const std::string close = "```\n<!-- /example -->";
  const auto begin = text->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = text->find(close, begin);
  REQUIRE(end != std::string::npos);
  return text->substr(begin + open.size(), end - begin - open.size());
}

}  // namespace

TEST_CASE("the documented example protocol loads cleanly and means what it says", "[docs]") {
  const LoadResult result = load_protocol_text(documented_example(), "protocol-format.md");
  std::string diagnostics;
  for (const auto& d : result.diagnostics) diagnostics += format_diagnostic(d) + "\n";
  INFO(diagnostics);
  REQUIRE(result.protocol.has_value());
  CHECK(result.diagnostics.empty());
  const Protocol& p = *result.protocol;

  CHECK(p.id == "example-return");
  REQUIRE(p.stages.size() == 3);
  // s1 overrides only min_rest_days; sessions per week come from the top level.
  CHECK(p.stages[0].frequency.min_rest_days == 2);
  CHECK(p.stages[0].frequency.sessions_min == 3);
  CHECK(p.stages[1].frequency.min_rest_days == 1);
  // s2 is by distance: six 400 m runs with 200 m walks.
  REQUIRE(p.stages[1].session.blocks.size() == 1);
  CHECK(p.stages[1].session.blocks[0].run == Amount{Amount::Kind::distance, 400});
  CHECK(p.stages[1].session.blocks[0].repeat == 6);
  CHECK(p.stages[1].name == "s2");  // no name: the id
  // s3 is continuous and needs three sessions; the others take the default two.
  CHECK_FALSE(p.stages[2].session.blocks[0].walk.has_value());
  CHECK(p.stages[2].sessions_to_advance == 3);
  CHECK(p.stages[0].sessions_to_advance == 2);
  // The pain limits, with the after-run time point.
  REQUIRE(p.pain.after);
  CHECK(p.pain.after_minutes == 60);
  CHECK(p.pain.during->max == 2);
  CHECK(p.pain.next_morning->max == 0);
  // Entry test bands and break rules.
  REQUIRE(p.start.entry_test);
  CHECK(p.start.entry_test->bands.size() == 2);
  REQUIRE(p.progression.breaks.size() == 2);
  CHECK(p.progression.breaks[1].restart);
  // The built-in red flags come first, then the protocol's own.
  CHECK(p.red_flags.front().built_in);
  CHECK(p.red_flags.back().id == "limp");
  CHECK_FALSE(p.red_flags.back().built_in);
}

}  // namespace runback

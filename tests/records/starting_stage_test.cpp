// Where a programme starts: the stage asked for, the entry test's band, the protocol's default.

#include "records/starting_stage.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "protocol/loader.hpp"

using namespace runback;

namespace {

Protocol shipped(const std::string& id) {
  const std::string path = std::string(RUNBACK_SOURCE_DIR) + "/protocols/" + id + ".yaml";
  std::ifstream in(path);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  LoadResult result = load_protocol_text(text, path);
  REQUIRE(result.protocol);
  return std::move(*result.protocol);
}

}  // namespace

TEST_CASE("a stage asked for by number is where the programme starts", "[records][start]") {
  const Protocol general = shipped("general-return");
  CHECK(*choose_starting_stage(general, {"1", ""}) == 0);
  CHECK(*choose_starting_stage(general, {"5", ""}) == 4);
  const int count = int(general.stages.size());
  CHECK(*choose_starting_stage(general, {std::to_string(count), ""}) == count - 1);

  for (const std::string& bad :
       std::vector<std::string>{"0", "-1", std::to_string(count + 1), "2x", "two", " 2"}) {
    INFO(bad);
    const auto chosen = choose_starting_stage(general, {bad, ""});
    REQUIRE_FALSE(chosen);
    CHECK(chosen.error_kind() == ErrorKind::bad_input);
    CHECK(chosen.error() == "'" + bad +
                                "' is not a stage of general-return; give a number from 1 to " +
                                std::to_string(count));
  }
}

TEST_CASE("an entry test result picks the last band it reaches", "[records][start]") {
  const Protocol general = shipped("general-return");
  auto stage_id = [&](const std::string& result) {
    const auto chosen = choose_starting_stage(general, {"", result});
    REQUIRE(chosen);
    return general.stages[std::size_t(*chosen)].id;
  };
  CHECK(stage_id("0") == "gr-01");
  CHECK(stage_id("4.5") == "gr-01");
  CHECK(stage_id("5") == "gr-02");
  CHECK(stage_id("12") == "gr-04");
  CHECK(stage_id("30") == "gr-09");
  CHECK(stage_id("300") == "gr-09");

  const auto negative = choose_starting_stage(general, {"", "-3"});
  REQUIRE_FALSE(negative);
  CHECK(negative.error().starts_with("'-3' is not a number from 0 (How many minutes"));
  CHECK(negative.error().ends_with(", in minutes)"));
  CHECK_FALSE(choose_starting_stage(general, {"", "ten"}));
}

TEST_CASE("without a stage or a result, the protocol's default stage", "[records][start]") {
  const Protocol general = shipped("general-return");
  CHECK(*choose_starting_stage(general, {}) == general.stage_index(general.start.default_stage));

  const Protocol achilles = shipped("achilles-midportion");
  REQUIRE_FALSE(achilles.start.entry_test);
  const auto no_test = choose_starting_stage(achilles, {"", "5"});
  REQUIRE_FALSE(no_test);
  CHECK(no_test.error() == "achilles-midportion has no entry test; give --stage N (1 to " +
                               std::to_string(achilles.stages.size()) +
                               ") or leave both out to start at its first stage");

  Protocol bare = achilles;
  bare.start.default_stage.clear();
  CHECK(*choose_starting_stage(bare, {}) == 0);
  bare.start.default_stage = "no-such-stage";
  CHECK(*choose_starting_stage(bare, {}) == 0);
}

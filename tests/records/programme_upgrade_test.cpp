// compare_upgrade: what `runback program upgrade` shows before a programme moves to another
// text of its protocol.

#include "records/programme_upgrade.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "protocol/loader.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

Programme started_with(const std::string& text, int starting_stage) {
  const Protocol protocol = load_text(text, "next.yaml");
  Programme programme;
  programme.protocol_id = protocol.id;
  programme.protocol_version = protocol.version;
  programme.protocol_snapshot = text;
  programme.starting_stage = starting_stage;
  return programme;
}

}  // namespace

TEST_CASE("the same text is up to date and changes nothing", "[records][upgrade]") {
  const std::string text = shipped_text("achilles-midportion");
  const auto upgrade = compare_upgrade(started_with(text, 2), load_text(text, "next.yaml"));
  REQUIRE(upgrade);
  CHECK(upgrade->up_to_date);
  CHECK(upgrade->changes.empty());
  CHECK(upgrade->warnings.empty());
  CHECK(upgrade->diff.empty());
  CHECK(upgrade->starting_stage == 2);
}

TEST_CASE("a new text lists its changes, the diff, and warns of an unchanged version",
          "[records][upgrade]") {
  const std::string text = shipped_text("achilles-midportion");
  const std::string next_text = edited(text, "min_rest_days: 1", "min_rest_days: 2");
  const auto upgrade = compare_upgrade(started_with(text, 0), load_text(next_text, "next.yaml"));
  REQUIRE(upgrade);
  CHECK_FALSE(upgrade->up_to_date);
  REQUIRE(upgrade->changes.size() == 1);
  CHECK(upgrade->changes[0].find("rest") != std::string::npos);
  REQUIRE(upgrade->warnings.size() == 1);
  CHECK(upgrade->warnings[0].find("ask its author to raise the version") != std::string::npos);
  CHECK(upgrade->diff.size() == 2);
  CHECK(upgrade->starting_stage == 0);
}

TEST_CASE("the starting stage follows its id into the new text", "[records][upgrade]") {
  const std::string text = shipped_text("achilles-midportion");
  const Protocol old = load_text(text, "next.yaml");
  REQUIRE(old.stages.size() > 3);
  // The first stage removed: the stage the programme started at moves up one.
  const std::string first_id = old.stages[0].id;
  Protocol next = old;
  next.stages.erase(next.stages.begin());
  next.source_text = text + "\n# without " + first_id + "\n";
  const auto upgrade = compare_upgrade(started_with(text, 3), next);
  REQUIRE(upgrade);
  CHECK(upgrade->starting_stage == 2);
  REQUIRE_FALSE(upgrade->changes.empty());
  CHECK(upgrade->changes.back().find("moves from stage 4 to stage 3") != std::string::npos);
}

TEST_CASE("a starting stage the new text has no place for is a conflict", "[records][upgrade]") {
  const std::string text = shipped_text("achilles-midportion");
  const Protocol old = load_text(text, "next.yaml");
  Protocol next = old;
  next.stages.resize(1);
  next.source_text = text + "\n# one stage\n";
  const int last = int(old.stages.size()) - 1;
  const auto upgrade = compare_upgrade(started_with(text, last), next);
  REQUIRE_FALSE(upgrade);
  CHECK(upgrade.error_kind() == ErrorKind::conflict);
  CHECK(upgrade.error().find("start again with `runback start --replace`") != std::string::npos);
}

TEST_CASE("a text that no longer loads is compared by what the programme records",
          "[records][upgrade]") {
  const std::string text = shipped_text("achilles-midportion");
  Programme programme = started_with(text, 1);
  programme.protocol_snapshot = "id: [broken";
  programme.protocol_version = "0.9";
  const auto upgrade = compare_upgrade(programme, load_text(text, "next.yaml"));
  REQUIRE(upgrade);
  CHECK(upgrade->starting_stage == 1);
  REQUIRE(upgrade->changes.size() >= 2);
  CHECK(upgrade->changes.front().starts_with("version 0.9 -> "));
  CHECK(upgrade->changes.back() ==
        "(the version you started no longer loads, so only the text diff is shown)");
}

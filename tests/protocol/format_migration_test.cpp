#include "protocol/format_migration.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/protocol_text.hpp"

using namespace runback;
using runback::testing::edited;
using runback::testing::load_text;
using runback::testing::shipped_text;
using Outcome = FormatMigration::Outcome;

namespace {

// The lines of `a` and `b` that differ, as "a-line | b-line".
std::vector<std::string> changed_lines(const std::string& a, const std::string& b) {
  std::vector<std::string> out;
  std::istringstream ia(a), ib(b);
  std::string la, lb;
  while (true) {
    const bool more_a = bool(std::getline(ia, la));
    const bool more_b = bool(std::getline(ib, lb));
    if (!more_a && !more_b) break;
    if (!more_a) la = "<none>";
    if (!more_b) lb = "<none>";
    if (la != lb) out.push_back(la + " | " + lb);
  }
  return out;
}

}  // namespace

TEST_CASE("migrating a shipped protocol changes only its format line, and not its meaning",
          "[protocol][format]") {
  for (const char* id :
       {"achilles-midportion", "general-return", "hip-gluteal", "patellofemoral"}) {
    INFO(id);
    const std::string text = shipped_text(id);
    const FormatMigration migration = migrate_to_format_2(text, std::string(id) + ".yaml");
    REQUIRE(migration.outcome == Outcome::migrated);
    CHECK(changed_lines(text, migration.text) == std::vector<std::string>{"format: 1 | format: 2"});
    Protocol before = load_text(text);
    Protocol after = load_text(migration.text);
    CHECK(after.format == 2);
    after.format = 1;
    after.source_text = before.source_text;
    CHECK(before == after);
  }
}

TEST_CASE("migration keeps a comment on the format line and adds a missing format key",
          "[protocol][format]") {
  const std::string text = shipped_text("general-return");
  const std::string quoted = edited(text, "\nformat: 1\n", "\nformat: \"1\"  # first draft\n");
  CHECK(migrate_to_format_2(quoted, "q.yaml").text.find("\nformat: 2  # first draft\n") !=
        std::string::npos);

  std::string bare = edited(text, "\nformat: 1\n", "\n");
  const FormatMigration added = migrate_to_format_2(bare, "bare.yaml");
  REQUIRE(added.outcome == Outcome::migrated);
  // After the leading comments, before the first key.
  CHECK(added.text.find("\nformat: 2\nid: general-return\n") != std::string::npos);
  CHECK(added.text.starts_with("# Return to running"));
  CHECK(load_text(added.text).format == 2);
}

TEST_CASE("migration leaves format-2 and invalid files alone", "[protocol][format]") {
  const std::string text = shipped_text("general-return");
  const std::string two = edited(text, "\nformat: 1\n", "\nformat: 2\n");
  const FormatMigration already = migrate_to_format_2(two, "two.yaml");
  CHECK(already.outcome == Outcome::already_format2);
  CHECK(already.text == two);

  const FormatMigration broken =
      migrate_to_format_2(edited(text, "\nid: general-return\n", "\nid: Not An Id\n"), "b.yaml");
  CHECK(broken.outcome == Outcome::invalid);
  CHECK(broken.text.empty());
  REQUIRE_FALSE(broken.diagnostics.empty());
  CHECK(broken.diagnostics.front().where.file == "b.yaml");

  // JSON is YAML too; its format key is not on a line of its own.
  const FormatMigration flow = migrate_to_format_2(
      R"({"format": 1, "id": "x", "title": "X", "version": "1", "condition": "c",
          "pain": {"next_morning": {"max_rise": 0}},
          "stages": [{"id": "a", "intensity": {"talk_test": true},
                      "session": {"blocks": [{"run": "1 min"}]}}]})",
      "flow.yaml");
  CHECK(flow.outcome == Outcome::not_rewritable);
}

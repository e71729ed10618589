// Format 2, families 9 and 11 (d, e) as read: goal, ladder, weekly_cap, step_word, options and a
// stage's alternatives, and their warnings.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "protocol/amount.hpp"
#include "protocol/loader.hpp"
#include "protocol/personalise.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::testing::edited;
using runback::testing::load_text;

namespace {

std::string runner_text() {
  std::ifstream in(RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-runner.yaml");
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> warnings_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& d : load_protocol_text(text, "x.yaml").diagnostics) {
    if (d.severity == Severity::warning) out.push_back(d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("format 2, family 9: goal, ladder and weekly_cap are read", "[protocol][format2]") {
  const Protocol p = load_text(runner_text());
  REQUIRE(p.goal);
  CHECK(p.goal->unit == Amount::Kind::distance);
  CHECK(p.goal->default_goal.value == Approx(2 * kMetresPerMile));
  CHECK(p.goal->min.value == Approx(kMetresPerMile));
  CHECK(p.goal->max.value == Approx(3 * kMetresPerMile));
  CHECK(p.goal->ref == "arc");
  REQUIRE(p.weekly_cap);
  CHECK(p.weekly_cap->value == Approx(8 * kMetresPerMile));
  REQUIRE(p.stages[1].ladder);
  CHECK(p.stages[1].ladder->add.value == Approx(0.25 * kMetresPerMile));
  CHECK_FALSE(p.stages[0].ladder);
  // The loaded protocol keeps the stages as written; a runner's stages are made at start.
  CHECK(p.stages.size() == 2);
  CHECK(personalise(p, Amount{Amount::Kind::distance, 3 * kMetresPerMile}, "").stages.size() ==
        2 + 8);
}

TEST_CASE("format 2, family 11: step_word, options and alternatives are read",
          "[protocol][format2]") {
  const Protocol p = load_text(runner_text());
  CHECK(p.step_word == "level");
  REQUIRE(p.options.size() == 2);
  CHECK(p.options[1].id == "treadmill");
  CHECK(p.options[1].name == "Treadmill");
  REQUIRE(p.stages[1].alternatives.size() == 1);
  const StageAlternative& a = p.stages[1].alternatives[0];
  CHECK(a.id == "treadmill");
  CHECK(a.surface == "treadmill, 1% incline");
  CHECK(a.session);
  CHECK_FALSE(a.intensity);
  // Without the keys: the word is "stage", no options.
  const Protocol plain = load_text(edited(runner_text(), "step_word: level\n", ""));
  CHECK(plain.step_word == "stage");
}

TEST_CASE("format 2, family 9: lint warns of a goal no ladder uses and a cap in another unit",
          "[protocol][format2]") {
  std::string text = edited(runner_text(), "    ladder: {add: 0.25mi, until: goal}\n", "");
  text = edited(text, "weekly_cap: 8mi", "weekly_cap: 90min");
  const auto warnings = warnings_of(text);
  CHECK(std::count(warnings.begin(), warnings.end(),
                   "no stage has a ladder, so the runner's goal changes nothing") == 1);
  CHECK(std::count(warnings.begin(), warnings.end(),
                   "is a time, but no stage runs by time: the cap never applies") == 1);
}

TEST_CASE("format 2, family 11: an option no stage uses is worth a warning",
          "[protocol][format2]") {
  // The file ends with the one stage's alternatives: without them the options choose nothing.
  std::string text = runner_text();
  text = text.substr(0, text.find("    alternatives:"));
  const auto warnings = warnings_of(text);
  CHECK(std::count(warnings.begin(), warnings.end(),
                   "no stage has alternatives, so the choice changes nothing") == 1);
}

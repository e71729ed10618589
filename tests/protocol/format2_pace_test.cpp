// Format 2, group A: the keys of family 1 (the pace of progression), family 10 (checkpoints
// decided after the session) and family 11 a-c (up to N runs a week, exclusive entry-test bands,
// a source on each frequency key), read, refused in format 1, checked and described.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "protocol/describe.hpp"
#include "protocol/loader.hpp"
#include "records/starting_stage.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::testing::edited;
using runback::testing::load_text;

namespace {

std::string valid_file() {
  std::ifstream in(RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-pace.yaml");
  return {std::istreambuf_iterator<char>(in), {}};
}

// The diagnostics of `text`, one line each, with the file name "x.yaml".
std::vector<std::string> diagnostics(const std::string& text) {
  std::vector<std::string> lines;
  for (const auto& d : load_protocol_text(text, "x.yaml").diagnostics) {
    lines.push_back(format_diagnostic(d));
  }
  return lines;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(part) != std::string::npos; });
}

// A small format-2 protocol: two stages of distance running, each key to test edited in.
const std::string kBase =
    "format: 2\n"
    "id: f2\n"
    "title: F2\n"
    "version: '1'\n"
    "condition: testing\n"
    "references:\n"
    "  - {id: acl, citation: post-ACL progression}\n"
    "progression: {sessions_to_advance: 1, ref: acl}\n"
    "pain:\n"
    "  during: {max: 2}\n"
    "  next_morning: {max_rise: 0}\n"
    "stages:\n"
    "  - {id: s1, intensity: {rpe: 3}, session: {blocks: [{run: 1 mi}]}}\n"
    "  - {id: s2, intensity: {rpe: 3}, session: {blocks: [{run: 1.25 mi}]}}\n";

}  // namespace

TEST_CASE("format 2, family 1: the valid file loads with every key of group A",
          "[protocol][format2]") {
  const LoadResult result = load_protocol_text(valid_file(), "format2-pace.yaml");
  REQUIRE(result.protocol);
  const Protocol& p = *result.protocol;
  CHECK(p.format == 2);
  CHECK(p.progression.max_stages_per_7_days == 4);
  CHECK(p.progression.decide == DecideWhen::after_session);
  CHECK(p.frequency.sessions_min == 1);
  CHECK(p.frequency.sessions_max == 4);
  CHECK(p.frequency.sessions_up_to);
  CHECK(p.frequency.sessions_ref == "post-acl");
  CHECK(p.frequency.rest_ref == "post-acl");
  CHECK(p.start.entry_test->bands[1].exclusive);
  // Two warnings, both for a second look: the pace, and deciding before the morning.
  std::vector<std::string> warnings;
  for (const auto& d : result.diagnostics) warnings.push_back(format_diagnostic(d));
  CHECK(warnings.size() == 2);
  CHECK(any_contains(warnings,
                     "warning: progression.max_stages_per_7_days: allows 4 steps up in "
                     "7 days, more than two a week"));
  CHECK(any_contains(warnings,
                     "warning: progression.decide: this protocol decides without waiting for the "
                     "next morning; the next-morning value is still asked and screened, but a "
                     "move up can come before it"));
}

TEST_CASE("format 2, family 1: more than 2 stages in 7 days needs a ref and at most 7",
          "[protocol][format2]") {
  SECTION("with a ref: allowed, with a warning") {
    const std::string text = edited(kBase, "sessions_to_advance: 1,",
                                    "sessions_to_advance: 1, max_stages_per_7_days: 7,");
    CHECK(load_text(text).progression.max_stages_per_7_days == 7);
    CHECK(any_contains(diagnostics(text), "allows 7 steps up in 7 days"));
  }
  SECTION("2 or fewer: no warning, as in format 1") {
    const std::string text = edited(kBase, "sessions_to_advance: 1,",
                                    "sessions_to_advance: 1, max_stages_per_7_days: 2,");
    CHECK(diagnostics(text).empty());
  }
  SECTION("without a ref: an error") {
    const std::string text =
        edited(kBase, "{sessions_to_advance: 1, ref: acl}", "{max_stages_per_7_days: 3}");
    CHECK(any_contains(diagnostics(text),
                       "error: progression.max_stages_per_7_days: allows 3 steps in 7 days, more "
                       "than the common cap of 2: cite the source with 'ref:'"));
  }
  SECTION("above 7: an error whatever the source") {
    const std::string text = edited(kBase, "sessions_to_advance: 1,",
                                    "sessions_to_advance: 1, max_stages_per_7_days: 8,");
    CHECK(any_contains(diagnostics(text), "never moves a runner up more than 7 stages in 7 days"));
  }
  SECTION("format 1 keeps the cap of 2") {
    const std::string text =
        edited(edited(kBase, "format: 2", "format: 1"), "sessions_to_advance: 1,",
               "sessions_to_advance: 1, max_stages_per_7_days: 3,");
    CHECK(any_contains(diagnostics(text),
                       "use 1 or 2 (format 2 allows more, with the source "
                       "cited)"));
  }
}

TEST_CASE("format 2, family 1: running more than doubled between stages is warned",
          "[protocol][format2]") {
  const std::string jump = edited(kBase, "{run: 1.25 mi}", "{run: 2.1 mi}");
  const auto lines = diagnostics(jump);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] ==
        "x.yaml:14:5: warning: stages[1].session: running rises from 1 mi to 2.1 mi a session "
        "after stage 's1', more than double; a large jump (advisory: weekly distance up more "
        "than 30% over two weeks went with more injuries in novices, a weak signal, Nielsen et "
        "al. 2014)");
  // Exactly double is not warned; times are compared with times only.
  CHECK(diagnostics(edited(kBase, "{run: 1.25 mi}", "{run: 2 mi}")).empty());
  CHECK(diagnostics(edited(kBase, "{run: 1.25 mi}", "{run: 30 min}")).empty());
  // A format-1 file is read as it always was (shipped protocols have such jumps).
  CHECK(diagnostics(edited(jump, "format: 2", "format: 1")).empty());
}

TEST_CASE("format 2, family 10: decide after_session or next_morning", "[protocol][format2]") {
  CHECK(load_text(kBase).progression.decide == DecideWhen::next_morning);
  const std::string after =
      edited(kBase, "sessions_to_advance: 1,", "sessions_to_advance: 1, decide: after_session,");
  CHECK(load_text(after).progression.decide == DecideWhen::after_session);
  const std::string morning =
      edited(kBase, "sessions_to_advance: 1,", "sessions_to_advance: 1, decide: next_morning,");
  CHECK(load_text(morning).progression.decide == DecideWhen::next_morning);
  CHECK(diagnostics(morning).empty());
  CHECK(any_contains(diagnostics(edited(after, "format: 2", "format: 1")),
                     "error: progression.decide: is read by protocol format 2"));
  CHECK(any_contains(diagnostics(edited(kBase, "sessions_to_advance: 1,",
                                        "sessions_to_advance: 1, decide: after_run,")),
                     "progression.decide"));
  CHECK(describe_decide(DecideWhen::after_session).find("without waiting for the next morning") !=
        std::string::npos);
}

TEST_CASE("format 2, family 11a: sessions_per_week with a max alone is up to that many",
          "[protocol][format2]") {
  const std::string text =
      edited(kBase, "progression:", "frequency: {sessions_per_week: {max: 4}}\nprogression:");
  const Protocol p = load_text(text);
  CHECK(p.frequency.sessions_min == 1);
  CHECK(p.frequency.sessions_max == 4);
  CHECK(p.frequency.sessions_up_to);
  CHECK(p.stages[1].frequency.sessions_up_to);  // stages inherit it
  CHECK(describe_frequency(p.frequency) == "up to 4 runs a week, at least 1 rest day between runs");
  // A stage's own number replaces it.
  const Protocol q =
      load_text(edited(text, "{id: s2,", "{id: s2, frequency: {sessions_per_week: 3},"));
  CHECK_FALSE(q.stages[1].frequency.sessions_up_to);
  CHECK(describe_frequency(q.stages[1].frequency) ==
        "3 runs a week, at least 1 rest day between runs");
  // Format 1 still needs both.
  CHECK(any_contains(diagnostics(edited(text, "format: 2", "format: 1")),
                     "frequency.sessions_per_week.min: missing"));
}

TEST_CASE("format 2, family 11b: an entry-test band may start above its bound",
          "[protocol][format2]") {
  const Protocol p = load_text(valid_file());
  const auto start_at = [&](const std::string& answer) {
    return choose_starting_stage(p, StartingStageRequest{"", answer}).value();
  };
  // "How far can you run": 0.25 mi or less starts at stage 1; more than 0.25 at stage 2.
  CHECK(start_at("0") == 0);
  CHECK(start_at("0.25") == 0);
  CHECK(start_at("0.26") == 1);
  const auto& bands = p.start.entry_test->bands;
  CHECK(describe_band_range(bands[0], &bands[1]) == "from 0 to 0.25");
  CHECK(describe_band_range(bands[1], nullptr) == "above 0.25");
  // An at_least band after an above band of the same bound would hold nothing.
  StartBand at_least{1, "s", false};
  CHECK(describe_band_range(bands[1], &at_least) == "above 0.25 to under 1");
  CHECK(any_contains(diagnostics(edited(valid_file(), "format: 2", "format: 1")),
                     "start.entry_test.bands[1].above: is read by protocol format 2"));
}

TEST_CASE("format 2, family 11c: each frequency key may cite its source", "[protocol][format2]") {
  const std::string text = edited(kBase, "progression:",
                                  "frequency:\n"
                                  "  sessions_per_week: {min: 3, max: 4, ref: acl}\n"
                                  "  min_rest_days: {days: 1, ref: acl}\n"
                                  "progression:");
  const std::string with_stage = edited(
      text, "{id: s2,", "{id: s2, frequency: {sessions_per_week: 2, min_rest_days: {days: 2}},");
  const Protocol p = load_text(with_stage);
  CHECK(p.frequency.sessions_ref == "acl");
  CHECK(p.frequency.rest_ref == "acl");
  CHECK(p.frequency.min_rest_days == 1);
  // A stage that gives no frequency keeps the default's sources; one that gives a key gives
  // that key's source with it (here none).
  CHECK(p.stages[0].frequency.sessions_ref == "acl");
  CHECK(p.stages[0].frequency.rest_ref == "acl");
  CHECK(p.stages[1].frequency.sessions_ref.empty());
  CHECK(p.stages[1].frequency.rest_ref.empty());
  CHECK(p.stages[1].frequency.min_rest_days == 2);
  // An unknown ref is reported like any other.
  CHECK(any_contains(diagnostics(edited(text, "{days: 1, ref: acl}", "{days: 1, ref: acj}")),
                     "frequency.min_rest_days.ref: no reference has the id 'acj'"));
  // Format 1: both map forms are refused with the format they need.
  const auto one = diagnostics(edited(text, "format: 2", "format: 1"));
  CHECK(any_contains(one, "frequency.sessions_per_week.ref: is read by protocol format 2"));
  CHECK(any_contains(one,
                     "frequency.min_rest_days: as a map ({days: N, ref: ID}) is read by "
                     "protocol format 2"));
}

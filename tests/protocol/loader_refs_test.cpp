// `ref:` on every item that carries a default threshold or dose: stored where it was written,
// checked against the references, and counted as citing them.
#include <catch2/catch.hpp>
#include <string>

#include "protocol/loader.hpp"

namespace runback {
namespace {

// A protocol with a `ref` on each item that takes one beyond exercises, recovery, responses and
// entry criteria; `cited` is the reference id each of them names.
std::string with_refs(const std::string& cited) {
  return "id: refs\ntitle: Refs\nversion: '1'\ncondition: knee\n"
         "references:\n  - {id: src, citation: A source}\n"
         "start:\n  entry_test:\n    question: Minutes?\n    unit: minutes\n"
         "    bands: [{at_least: 0, stage: s1}]\n    ref: " +
         cited +
         "\n"
         "frequency: {sessions_per_week: 3, ref: " +
         cited +
         "}\n"
         "progression:\n  ref: " +
         cited + "\n  breaks: [{days: 7, step_back: 1, ref: " + cited +
         "}]\n"
         "pain:\n  during: {max: 2, ref: " +
         cited +
         "}\n"
         "  after: {max_rise: 0, after_minutes: 60, ref: " +
         cited +
         "}\n"
         "  next_morning: {max_rise: 0, ref: " +
         cited +
         "}\n"
         "red_flags: [{id: limp, text: A limp, ref: " +
         cited +
         "}]\n"
         "stages:\n  - id: s1\n    ref: " +
         cited +
         "\n"
         "    intensity: {rpe: 3, ref: " +
         cited +
         "}\n"
         "    frequency: {min_rest_days: 2, ref: " +
         cited +
         "}\n"
         "    session: {blocks: [{run: 1 min}]}\n"
         "plugin: {name: knee, ref: " +
         cited + "}\n";
}

}  // namespace

TEST_CASE("ref keys on thresholds and doses are stored where they were written",
          "[protocol][loader]") {
  const LoadResult result = load_protocol_text(with_refs("src"), "refs.yaml");
  std::string lines;
  for (const auto& d : result.diagnostics) lines += format_diagnostic(d) + "\n";
  INFO(lines);
  REQUIRE(result.protocol);
  CHECK(result.diagnostics.empty());  // "src" is cited, so no unused-reference warning
  const Protocol& p = *result.protocol;
  CHECK(p.start.entry_test->ref == "src");
  CHECK(p.frequency.ref == "src");
  CHECK(p.progression.ref == "src");
  CHECK(p.progression.breaks.at(0).ref == "src");
  CHECK(p.pain.during->ref == "src");
  CHECK(p.pain.after->ref == "src");
  CHECK(p.pain.next_morning->ref == "src");
  CHECK(p.red_flags.back().ref == "src");
  CHECK(p.red_flags.front().ref.empty());  // built-ins are cited by safety.hpp
  CHECK(p.stages.at(0).ref == "src");
  CHECK(p.stages.at(0).intensity.ref == "src");
  CHECK(p.stages.at(0).frequency.ref == "src");
  CHECK(p.plugin->ref == "src");
}

TEST_CASE("a stage's frequency keeps the default's ref unless it gives its own",
          "[protocol][loader]") {
  const std::string text =
      "id: refs\ntitle: Refs\nversion: '1'\ncondition: knee\n"
      "references: [{id: a, citation: A}, {id: b, citation: B}]\n"
      "frequency: {sessions_per_week: 3, ref: a}\n"
      "pain: {next_morning: {max_rise: 0}}\n"
      "stages:\n"
      "  - {id: s1, intensity: {rpe: 3}, session: {blocks: [{run: 1 min}]}}\n"
      "  - {id: s2, intensity: {rpe: 3}, session: {blocks: [{run: 2 min}]},"
      " frequency: {sessions_per_week: 4, ref: b}}\n";
  const LoadResult result = load_protocol_text(text, "refs.yaml");
  REQUIRE(result.protocol);
  CHECK(result.protocol->stages.at(0).frequency.ref == "a");
  CHECK(result.protocol->stages.at(1).frequency.ref == "b");
}

TEST_CASE("a ref naming no reference is an error at its place, wherever it is",
          "[protocol][loader]") {
  const LoadResult result = load_protocol_text(with_refs("nope"), "refs.yaml");
  CHECK_FALSE(result.protocol);
  int unknown = 0;
  for (const auto& d : result.diagnostics) {
    if (d.severity != Severity::error) continue;
    INFO(format_diagnostic(d));
    CHECK(d.message.find("no reference has the id 'nope'") != std::string::npos);
    CHECK(d.where.line > 0);
    ++unknown;
  }
  CHECK(unknown == 12);  // one for each ref in with_refs()
}

}  // namespace runback

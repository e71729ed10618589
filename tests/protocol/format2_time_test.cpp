// Protocol format 2, group "time": the keys of pain in the warm-up (family 6), rules that span
// sessions (family 7) and frequency by programme week (family 8) read, described and refused in a
// format-1 file. Their errors are in the invalid corpus (tests/protocol/invalid/).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "protocol/describe.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol_json.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::testing::edited;
using runback::testing::load_text;

namespace {

const std::string kFile = RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-time.yaml";

Protocol loaded() {
  RealFileSystem fs;
  LoadResult result = load_protocol_file(fs, kFile);
  REQUIRE(result.protocol);
  CHECK(result.diagnostics.empty());
  return std::move(*result.protocol);
}

std::string text_of_file() {
  std::ifstream in(kFile);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> messages(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("format 2, family 6: pain.warmup, pain_warmup and exceeds: warmup are read",
          "[protocol][format2]") {
  const Protocol p = loaded();
  REQUIRE(p.pain.warmup);
  CHECK(p.pain.warmup->max == 0);
  CHECK(p.pain.warmup->ref == "soreness-rules");
  const Condition& stays = p.responses[0].when;
  REQUIRE(stays.pain_warmup);
  CHECK(stays.pain_warmup->op == NumberTest::Op::above);
  CHECK(p.responses[1].when.exceeds == TimePoint::warmup);
  CHECK(describe_condition(stays) ==
        "pain in the warm-up above 0/10 and pain during the run above 0/10");
  CHECK(describe_condition(p.responses[1].when) ==
        "pain during the run at most 0/10 and pain in the warm-up passed its limit");
  CHECK(time_point_name(TimePoint::warmup) == "warmup");
  const auto json = protocol_to_json(p);
  CHECK(json["pain"]["warmup"]["max"] == 0);
  CHECK(json["responses"][0]["when"]["pain_warmup"]["op"] == "above");
}

TEST_CASE("format 2, family 6: the warm-up is held to the core's ceiling", "[protocol][format2]") {
  const LoadResult result = load_protocol_text(
      edited(text_of_file(), "warmup: {max: 0, ref: soreness-rules}", "warmup: {max: 6}"),
      "x.yaml");
  CHECK_FALSE(result.protocol);
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(messages(result)[0].find("pain.warmup.max: is 6, but runback never allows more than "
                                 "5/10 during activity") != std::string::npos);
}

TEST_CASE("format 2, family 7: in_last, after_setback and rising are read and described",
          "[protocol][format2]") {
  const Protocol p = loaded();
  CHECK(p.responses[2].when.after_setback == true);
  REQUIRE(p.responses[3].when.rising);
  CHECK(p.responses[3].when.rising->value == Rising::Value::pain_next_morning);
  CHECK(p.responses[3].when.rising->days == 7);
  REQUIRE(p.responses[4].when.in_last);
  CHECK(p.responses[4].when.in_last->sessions == 3);
  CHECK(p.responses[4].when.in_last->at_least == 2);
  CHECK(describe_condition(p.responses[4].when) ==
        "pain during the run above 2/10 on at least 2 of the last 3 sessions (this one "
        "included)");
  CHECK(describe_condition(p.responses[3].when) ==
        "next-morning pain is rising (its average over the last 7 days is above the 7 days "
        "before)");
  const auto json = protocol_to_json(p);
  CHECK(json["responses"][4]["when"]["in_last"]["at_least"] == 2);
  CHECK(json["responses"][3]["when"]["rising"]["value"] == "pain_next_morning");
  CHECK(json["responses"][2]["when"]["after_setback"] == true);

  SECTION("ranges") {
    const LoadResult result =
        load_protocol_text(edited(text_of_file(), "in_last: {sessions: 3, at_least: 2}",
                                  "in_last: {sessions: 21, at_least: 2}"),
                           "x.yaml");
    CHECK_FALSE(result.protocol);
    CHECK(messages(result)[0].find("in_last.sessions") != std::string::npos);
    const LoadResult days =
        load_protocol_text(edited(text_of_file(), "days: 7}", "days: 29}"), "x.yaml");
    CHECK_FALSE(days.protocol);
    CHECK(messages(days)[0].find("rising.days") != std::string::npos);
  }
}

TEST_CASE("format 2, family 8: frequency.by_week is read, sorted and described",
          "[protocol][format2]") {
  const Protocol p = loaded();
  REQUIRE(p.frequency.by_week.size() == 2);
  const WeekFrequency& first = p.frequency.by_week[0];
  CHECK(first.from_week == 1);
  CHECK(first.to_week == 2);
  CHECK(first.min_rest_days == 2);
  CHECK_FALSE(first.sessions_max);
  CHECK(first.ref == "post-acl");
  CHECK(p.frequency.by_week[1].from_week == 3);
  CHECK(p.frequency.by_week[1].sessions_max == 2);
  // A stage without its own list keeps the default's; a stage's own list replaces it.
  CHECK(p.stages[0].frequency.by_week == p.frequency.by_week);
  REQUIRE(p.stages[1].frequency.by_week.size() == 1);
  CHECK(p.stages[1].frequency.by_week[0].min_rest_days == 3);
  CHECK(describe_week_frequency(first) ==
        "in weeks 1-2 of the programme: at least 2 rest days between runs (or the stage's own, "
        "when more cautious)");
  CHECK(protocol_to_json(p)["frequency"]["by_week"][0]["weeks"][1] == 2);

  SECTION("a rule that asks for nothing more is a warning, and the file still loads") {
    const LoadResult result = load_protocol_text(
        edited(text_of_file(), "{weeks: [1, 2], min_rest_days: 2, ref: post-acl}",
               "{weeks: [1, 2], min_rest_days: 1, ref: post-acl}"),
        "x.yaml");
    REQUIRE(result.protocol);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(format_diagnostic(result.diagnostics[0]) ==
          "x.yaml:15:7: warning: frequency.by_week[0]: asks for no more rest and no fewer runs "
          "than the frequency it sits in, so it changes nothing in weeks 1-2 (where both apply, "
          "the more cautious value wins)");
  }
}

TEST_CASE("format 2, families 6-8: each key is refused in a format-1 file with the format it needs",
          "[protocol][format2]") {
  const std::string format1 = edited(text_of_file(), "format: 2", "format: 1");
  const LoadResult result = load_protocol_text(format1, "x.yaml");
  CHECK_FALSE(result.protocol);
  int refused = 0;
  for (const std::string& line : messages(result)) {
    if (line.find("is read by protocol format 2, and this file is format 1") != std::string::npos)
      ++refused;
  }
  // pain.warmup, pain_warmup, exceeds: warmup, after_setback, rising, in_last, two by_week.
  CHECK(refused == 8);
}

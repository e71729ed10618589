#include <catch2/catch.hpp>

#include "protocol/loader.hpp"
#include "protocol/safety.hpp"
#include "support/fake_file_system.hpp"

using namespace runback;

namespace {

const std::string kValidDir = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/";

LoadResult load_file(const std::string& name) {
  RealFileSystem fs;
  return load_protocol_file(fs, kValidDir + name);
}

// A minimal valid protocol with `extra` appended at the top level.
std::string minimal_with(const std::string& extra) {
  return "id: test\ntitle: Test\nversion: '1'\ncondition: knee\n"
         "pain:\n  next_morning: {max_rise: 0}\n"
         "stages:\n  - id: s1\n    intensity: {rpe: 3}\n    session:\n      blocks: [{run: 1 "
         "min}]\n" +
         extra;
}

std::vector<std::string> lines_of(const LoadResult& result) {
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) lines.push_back(format_diagnostic(d));
  return lines;
}

}  // namespace

TEST_CASE("a minimal protocol loads with the documented defaults", "[protocol][loader]") {
  const LoadResult result = load_file("minimal.yaml");
  INFO(Catch::Detail::stringify(lines_of(result)));
  REQUIRE(result.protocol);
  CHECK(result.diagnostics.empty());
  const Protocol& p = *result.protocol;
  CHECK(p.format == 1);
  CHECK(p.id == "minimal");
  CHECK(p.version == "1.0");
  REQUIRE(p.stages.size() == 1);
  CHECK(p.stages[0].name == "week-1");  // the name defaults to the id
  CHECK(p.stages[0].frequency.sessions_min == 3);
  CHECK(p.stages[0].frequency.sessions_max == 3);
  CHECK(p.stages[0].frequency.min_rest_days == 1);
  CHECK(p.stages[0].sessions_to_advance == 2);
  CHECK(p.start.default_stage == "week-1");  // defaults to the first stage
  CHECK(p.progression.max_stages_per_7_days == 2);
  CHECK_FALSE(p.pain.during);
  REQUIRE(p.pain.next_morning);
  CHECK(p.pain.next_morning->max_rise == 0);
  CHECK_FALSE(p.pain.next_morning->max);
  REQUIRE(p.red_flags.size() == safety::kBuiltInRedFlags.size());
  CHECK(p.red_flags[0].built_in);
  CHECK(p.source_path == kValidDir + "minimal.yaml");
  CHECK(p.source_text.find("id: minimal") != std::string::npos);
  CHECK(p.stage_index("week-1") == 0);
  CHECK(p.stage_index("week-2") == -1);
}

TEST_CASE("the maximal protocol holds every value its YAML gives", "[protocol][loader]") {
  const LoadResult result = load_file("maximal.yaml");
  INFO(Catch::Detail::stringify(lines_of(result)));
  REQUIRE(result.protocol);
  CHECK(result.diagnostics.empty());
  const Protocol& p = *result.protocol;
  CHECK(p.id == "maximal-example");
  CHECK(p.title == "Every key, for the loader's tests");
  CHECK(p.version == "2.1.0");
  CHECK(p.condition == "Achilles tendinopathy (mid-portion)");
  CHECK(p.summary == "A protocol that uses every key once.");
  CHECK(p.authors == std::vector<std::string>{"A. Physio", "B. Clinician"});

  REQUIRE(p.references.size() == 2);
  CHECK(p.references[0].id == "silbernagel-2007");
  CHECK(p.references[0].url == "https://doi.org/10.1177/0363546506298279");
  CHECK(p.references[0].note == "[V] pain-monitoring model");
  CHECK(p.references[1].citation == "Fees M et al. Am J Sports Med 1998");

  REQUIRE(p.entry_criteria.size() == 2);
  CHECK(p.entry_criteria[0].id == "brisk-walk");
  CHECK(p.entry_criteria[0].ref == "silbernagel-2007");
  CHECK(p.entry_criteria[1].id.empty());

  CHECK(p.start.default_stage == "stage-2");
  REQUIRE(p.start.entry_test);
  CHECK(p.start.entry_test->unit == "minutes");
  REQUIRE(p.start.entry_test->bands.size() == 2);
  CHECK(p.start.entry_test->bands[1].at_least == 2.5);
  CHECK(p.start.entry_test->bands[1].stage == "stage-2");

  CHECK(p.frequency.sessions_min == 2);
  CHECK(p.frequency.sessions_max == 4);
  CHECK(p.progression.sessions_to_advance == 3);
  CHECK(p.progression.max_stages_per_7_days == 1);
  CHECK(p.progression.partial_session == PartialSession::counts);
  REQUIRE(p.progression.breaks.size() == 2);
  CHECK(p.progression.breaks[0].days == 7);  // sorted by days
  CHECK(p.progression.breaks[0].step_back == 1);
  CHECK(p.progression.breaks[1].restart);

  REQUIRE(p.pain.during);
  CHECK(p.pain.during->max == 4);
  CHECK(p.pain.during->max_rise == 2);
  REQUIRE(p.pain.after);
  CHECK(p.pain.after->max == 3);
  CHECK(p.pain.after_minutes == 90);
  CHECK(p.pain.next_morning->max == 2);

  REQUIRE(p.responses.size() == 2);
  const Response& sore = p.responses[0];
  CHECK(sore.name == "sore-during");
  CHECK(sore.when.pain_during->op == NumberTest::Op::above);
  CHECK(sore.when.pain_during->value == 4);
  CHECK(sore.when.limp == true);
  CHECK(sore.then.kind == ActionKind::step_back);
  CHECK(sore.then.stages == 2);
  CHECK(sore.then.rest_days == 2);
  CHECK(sore.why == "Pain during the run went past the limit.");
  CHECK(sore.ref == "fees-1998");
  CHECK(sore.where.line == 46);
  const Condition& morning = p.responses[1].when;
  CHECK(morning.pain_next_morning->op == NumberTest::Op::at_least);
  CHECK(morning.pain_after->op == NumberTest::Op::below);
  CHECK(morning.stiffness_minutes->op == NumberTest::Op::at_most);
  CHECK(morning.stiffness_minutes->value == 30);
  CHECK(morning.swelling == false);
  CHECK(morning.session == SessionOutcome::partial);
  CHECK(morning.exceeds == TimePoint::next_morning);
  CHECK(p.responses[1].then.kind == ActionKind::repeat);

  REQUIRE(p.red_flags.size() == safety::kBuiltInRedFlags.size() + 1);
  CHECK(p.red_flags.back().id == "calf-swelling");
  CHECK_FALSE(p.red_flags.back().built_in);

  REQUIRE(p.stages.size() == 2);
  const Stage& one = p.stages[0];
  CHECK(one.name == "Walk-run 1");
  CHECK(one.session.warmup_walk->value == 300);
  REQUIRE(one.session.blocks.size() == 2);
  CHECK(one.session.blocks[0].walk->value == 90);
  CHECK(one.session.blocks[0].repeat == 5);
  CHECK(one.session.blocks[1].run->kind == Amount::Kind::distance);
  CHECK_FALSE(one.session.blocks[1].walk);
  CHECK(one.session.cooldown_walk->value == Approx(402.336));
  CHECK(one.intensity.rpe_min == 3);
  CHECK(one.intensity.rpe_max == 5);
  CHECK(one.intensity.talk_test);
  CHECK(one.intensity.cue == "easy, relaxed");
  CHECK(one.surface == "flat grass or track");
  CHECK(one.notes == "Stop if it hurts.");
  // The stage's keys override the defaults key by key.
  CHECK(one.frequency.sessions_min == 3);
  CHECK(one.frequency.sessions_max == 3);
  CHECK(one.frequency.min_rest_days == 2);
  CHECK(one.sessions_to_advance == 2);
  REQUIRE(one.exercises.size() == 1);
  CHECK(one.exercises[0].reps == 15);
  CHECK(one.exercises[0].times == 2);
  const Stage& two = p.stages[1];
  CHECK(two.name == "stage-2");
  CHECK(two.frequency.sessions_min == 2);  // inherited
  CHECK(two.frequency.sessions_max == 4);
  CHECK(two.sessions_to_advance == 3);  // from progression
  CHECK(two.intensity.rpe_min == 4);
  CHECK(two.intensity.rpe_max == 4);
  CHECK(two.where.line == 79);

  REQUIRE(p.exercises.size() == 1);
  const Exercise& hold = p.exercises[0];
  CHECK(hold.hold_s == 45);
  CHECK_FALSE(hold.reps);
  CHECK(hold.per == Period::week);
  CHECK(hold.tempo == "3 s down, 3 s up");
  CHECK(hold.load == "body weight");
  CHECK(hold.progression == "add 5 kg when pain stays under 3/10");

  REQUIRE(p.recovery.size() == 2);
  CHECK(p.recovery[0].when == RecoveryWhen::weekly);
  CHECK(p.recovery[0].times_per_week == 4);
  CHECK(p.recovery[0].duration->value == 600);
  CHECK(p.recovery[0].details == "1-2 min per muscle group");
  CHECK(p.recovery[1].when == RecoveryWhen::after_run);

  REQUIRE(p.plugin);
  CHECK(p.plugin->name == "achilles");
  REQUIRE(p.plugin->params.size() == 2);
  CHECK(p.plugin->params.at("programme").text == "alfredson");
  CHECK(p.plugin->params.at("programme").where.line == 106);
  CHECK(p.plugin->params.at("programme").where.column == 16);
}

TEST_CASE("every problem in a file is reported, in file order", "[protocol][loader]") {
  const LoadResult result = load_protocol_text(
      "id: Bad Id\ntitle: t\nversion: '1'\ncondition: c\n"
      "pain:\n  during: {max: 7}\n  next_morning: {max_rise: 0}\n"
      "stages:\n  - id: s1\n    intensity: {rpe: 3}\n    sesion:\n      blocks: [{run: 1 min}]\n",
      "p.yaml");
  CHECK_FALSE(result.protocol);
  CHECK(lines_of(result) ==
        std::vector<std::string>{
            "p.yaml:1:5: error: id: 'Bad Id' is not a valid id; expected lower-case letters, "
            "digits and '-' (at most 64), e.g. 'week-1'",
            "p.yaml:6:17: error: pain.during.max: is 7, but runback never allows more than 5/10 "
            "during activity (Silbernagel et al. 2007: pain may reach but not pass 5/10); use 5 "
            "or less",
            "p.yaml:9:5: error: stages[0].session: missing; every stage needs a session (its "
            "blocks of running and walking)",
            "p.yaml:11:5: error: stages[0].sesion: unknown key (did you mean 'session'?)",
        });
}

TEST_CASE("warnings do not stop a protocol from loading", "[protocol][loader]") {
  const LoadResult result = load_protocol_text(
      minimal_with("references:\n  - {id: r1, citation: Someone 2020}\n"), "p.yaml");
  REQUIRE(result.protocol);
  CHECK(lines_of(result) ==
        std::vector<std::string>{"p.yaml:13:10: warning: references[0].id: reference 'r1' is never "
                                 "cited by a ref: key"});
}

TEST_CASE("a stage overrides the frequency defaults key by key", "[protocol][loader]") {
  const LoadResult result = load_protocol_text(
      "id: t\ntitle: t\nversion: '1'\ncondition: c\npain: {next_morning: {max: 2}}\n"
      "frequency: {sessions_per_week: {min: 3, max: 4}, min_rest_days: 0}\n"
      "progression: {sessions_to_advance: 4}\n"
      "stages:\n"
      "  - {id: a, intensity: {rpe: 3}, session: {blocks: [{run: 1 min}]},\n"
      "     frequency: {min_rest_days: 1}}\n"
      "  - {id: b, intensity: {rpe: 3}, session: {blocks: [{run: 1 min}]},\n"
      "     frequency: {sessions_per_week: 2}, sessions_to_advance: 1}\n",
      "p.yaml");
  INFO(Catch::Detail::stringify(lines_of(result)));
  REQUIRE(result.protocol);
  const auto& stages = result.protocol->stages;
  CHECK(stages[0].frequency.sessions_min == 3);
  CHECK(stages[0].frequency.sessions_max == 4);
  CHECK(stages[0].frequency.min_rest_days == 1);
  CHECK(stages[0].sessions_to_advance == 4);
  CHECK(stages[1].frequency.sessions_min == 2);
  CHECK(stages[1].frequency.sessions_max == 2);
  CHECK(stages[1].frequency.min_rest_days == 0);
  CHECK(stages[1].sessions_to_advance == 1);
}

TEST_CASE("a file that cannot be read is one diagnostic", "[protocol][loader]") {
  testing::FakeFileSystem fs;
  const LoadResult missing = load_protocol_file(fs, "/nowhere.yaml");
  CHECK_FALSE(missing.protocol);
  CHECK(lines_of(missing) == std::vector<std::string>{"/nowhere.yaml: error: no such file"});
  CHECK(missing.error_kind == ErrorKind::not_found);
  fs.add_file("/p.yaml", minimal_with(""));
  const LoadResult good = load_protocol_file(fs, "/p.yaml");
  CHECK(good.protocol);
  CHECK(good.protocol->source_path == "/p.yaml");
}

TEST_CASE("amounts in a protocol are at least 1 s or 1 m and at most one long stretch",
          "[protocol][loader]") {
  auto first_line = [](const std::string& run) {
    const auto result = load_protocol_text(
        "id: t\ntitle: t\nversion: '1'\ncondition: c\npain: {next_morning: {max: 2}}\n"
        "stages: [{id: a, intensity: {rpe: 3}, session: {blocks: [{run: " +
            run + "}]}}]\n",
        "p.yaml");
    return result.diagnostics.empty() ? std::string() : format_diagnostic(result.diagnostics[0]);
  };
  CHECK(first_line("1 s").empty());
  CHECK(first_line("5 h").empty());
  CHECK(first_line("50 km").empty());
  CHECK(first_line("0.5 s") ==
        "p.yaml:6:64: error: stages[0].session.blocks[0].run: is less than 1 s; expected at "
        "least 1 s");
  CHECK(first_line("0.4 m").find("is less than 1 m; expected at least 1 m") != std::string::npos);
  CHECK(first_line("51 km").find("is 51 km, more than runback accepts for one stretch (50 km)") !=
        std::string::npos);
}

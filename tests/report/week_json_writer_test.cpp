// The direct week writer against the DOM it replaces for `week --all --format json`: the same
// bytes as week_body_json(...).dump() for thousands of plans, over every shipped and fixture
// protocol, random ones, and one whose texts need escaping.

#include "report/week_json_writer.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "plan/random_history.hpp"
#include "report/plan_json.hpp"
#include "runback_syntax.hpp"

using namespace runback;
using runback::cli::runback_syntax;
using namespace runback::test;

namespace {

// Runner names and texts that dump() escapes, or passes through as UTF-8.
const std::vector<std::string> kAwkwardTexts = {"runner-00042",
                                                "O'Brien \"Bex\"",
                                                "back\\slash/",
                                                "tab\tand\nnewline\r",
                                                "\x01\x1f\x7f\b\f",
                                                "Zoë Ørsted 日本 🏃",
                                                ""};

// The random plugin's verdicts, with exercises, cues and failures whose texts and numbers need
// care: fractional cadences, holds, tempo and load, and notes that need escaping.
class AwkwardExtension final : public PlanExtension {
 public:
  explicit AwkwardExtension(std::uint64_t seed) : random_(seed), seed_(seed) {}
  std::string name() const override { return "random"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<Diagnostic> validate(const PluginRef&) const override { return {}; }
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override {
    auto exercises = random_.exercises(context);
    if (!exercises) return Error{"exercise table \"missing\"\t\\ é"};
    Exercise hold;
    hold.name = "Wall sit \"deep\"";
    hold.sets = 3;
    hold.hold_s = 45;
    hold.times = 2;
    hold.per = Period::week;
    hold.tempo = "3 s down\\up";
    hold.load = "10 kg ✓";
    exercises->push_back(hold);
    return exercises;
  }
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext& context) const override {
    const double cadence = 160 + double((seed_ + std::uint64_t(context.days_at_stage)) % 40) / 4;
    return std::vector<SessionCue>{SessionCue{"cadence \"quick\"", cadence, std::nullopt},
                                   SessionCue{"metronome", std::nullopt, 1e-7 + cadence}};
  }
  Result<std::vector<CheckpointQuestion>> questions(
      const ExtensionContext& context) const override {
    return random_.questions(context);
  }
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override {
    return random_.verdict(context, log);
  }

 private:
  RandomVerdictExtension random_;
  std::uint64_t seed_;
};

// A shipped protocol whose id, title, stages and cues need escaping, and whose warm-up is a
// fraction of a mile.
Protocol awkward_protocol(Protocol protocol) {
  protocol.id = "awkward-\"one\"";
  protocol.title = "Return \\ to running\t— Zoë's";
  protocol.version = "1.0.0\n";
  for (std::size_t i = 0; i < protocol.stages.size(); ++i) {
    Stage& stage = protocol.stages[i];
    stage.name = kAwkwardTexts[i % kAwkwardTexts.size()];
    stage.intensity.cue = "easy \"chatty\" pace\x02";
    if (i % 2 == 0) stage.session.warmup_walk = Amount{Amount::Kind::distance, 0.25 * 1609.344};
  }
  return protocol;
}

// Two plans a history. A sanitizer build runs fewer: the reference DOM is slow there.
int history_count() {
#ifdef RUNBACK_PLAN_JSON_DEFAULT_HISTORIES
  return RUNBACK_PLAN_JSON_DEFAULT_HISTORIES;
#else
  return 1500;
#endif
}

std::vector<Protocol> protocols_under_test() {
  std::vector<Protocol> protocols = shipped_protocols();
  REQUIRE(protocols.size() >= 4);
  protocols.push_back(awkward_protocol(protocols.front()));
  protocols.push_back(awkward_protocol(protocols.back()));
  for (const Protocol& fixture : all_fixture_protocols()) protocols.push_back(fixture);
  std::mt19937_64 rng(20261121);
  for (int i = 0; i < 6; ++i) protocols.push_back(random_protocol(rng));
  return protocols;
}

}  // namespace

TEST_CASE("the direct week writer writes the bytes of the week's DOM", "[plan_json]") {
  const std::vector<Protocol> protocols = protocols_under_test();
  WeekJsonCache cache;  // one for the whole run, as one command uses it
  std::string out;
  int plans = 0;
  // How many plans showed each part, so the comparison is known not to pass vacuously.
  std::map<std::string, int> seen;
  const std::vector<std::string> parts = {"\"run\":{",
                                          "\"cadence_spm\":1",
                                          "\"hold_s\":45",
                                          "\"duration_seconds\":",
                                          "\"reminders\":[{",
                                          "\"notes\":[\"",
                                          "\"last_decision\":{",
                                          "\"waiting_for\":\"",
                                          "\"outcome\":\"",
                                          "\"name\":\"Zo",
                                          "\\u0001"};
  const int histories = history_count();
  for (int i = 0; i < histories; ++i) {
    std::mt19937_64 rng(4242 + std::uint64_t(i));
    const Protocol& protocol = protocols[std::size_t(i) % protocols.size()];
    const History history = random_history(protocol, rng);
    std::optional<AwkwardExtension> extension;
    if (history.plugin_seed) extension.emplace(*history.plugin_seed);
    const std::string& runner = kAwkwardTexts[std::size_t(i) % kAwkwardTexts.size()];
    // Two plans a history (its last day, and up to 40 days before), one with each day's details
    // and one without, as the caseload plans.
    const Date dates[] = {history.today, history.today - std::chrono::days{int(rng() % 40)}};
    for (int d = 0; d < 2; ++d) {
      const Date date = dates[d];
      const bool day_details = (i + d) % 2 == 0;
      {
        const PlanRequest request{history.protocol,      extension ? &*extension : nullptr,
                                  history.programme,     history.logs,
                                  history.clearances,    date,
                                  monday_of(date),       i % 10 == 0 ? 14 : 7,
                                  i % 8 == 0 ? 730 : 42,  // a long projection is slow under ASan
                                  day_details ? 5 : 1,   day_details};
        const Plan plan = make_plan(request);
        // The history's copy of the protocol differs only in its plugin, which the JSON does not
        // show; the writer uses the long-lived one, as the command line does.
        const std::string expected =
            week_body_json(history.protocol, plan, runner, runback_syntax()).dump();
        out.assign("[");  // the writer appends: what is there already stays
        append_week_body_json(out, protocol, plan, runner, runback_syntax(), cache);
        if (out.compare(1, std::string::npos, expected) != 0) {
          INFO("history " << i << ", date " << format_date(date) << ", day_details " << day_details
                          << "\n"
                          << describe(history));
          REQUIRE(out.substr(1) == expected);
        }
        for (const std::string& part : parts) seen[part] += out.find(part) != std::string::npos;
        ++plans;
      }
    }
  }
  CHECK(plans == 2 * histories);
  for (const std::string& part : parts) {
    INFO(part);
    CHECK(seen[part] >= 5);
  }
}

TEST_CASE("the direct week writer writes runs, notes and a last decision", "[plan_json]") {
  // The comparison above would pass vacuously if plans had no run days or notes; they have.
  Protocol protocol = achilles_protocol();
  protocol.plugin = PluginRef{"fake", {}, {}};
  const Programme programme = programme_for(protocol, make_date(2026, 11, 2));
  const std::vector<DayLog> logs = {session(make_date(2026, 11, 2), 1, 1),
                                    session(make_date(2026, 11, 4), 2, 1)};
  FakeExtension plugin;
  plugin.on_exercises = [](const ExtensionContext&) -> Result<std::vector<Exercise>> {
    return Error{"no \"table\""};
  };
  plugin.cues = {SessionCue{"cadence", 172.5, 86.25}};
  const PlanRequest request{
      protocol, &plugin, programme, logs, {}, make_date(2026, 11, 5), make_date(2026, 11, 2)};
  const Plan plan = make_plan(request);
  REQUIRE_FALSE(plan.notes.empty());
  WeekJsonCache cache;
  std::string out;
  append_week_body_json(out, protocol, plan, "Zoë \"Z\"", runback_syntax(), cache);
  CHECK(out == week_body_json(protocol, plan, "Zoë \"Z\"", runback_syntax()).dump());
  CHECK(out.find("\"runner\":\"Zoë \\\"Z\\\"\"") != std::string::npos);
  CHECK(out.find("\"cadence_spm\":172.5,\"metronome_bpm\":86.25") != std::string::npos);
  CHECK(out.find("\"last_decision\":{\"date\":\"2026-11-0") != std::string::npos);
  CHECK(out.find("\"notes\":[\"") != std::string::npos);
}

TEST_CASE("the direct week writer fails on text that is not UTF-8, as dump() does", "[plan_json]") {
  const Protocol protocol = achilles_protocol();
  const Programme programme = programme_for(protocol, make_date(2026, 11, 2));
  const PlanRequest request{
      protocol, nullptr, programme, {}, {}, make_date(2026, 11, 5), make_date(2026, 11, 2)};
  const Plan plan = make_plan(request);
  WeekJsonCache cache;
  std::string out;
  CHECK_THROWS_AS(week_body_json(protocol, plan, "bad \xC3", runback_syntax()).dump(),
                  nlohmann::json::type_error);
  CHECK_THROWS_AS(append_week_body_json(out, protocol, plan, "bad \xC3", runback_syntax(), cache),
                  nlohmann::json::type_error);
}

// Format 2, families 9 and 11 (d, e) at the command line: `protocol show` says the choices,
// `start --goal --option` records them and the week follows them, and each mistake in the flags
// is refused with its flag and what it allows, exit 2, nothing stored.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "store/store_fixture.hpp"
#include "support/wrapped_text.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

const std::string kRunner = RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-runner.yaml";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("format 2, family 9 and 11: protocol show says the choices in plain words",
          "[cli][format2]") {
  const auto result = run_command({"protocol", "show", kRunner});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  const std::string& text = result.out;
  CHECK(has(text,
            "Goal: a distance the runner chooses from 1 mi to 3 mi (2 mi unless they "
            "choose) (runback start --goal) [arc]"));
  CHECK(has(text,
            "Weekly cap: at most 8 mi of running in a week (Monday to Sunday); a run that "
            "would pass it is left out"));
  CHECK(has(text, "    treadmill: Treadmill"));
  CHECK(has(text,
            "Ladder: then 0.25 mi more on the last run at each step, until the runner's "
            "goal (the steps are named 'One mile + 1'"));
  CHECK(has(text,
            "Alternative On a treadmill: run 1 mi continuously; surface: treadmill, 1% "
            "incline"));
  CHECK(has(text, "At level 1 (walk-run)."));
  CHECK(has(text, "Levels (by default"));
}

TEST_CASE("format 2, family 9 and 11: start --goal --option, and the week follows them",
          "[cli][format2]") {
  TempDir dir{scratch_base()};
  const std::string db = dir.file("r.db");
  auto started = run_command({"--db", db, "--runner", "ana", "start", "--usual-pain", "0",
                              "--protocol", kRunner, "--start", "2026-11-02", "--stage", "2",
                              "--goal", "2.5mi", "--option", "treadmill"});
  INFO(started.out << started.err);
  REQUIRE(started.exit_code == 0);
  CHECK(has(started.out, "Your goal: 2.5 mi."));
  CHECK(has(started.out, "Your option: Treadmill."));
  CHECK(has(started.out, "Level 2 of 8, One mile (On a treadmill): 1 more good run"));

  Store store = open_test_store(db);
  auto records = store.records_for("ana");
  REQUIRE(records.ok());
  REQUIRE(records->programme.goal);
  CHECK(records->programme.goal->value == Approx(2.5 * 1609.344));
  CHECK(records->programme.option == "treadmill");

  // Good runs on Tue and Thu move the runner up the generated levels.
  for (const char* date : {"2026-11-03", "2026-11-05"}) {
    auto logged = run_command(
        {"--db", db, "--runner", "ana", "log", date, "--pain-during", "0", "--pain-morning", "0"});
    INFO(logged.err);
    REQUIRE(logged.exit_code == 0);
  }
  auto week = run_command({"--db", db, "--runner", "ana", "week", "--date", "2026-11-06"});
  INFO(week.out << week.err);
  REQUIRE(week.exit_code == 0);
  CHECK(has(unwrapped(week.out), "Level 4 of 8, One mile (On a treadmill) + 2:"));
  CHECK(has(unwrapped(week.out), ": 1 good session in a row at level 3."));
  CHECK(has(unwrapped(week.out), "Run 1.5 mi continuously."));
  CHECK(has(unwrapped(week.out), "Surface: treadmill, 1% incline"));

  auto status = run_command({"--db", db, "--runner", "ana", "status", "--format", "json"});
  INFO(status.err);
  CHECK(status.exit_code == 0);
}

TEST_CASE("format 2, family 9 and 11: a mistaken --goal or --option is refused, nothing stored",
          "[cli][format2]") {
  TempDir dir{scratch_base()};
  const std::string db = dir.file("r.db");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--goal", "3"},
       "--goal: '3' is not a distance from 1 mi to 3 mi (e.g. --goal 2mi): '3' has no unit"},
      {{"--goal", "5mi"},
       "--goal: 5 mi is outside format2-runner's goals: give a distance from 1 mi to 3 mi"},
      {{"--goal", "20min"}, "--goal: '20min' is not a distance from 1 mi to 3 mi"},
      {{"--option", "tredmill"},
       "--option: 'tredmill' is not one of format2-runner's options (did you mean "
       "'treadmill'?) (options: road, treadmill)"},
  };
  for (const auto& [flags, expected] : cases) {
    DYNAMIC_SECTION(flags[0] << " " << flags[1]) {
      std::vector<std::string> args = {"--db",       db,      "start",   "--usual-pain", "0",
                                       "--protocol", kRunner, "--start", "2026-11-02"};
      args.insert(args.end(), flags.begin(), flags.end());
      const auto result = run_command(args);
      INFO(result.err);
      CHECK(result.exit_code == 2);
      CHECK(has(result.err, expected));
      CHECK_FALSE(std::filesystem::exists(db));
    }
  }
  // A protocol without a goal or options takes neither flag.
  for (const char* flag : {"--goal", "--option"}) {
    const auto result = run_command(
        {"--db", db, "start", "--usual-pain", "0", "--protocol", "general-return", flag, "2mi"});
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(has(result.err, std::string(flag) + ": general-return"));
    CHECK_FALSE(std::filesystem::exists(db));
  }
}

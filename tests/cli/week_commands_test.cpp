#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "support/wrapped_text.hpp"

using namespace runback::testing;

namespace {

// A database of its own, and no user config or data from the machine running the tests.
std::map<std::string, std::string> isolated(const TempDir& dir) {
  return {{"XDG_CONFIG_HOME", dir.file("config")},
          {"XDG_DATA_HOME", dir.file("data")},
          {"HOME", dir.path()},
          {"RUNBACK_DB", dir.file("runback.db")}};
}

bool contains(const std::string& text, const std::string& part) {
  return unwrapped(text).find(part) != std::string::npos;
}

CommandResult runback_ok(const std::vector<std::string>& args, const TempDir& dir) {
  auto result = run_command(args, isolated(dir));
  INFO(args.front() << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  return result;
}

}  // namespace

TEST_CASE("week and status follow a runner's logs", "[cli][week]") {
  TempDir dir{scratch_base()};
  runback_ok({"--runner", "Maya", "start", "--usual-pain", "0", "--protocol", "achilles-midportion",
              "--start", "2026-11-02", "--days", "mon,wed,fri"},
             dir);
  runback_ok(
      {"log", "2026-11-02", "--session", "done", "--pain-during", "1", "--pain-morning", "0"}, dir);
  runback_ok(
      {"log", "2026-11-04", "--session", "done", "--pain-during", "6", "--pain-morning", "0"}, dir);

  auto week = runback_ok({"week", "--date", "2026-11-05"}, dir);
  CHECK(contains(week.out, "Maya's week from Mon 2 Nov to Sun 8 Nov 2026"));
  CHECK(
      contains(week.out, "pain during the run was 6/10 on 2026-11-04; this protocol allows 5/10"));
  CHECK(contains(week.out, "Fri 6 Nov: run"));
  CHECK(contains(week.out, "6 × (run 1 min / walk 1 min)"));

  auto json = nlohmann::json::parse(
      runback_ok({"week", "--date", "2026-11-05", "--format", "json"}, dir).out);
  CHECK(json["schema"] == "runback.week/1");
  CHECK(json["runner"] == "Maya");
  CHECK(json["days"].size() == 7);
  CHECK(json["last_decision"]["rule"] == "response 'too-much-during'");

  auto status = runback_ok({"status", "--date", "2026-11-05"}, dir);
  CHECK(contains(status.out, "Stage 1 of 13"));
  CHECK(contains(status.out, "Projected completion: "));
  auto status_json = nlohmann::json::parse(
      runback_ok({"status", "--date", "2026-11-05", "--format", "json"}, dir).out);
  CHECK(status_json["schema"] == "runback.status/1");
  CHECK(status_json["decisions"].size() == 2);
}

TEST_CASE(
    "a run that already fails while its next morning is awaited: today says so, and every view "
    "lays out what it asks",
    "[cli][week]") {
  TempDir dir{scratch_base()};
  runback_ok({"--runner", "Lee", "start", "--usual-pain", "1", "--protocol", "post-acl-run-walk",
              "--start", "2026-11-02", "--stage", "2"},
             dir);
  // Swelling in week 2: a day off, then back a week; the morning's value is still to come.
  runback_ok({"log", "2026-11-03", "--pain-during", "2", "--swelling"}, dir);
  const auto today = runback_ok({"today", "--date", "2026-11-04"}, dir);
  CHECK(contains(today.out, "Already: "));
  CHECK(contains(today.out, "go back a week"));
  CHECK(contains(today.out, "runback log 2026-11-03 --pain-morning N"));
  for (const char* view : {"today", "status"}) {
    INFO(view);
    const auto out = runback_ok({view, "--date", "2026-11-04"}, dir);
    CHECK(contains(out.out, "Next run: Thu 5 Nov, week 1 of 5"));
  }
  const auto week = runback_ok({"week", "--date", "2026-11-04"}, dir);
  CHECK(contains(week.out, "Thu 5 Nov: run, week 1 of 5"));
  const auto json = runback_ok({"status", "--date", "2026-11-04", "--format", "json"}, dir);
  const auto status = nlohmann::json::parse(json.out);
  CHECK(status["waiting_fails"] == true);
  CHECK(status["next_run"] == "2026-11-05");
}

TEST_CASE("a red flag stops the week until a clearance", "[cli][week]") {
  TempDir dir{scratch_base()};
  runback_ok({"--runner", "Ben", "start", "--usual-pain", "0", "--protocol", "general-return",
              "--start", "2026-11-02"},
             dir);
  runback_ok(
      {"log", "2026-11-03", "--session", "done", "--pain-during", "1", "--red-flag", "night-pain"},
      dir);
  auto week = runback_ok({"week", "--date", "2026-11-04"}, dir);
  CHECK(contains(week.out, "Stop running for now and see your physiotherapist"));
  CHECK(contains(week.out, "Wed 4 Nov (today): no running."));
  CHECK_FALSE(contains(week.out, ": run, stage"));
}

TEST_CASE("week --all plans every runner", "[cli][week]") {
  TempDir dir{scratch_base()};
  runback_ok({"--runner", "Ana", "start", "--usual-pain", "0", "--protocol", "general-return",
              "--start", "2026-11-02"},
             dir);
  runback_ok({"--runner", "Ben", "start", "--usual-pain", "0", "--protocol", "hip-gluteal",
              "--start", "2026-11-02"},
             dir);
  auto doc = nlohmann::json::parse(
      runback_ok({"week", "--all", "--date", "2026-11-04", "--format", "json"}, dir).out);
  CHECK(doc["schema"] == "runback.weeks/1");
  REQUIRE(doc["runners"].size() == 2);
  CHECK(doc["runners"][0]["runner"] == "Ana");
  CHECK(doc["runners"][1]["protocol"]["id"] == "hip-gluteal");
  auto text = runback_ok({"week", "--all", "--date", "2026-11-04"}, dir);
  CHECK(contains(text.out, "Ana's week"));
  CHECK(contains(text.out, "Ben's week"));
}

TEST_CASE("week --all keeps the runners' order across batches planned on several threads",
          "[cli][week]") {
  // More runners than one batch (64), on every shipped protocol: the weeks are planned in
  // parallel and must come out by name, each runner once, each with their own protocol.
  TempDir dir{scratch_base()};
  const std::vector<std::string> protocols = {"general-return",    "achilles-midportion",
                                              "patellofemoral",    "hip-gluteal",
                                              "post-acl-run-walk", "bone-stress-walk-jog"};
  const int count = 70;
  std::vector<std::string> names;
  for (int i = count - 1; i >= 0; --i) {  // started in reverse, listed by name
    const std::string name = "runner " + std::string(i < 10 ? "0" : "") + std::to_string(i);
    std::vector<std::string> start = {"--runner",
                                      name,
                                      "start",
                                      "--usual-pain",
                                      "0",
                                      "--protocol",
                                      protocols[std::size_t(i) % protocols.size()],
                                      "--start",
                                      "2026-11-02"};
    if (protocols[std::size_t(i) % protocols.size()] == "patellofemoral") {
      start.insert(start.end(), {"--param", "baseline_cadence=164"});
    }
    runback_ok(start, dir);
    if (i % 3 == 0) {
      runback_ok({"--runner", name, "log", "2026-11-02", "--session", "done", "--pain-during",
                  std::to_string(i % 5), "--pain-morning", "0"},
                 dir);
    }
  }
  auto doc = nlohmann::json::parse(
      runback_ok({"week", "--all", "--date", "2026-11-04", "--format", "json"}, dir).out);
  REQUIRE(doc["runners"].size() == std::size_t(count));
  for (int i = 0; i < count; ++i) {
    const auto& runner = doc["runners"][std::size_t(i)];
    const std::string name = "runner " + std::string(i < 10 ? "0" : "") + std::to_string(i);
    CHECK(runner["runner"] == name);
    CHECK(runner["protocol"]["id"] == protocols[std::size_t(i) % protocols.size()]);
  }
  // The same runner planned alone has the same status.
  auto alone = nlohmann::json::parse(
      runback_ok({"--runner", "runner 33", "status", "--date", "2026-11-04", "--format", "json"},
                 dir)
          .out);
  CHECK(doc["runners"][33]["status"]["stage"]["number"] == alone["stage"]["number"]);
}

TEST_CASE("week reports a bad date with exit status 2", "[cli][week]") {
  TempDir dir{scratch_base()};
  runback_ok({"--runner", "Ana", "start", "--usual-pain", "0", "--protocol", "general-return"},
             dir);
  auto result = run_command({"week", "--date", "2026-02-30"}, isolated(dir));
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "--date: '2026-02-30' is not a day on the calendar"));
}

TEST_CASE("demo shows a sample runner's week and touches no records", "[cli][demo]") {
  TempDir dir{scratch_base()};
  auto result = runback_ok({"demo", "--date", "2026-11-25"}, dir);
  CHECK(contains(result.out, "A sample runner, Sam"));
  CHECK(contains(result.out, "Sam's week from Mon 23 Nov to Sun 29 Nov 2026"));
  CHECK(contains(result.out, "good run in a row to move up"));
  CHECK(contains(result.out, "Wed 25 Nov (today): run"));
  CHECK_FALSE(std::filesystem::exists(dir.file("runback.db")));
  CHECK_FALSE(std::filesystem::exists(dir.file("data")));
  auto json = nlohmann::json::parse(
      runback_ok({"demo", "--date", "2026-11-25", "--format", "json"}, dir).out);
  CHECK(json["sample"] == true);
  CHECK(json["schema"] == "runback.week/1");
}

TEST_CASE("week reads the protocol from its compiled copy, and from the text when that is damaged",
          "[cli][week][snapshot]") {
  TempDir dir{scratch_base()};
  runback_ok({"--runner", "Maya", "start", "--usual-pain", "0", "--protocol", "achilles-midportion",
              "--start", "2026-11-02", "--days", "mon,wed,fri"},
             dir);
  runback_ok(
      {"log", "2026-11-02", "--session", "done", "--pain-during", "1", "--pain-morning", "0"}, dir);
  const std::string db = dir.file("runback.db");
  auto compiled_bytes = [&] {
    auto result = run_process(
        {"/usr/bin/sqlite3", db, "SELECT coalesce(length(compiled), 0) FROM protocol_snapshot"},
        {});
    REQUIRE(result.exit_code == 0);
    return std::stoi(result.out);
  };

  const std::string first = runback_ok({"week", "--date", "2026-11-05"}, dir).out;
  CHECK(compiled_bytes() > 1000);  // the first plan cached it
  const std::string cached = runback_ok({"week", "--date", "2026-11-05"}, dir).out;
  CHECK(cached == first);

  auto damage = run_process(
      {"/usr/bin/sqlite3", db, "UPDATE protocol_snapshot SET compiled = substr(compiled, 1, 100)"},
      {});
  REQUIRE(damage.exit_code == 0);
  const std::string from_text = runback_ok({"week", "--date", "2026-11-05"}, dir).out;
  CHECK(from_text == first);
  CHECK(compiled_bytes() > 1000);  // cached again
}

TEST_CASE("a runner name that is not printable UTF-8 is refused before anything is written",
          "[cli][runner_name]") {
  TempDir dir{scratch_base()};
  auto result = run_command(
      {"--runner", "bad\xffname", "start", "--usual-pain", "0", "--protocol", "general-return"},
      isolated(dir));
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "--runner"));
  CHECK(contains(result.err, "not valid UTF-8"));
  CHECK_FALSE(std::filesystem::exists(dir.file("runback.db")));
}

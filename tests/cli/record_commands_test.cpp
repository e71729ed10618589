// The record commands run as a user runs them. Every bad input must give exit status 2, a
// message naming the flag, and leave the database's content exactly as it was.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "store/store.hpp"
#include "store/store_fixture.hpp"

using namespace runback;
using namespace runback::testing;
using Catch::Matchers::Contains;

namespace {

struct Db {
  TempDir dir{scratch_base()};
  std::string path = dir.file("runback.db");
  CommandResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", path});
    return run_command(args);
  }
};

std::string day(int days_ago) {
  return format_date(real_today() - std::chrono::days{days_ago});
}

}  // namespace

TEST_CASE("every bad input exits 2, names the problem and changes nothing", "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana", "ben"});
  REQUIRE(db.run({"--runner", "ana", "log", day(3), "--pain-during", "2"}).exit_code == 0);
  const std::string before = dump_database(db.path);

  struct Case {
    std::vector<std::string> args;
    std::string expected;  // part of the message on stderr
  };
  const std::vector<Case> cases = {
      {{"--runner", "ana", "log", day(2), "--pain-during", "11"}, "--pain-during: '11'"},
      {{"--runner", "ana", "log", day(2), "--pain-during", "-1"}, "0 (no pain) to 10"},
      {{"--runner", "ana", "log", day(2), "--pain-after", "three"},
       "--pain-after: 'three' is not a number"},
      {{"--runner", "ana", "log", day(2), "--pain-morning", "2.5"}, "--pain-morning"},
      {{"--runner", "ana", "log", day(2), "--stiffness-min", "2000"}, "--stiffness-min"},
      {{"--runner", "ana", "log", "2026-02-30", "--pain-during", "1"}, "not a day on the calendar"},
      {{"--runner", "ana", "log", "2026-2-3", "--pain-during", "1"}, "expected YYYY-MM-DD"},
      {{"--runner", "ana", "log", day(-1), "--pain-during", "1"}, "is in the future"},
      {{"--runner", "ana", "log", day(0), "--pain-morning", "1"}, "has not come yet"},
      {{"--runner", "ana", "log", day(2), "--session", "maybe"}, "done, partial, skipped"},
      {{"--runner", "ana", "log", day(2), "--red-flag", "nite-pain"}, "did you mean 'night-pain'"},
      {{"--runner", "ana", "log", day(2), "--answer", "no-equals"}, "KEY=VALUE"},
      {{"--runner", "ana", "log", day(3), "--pain-during", "4"}, "already logged as '2'"},
      {{"--runner", "ana", "log", day(2)}, "nothing to log"},
      {{"--runner", "anna", "log", day(2), "--pain-during", "1"}, "did you mean 'ana'"},
      {{"log", day(2), "--pain-during", "1"}, "choose one with --runner"},
      {{"--runner", "ana", "log", day(2), "--pain-during", "1", "--format", "xml"}, "--format"},
      {{"--runner", "ana", "history", "--from", "2026-13-01"}, "--from"},
      {{"--runner", "ana", "history", "--format", "yaml"}, "--format"},
      {{"--runner", "ana", "clear", "--by", " "}, "--by"},
      {{"--runner", "ana", "clear"}, "--by"},
      {{"--runner", "zed", "history"}, "no runner named 'zed'"},
      {{"--runner", "cleo", "start", "--usual-pain", "0", "--protocol", "no-such-protocol"},
       "no protocol has the id"},
      {{"--runner", "ana", "start", "--usual-pain", "0", "--protocol", "general-return"},
       "already follows"},
      {{"import", "--csv", "/dev/null"}, "header must be exactly"},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args) shown += a + " ";
    DYNAMIC_SECTION(shown) {
      auto result = db.run(c.args);
      INFO(result.err);
      CHECK(result.exit_code == 2);
      CHECK(result.err.find(c.expected) != std::string::npos);
      CHECK(result.out.empty());
      CHECK(dump_database(db.path) == before);
    }
  }
}

TEST_CASE("a note with Unicode, quotes and SQL is stored and shown exactly", "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana"});
  const std::string note = "Knie fühlt sich 👍 an; it's \"fine\"'); DROP TABLE day_log;--\ttab";
  REQUIRE(db.run({"log", day(1), "--session", "done", "--pain-during", "1", "--note", note})
              .exit_code == 0);
  auto history = db.run({"history", "--format", "json"});
  REQUIRE(history.exit_code == 0);
  auto doc = nlohmann::json::parse(history.out);
  CHECK(doc["schema"] == "runback.history/1");
  REQUIRE(doc["logs"].size() == 1);
  CHECK(doc["logs"][0]["note"] == note);
  CHECK(db.run({"history"}).out.find(note) != std::string::npos);
}

TEST_CASE("the next-morning score comes the next day, for the previous day's session",
          "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana"});
  REQUIRE(db.run({"log", "--session", "done", "--pain-during", "2"}).exit_code == 0);
  auto morning = db.run({"log", "--pain-morning", "1", "--format", "json"});
  REQUIRE(morning.exit_code == 0);
  auto doc = nlohmann::json::parse(morning.out);
  CHECK(doc["logged"][0]["date"] == day(1));
  CHECK(doc["logged"][0]["pain_next_morning"] == 1);
  auto history = nlohmann::json::parse(db.run({"history", "--format", "json"}).out);
  REQUIRE(history["logs"].size() == 2);
  CHECK(history["logs"][0]["date"] == day(1));
  CHECK(history["logs"][1]["date"] == day(0));
  CHECK(history["logs"][1]["pain_during"] == 2);
}

TEST_CASE("a logged value changes only with --replace, and the old one is audited",
          "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana"});
  REQUIRE(db.run({"log", day(2), "--pain-after", "3"}).exit_code == 0);
  auto replaced = db.run({"log", day(2), "--pain-after", "5", "--replace", "--format", "json"});
  REQUIRE(replaced.exit_code == 0);
  auto doc = nlohmann::json::parse(replaced.out);
  REQUIRE(doc["replaced"].size() == 1);
  CHECK(doc["replaced"][0]["old_value"] == "3");
  CHECK(doc["replaced"][0]["new_value"] == "5");
  auto audit =
      run_process({"/usr/bin/sqlite3", db.path, "SELECT field, old_value, new_value FROM audit"});
  CHECK(audit.out == "pain_after|3|5\n");
}

TEST_CASE("a log on a day with no planned session is recorded", "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana"});
  auto result = db.run({"log", day(1), "--swelling", "--note", "rest day, leg feels tight"});
  CHECK(result.exit_code == 0);
  auto doc = nlohmann::json::parse(db.run({"history", "--format", "json"}).out);
  CHECK(doc["logs"][0]["swelling"] == true);
  CHECK(doc["logs"][0]["session"].is_null());
}

TEST_CASE("the same log run twice changes nothing and says so, and a new value beside it is logged",
          "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana"});
  REQUIRE(db.run({"log", day(2), "--pain-during", "2", "--answer", "hop_test=yes"}).exit_code == 0);
  const std::string before = dump_database(db.path);
  auto again = db.run({"log", day(2), "--pain-during", "2", "--answer", "hop_test=yes"});
  CHECK(again.exit_code == 0);
  CHECK(again.err.empty());
  CHECK_THAT(again.out, Contains("Already logged for ana, "));
  CHECK_THAT(again.out, Contains(day(2) + ": pain during 2/10, hop_test = yes; nothing changed."));
  CHECK_THAT(again.out, !Contains("Logged for"));
  CHECK(dump_database(db.path) == before);

  auto more = db.run({"log", day(2), "--pain-during", "2", "--pain-after", "3"});
  CHECK(more.exit_code == 0);
  CHECK_THAT(more.out, Contains(day(2) + ": pain after 3/10.\n"));
  CHECK_THAT(more.out, Contains(day(2) + ": pain during 2/10; nothing changed.\n"));
  auto json = db.run({"log", day(2), "--pain-after", "3", "--format", "json"});
  REQUIRE(json.exit_code == 0);
  const auto unchanged = nlohmann::json::parse(json.out)["unchanged"];
  REQUIRE(unchanged.size() == 1);
  CHECK(unchanged[0]["field"] == "pain_after");
  CHECK(unchanged[0]["value"] == "3");
  // A different value is still refused without --replace.
  CHECK(db.run({"log", day(2), "--pain-after", "4"}).exit_code == 2);
}

TEST_CASE("a session logged before the programme's start is kept, and the runner is told",
          "[cli][records]") {
  Db db;
  REQUIRE(db.run({"--runner", "ana", "start", "--usual-pain", "0", "--protocol", "general-return",
                  "--start", day(10)})
              .exit_code == 0);
  const std::string said = "The session of " + day(12) + " is before this programme started";
  auto early = db.run({"log", day(12), "--pain-during", "1"});
  CHECK(early.exit_code == 0);
  CHECK_THAT(early.out, Contains(said));
  CHECK_THAT(early.out, Contains("`runback withdraw " + day(12) + "`"));
  auto json = db.run({"log", day(12), "--pain-after", "1", "--format", "json"});
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["before_start"] == nlohmann::json::array({day(12)}));
  // This morning's pain on the first day is for the day before: the baseline, not a mistake.
  auto baseline = db.run({"log", day(11), "--pain-morning", "1"});
  CHECK(baseline.exit_code == 0);
  CHECK_THAT(baseline.out, !Contains("before this programme started"));
  // A red flag counts whenever it was felt.
  CHECK_THAT(db.run({"log", day(13), "--red-flag", "night-pain"}).out,
             !Contains("before this programme started"));
  auto since = db.run({"log", day(8), "--pain-during", "1", "--format", "json"});
  REQUIRE(since.exit_code == 0);
  CHECK(nlohmann::json::parse(since.out)["before_start"].empty());
  auto history = nlohmann::json::parse(db.run({"history", "--format", "json"}).out);
  CHECK(history["logs"].size() == 4);
}

TEST_CASE(
    "a next-morning value logged under a day with no run, while a run waits for its own: kept, "
    "and the runner is shown where it goes",
    "[cli][records]") {
  Db db;
  REQUIRE(db.run({"--runner", "ana", "start", "--usual-pain", "0", "--protocol", "general-return",
                  "--start", day(10)})
              .exit_code == 0);
  REQUIRE(db.run({"log", day(3), "--pain-during", "1", "--pain-after", "0"}).exit_code == 0);
  // The morning after, logged under the day it was felt.
  auto felt = db.run({"log", day(2), "--pain-morning", "0"});
  CHECK(felt.exit_code == 0);
  CHECK_THAT(felt.out, Contains("has no run logged, so a next-morning value for it judges no run"));
  CHECK_THAT(felt.out, Contains("`runback log " + day(3) + " --pain-morning N`"));
  auto json = nlohmann::json::parse(
      db.run({"log", day(2), "--stiffness-min", "0", "--format", "json"}).out);
  CHECK(json["morning_without_run"]["waiting_run"] == day(3));
  CHECK(json["morning_without_run"]["date"] == day(2));
  // Logged where it belongs: the run is judged, and nothing is said of the other day.
  auto right = db.run({"log", day(3), "--pain-morning", "0", "--format", "json"});
  REQUIRE(right.exit_code == 0);
  CHECK(nlohmann::json::parse(right.out)["morning_without_run"].is_null());
  CHECK_THAT(db.run({"log", day(2), "--pain-morning", "0"}).out, !Contains("has no run logged"));
}

TEST_CASE("a red flag, then a clinician's clearance", "[cli][records]") {
  Db db;
  // A real protocol: whether there is a stop to clear is the planner's answer.
  REQUIRE(db.run({"--runner", "ana", "start", "--usual-pain", "0", "--protocol", "general-return",
                  "--start", day(10)})
              .exit_code == 0);
  auto flagged = db.run({"log", day(1), "--red-flag", "night-pain"});
  CHECK(flagged.exit_code == 0);
  CHECK(flagged.out.find("Stop running for now and see your physiotherapist") != std::string::npos);
  auto cleared = db.run({"clear", "--by", "Dr Lee", "--note", "MRI clear", "--format", "json"});
  REQUIRE(cleared.exit_code == 0);
  CHECK(nlohmann::json::parse(cleared.out)["clearance"]["by"] == "Dr Lee");
  auto history = nlohmann::json::parse(db.run({"history", "--format", "json"}).out);
  CHECK(history["logs"][0]["red_flags"][0] == "night-pain");
  CHECK(history["clearances"][0]["note"] == "MRI clear");
}

TEST_CASE("history filters by date and speaks csv", "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana"});
  for (int i = 1; i <= 5; ++i) {
    REQUIRE(db.run({"log", day(i), "--pain-during", std::to_string(i)}).exit_code == 0);
  }
  auto csv = db.run({"history", "--from", day(4), "--to", day(2), "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out ==
        "date,session,pain_during,pain_after,pain_next_morning,stiffness_minutes,swelling,limp,"
        "red_flags,answers,note,pain_warmup\r\n" +
            day(4) + ",done,4,,,,,,,,,\r\n" + day(3) + ",done,3,,,,,,,,,\r\n" + day(2) +
            ",done,2,,,,,,,,,\r\n");
}

TEST_CASE("export, wipe, import: the same history", "[cli][records]") {
  Db db;
  seed_runners(db.path, {"ana"});
  REQUIRE(db.run({"--runner", "ben", "start", "--usual-pain", "0", "--protocol", "general-return",
                  "--start", day(10)})
              .exit_code == 0);
  REQUIRE(db.run({"--runner", "ana", "log", day(3), "--session", "partial", "--pain-during", "2",
                  "--limp", "--answer", "hop_test=sore, \"a bit\"", "--note", "é,\"x\"\nline"})
              .exit_code == 0);
  REQUIRE(db.run({"--runner", "ana", "log", day(2), "--pain-morning", "1", "--no-swelling"})
              .exit_code == 0);
  REQUIRE(db.run({"--runner", "ben", "log", day(4), "--red-flag", "night-pain"}).exit_code == 0);
  REQUIRE(db.run({"--runner", "ben", "clear", "--by", "Sam"}).exit_code == 0);
  const auto history_before = db.run({"--runner", "ana", "history", "--format", "json"}).out;
  const auto runners_before = db.run({"runners", "--format", "json"}).out;
  const std::string file = db.dir.file("backup.csv");
  REQUIRE(db.run({"export", "--csv", file}).exit_code == 0);

  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.path + suffix);
  CHECK(db.run({"history"}).exit_code == 2);
  auto imported = db.run({"import", "--csv", file, "--format", "json"});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(nlohmann::json::parse(imported.out)["logs"] == 3);
  CHECK(db.run({"--runner", "ana", "history", "--format", "json"}).out == history_before);
  CHECK(db.run({"runners", "--format", "json"}).out == runners_before);

  // Importing the same file again would duplicate the runners: refused, nothing changes.
  const std::string before = dump_database(db.path);
  auto again = db.run({"import", "--csv", file});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find(file + ":2: error:") != std::string::npos);
  CHECK(dump_database(db.path) == before);
}

TEST_CASE("reading commands never create a database", "[cli][records]") {
  Db db;
  auto history = db.run({"history"});
  CHECK(history.exit_code == 2);
  CHECK(history.err.find("no records yet") != std::string::npos);
  auto runners = db.run({"runners", "--format", "json"});
  CHECK(runners.exit_code == 0);
  CHECK(nlohmann::json::parse(runners.out)["runners"].empty());
  CHECK(db.run({"log", "--pain-during", "1"}).exit_code == 2);
  auto bad_import = db.run({"import", "--csv", "/dev/null"});
  CHECK(bad_import.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(db.path));
}

TEST_CASE("the default database lives under XDG_DATA_HOME, and RUNBACK_DB overrides it",
          "[cli][records]") {
  TempDir dir{scratch_base()};
  const std::string xdg = dir.file("data");
  seed_runners(xdg + "/runback/runback.db", {"ana"});
  auto result = run_command({"runners", "--format", "json"}, {{"XDG_DATA_HOME", xdg}});
  CHECK(nlohmann::json::parse(result.out)["runners"][0]["name"] == "ana");
  seed_runners(dir.file("other.db"), {"ben"});
  result = run_command({"runners", "--format", "json"},
                       {{"XDG_DATA_HOME", xdg}, {"RUNBACK_DB", dir.file("other.db")}});
  CHECK(nlohmann::json::parse(result.out)["runners"][0]["name"] == "ben");
}

TEST_CASE("a new user's week: start, log, history, export, wipe, import, the same history",
          "[cli][records]") {
  Db db;
  auto started = db.run(
      {"start", "--usual-pain", "0", "--protocol", "achilles-midportion", "--start", day(7)});
  REQUIRE(started.exit_code == 0);
  for (int i = 7; i >= 2; --i) {
    const bool run_day = i % 2 == 1;
    std::vector<std::string> args = {"log", day(i), "--pain-morning", std::to_string(i % 3)};
    if (run_day) {
      args.insert(args.end(), {"--session", "done", "--pain-during", "2", "--pain-after", "3"});
    }
    if (i == 4) args.insert(args.end(), {"--swelling", "--note", "stairs felt odd"});
    INFO(i);
    REQUIRE(db.run(args).exit_code == 0);
  }
  REQUIRE(db.run({"log", "--session", "partial", "--pain-during", "4", "--red-flag",
                  "pinpoint-bone-pain"})
              .exit_code == 0);
  REQUIRE(db.run({"log", "--pain-morning", "2"}).exit_code == 0);  // this morning, for yesterday
  const auto table = db.run({"history"}).out;
  CHECK(table.find("stairs felt odd") != std::string::npos);
  CHECK(table.find("RED FLAG pinpoint-bone-pain") != std::string::npos);
  // Details are joined, not left with a separator when nothing follows (a red flag without a
  // note).
  CHECK(table.find("; \n") == std::string::npos);
  CHECK(table.find(";\n") == std::string::npos);
  const auto history = db.run({"history", "--format", "json"}).out;
  CHECK(nlohmann::json::parse(history)["logs"].size() == 8);

  const std::string file = db.dir.file("week.csv");
  REQUIRE(db.run({"export", "--csv", file}).exit_code == 0);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.path + suffix);
  REQUIRE(db.run({"import", "--csv", file}).exit_code == 0);
  CHECK(db.run({"history", "--format", "json"}).out == history);
  CHECK(db.run({"history"}).out == table);
}

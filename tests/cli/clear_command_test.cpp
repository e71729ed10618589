// `runback clear`: a clearance lifts a stop from the day after its date, and is refused (exit 2,
// nothing written) when there is no stop to lift on that date.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "in_process.hpp"
#include "store/store_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

// A database of its own (--db), and no user config or data from the machine running the tests.
struct Records {
  TempDir dir{scratch_base()};
  std::string db = dir.file("runback.db");

  CommandResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_command(args, {{"XDG_CONFIG_HOME", dir.file("config")},
                              {"XDG_DATA_HOME", dir.file("data")},
                              {"HOME", dir.path()}});
  }
  nlohmann::json json(std::vector<std::string> args) const {
    args.insert(args.end(), {"--format", "json"});
    auto result = run(args);
    INFO(args.front() << ": " << result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
  }
  void ok(const std::vector<std::string>& args) const {
    auto result = run(args);
    INFO(args.front() << ": " << result.err);
    REQUIRE(result.exit_code == 0);
  }
};

// Maya on the Achilles protocol from Monday 2 November 2026, running Mon/Wed/Fri, with a red
// flag logged after her run on Wednesday 18 November.
void maya_with_a_red_flag(const Records& records) {
  records.ok({"--runner", "Maya", "start", "--usual-pain", "0", "--protocol", "achilles-midportion",
              "--start", "2026-11-02", "--days", "mon,wed,fri"});
  records.ok(
      {"log", "2026-11-16", "--session", "done", "--pain-during", "1", "--pain-morning", "0"});
  records.ok(
      {"log", "2026-11-18", "--session", "done", "--pain-during", "1", "--red-flag", "night-pain"});
}

const nlohmann::json& day_of(const nlohmann::json& week, const std::string& date) {
  for (const auto& day : week["days"]) {
    if (day["date"] == date) return day;
  }
  FAIL("no day " << date << " in the week");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a clearance recorded later for a past date resumes running from the next day",
          "[cli][clear]") {
  Records records;
  maya_with_a_red_flag(records);
  // Before the clearance, Friday 20 November is a day without running.
  CHECK(records.json({"status", "--date", "2026-11-20"})["stopped"] == true);
  CHECK(day_of(records.json({"week", "--date", "2026-11-20"}), "2026-11-20")["rest"] == "stopped");

  // The physiotherapist saw Maya on Thursday 19 November; it is recorded on 30 November or
  // later (the tests run on the real date).
  auto cleared = records.json({"clear", "--by", "Jo Patel", "--date", "2026-11-19"});
  CHECK(cleared["schema"] == "runback.clear/1");
  CHECK(cleared["clearance"]["date"] == "2026-11-19");
  CHECK(cleared["clearance"]["by"] == "Jo Patel");
  CHECK(cleared["resumes_on"] == "2026-11-20");

  auto on_the_day = records.json({"status", "--date", "2026-11-19"});
  CHECK(on_the_day["stopped"] == false);
  CHECK(on_the_day["rest_through"] == "2026-11-19");
  CHECK(on_the_day["next_run"] == "2026-11-20");
  auto week = records.json({"week", "--date", "2026-11-20"});
  CHECK(day_of(week, "2026-11-19")["run"].is_null());
  CHECK(day_of(week, "2026-11-20")["rest"] == "none");
  CHECK(day_of(week, "2026-11-20")["run"]["stage"]["number"] == 1);
  CHECK(week["last_decision"]["kind"] == "resume");

  auto history = records.json({"history"});
  REQUIRE(history["clearances"].size() == 1);
  CHECK(history["clearances"][0]["date"] == "2026-11-19");

  auto text = records.run({"clear", "--by", "Jo Patel", "--date", "2026-11-21"});
  CHECK(text.exit_code == 2);  // cleared already: nothing on hold any more
  CHECK(text.err.find("Maya is not on hold on 2026-11-21") != std::string::npos);
}

TEST_CASE("the text of a clearance names the day running resumes", "[cli][clear]") {
  Records records;
  maya_with_a_red_flag(records);
  auto cleared = records.run({"clear", "--by", "Jo Patel", "--date", "2026-11-21"});
  INFO(cleared.err);
  REQUIRE(cleared.exit_code == 0);
  CHECK(cleared.out ==
        "Recorded: Jo Patel cleared Maya to run on 2026-11-21. Running resumes from 2026-11-22 "
        "in the plan.\n");
}

TEST_CASE("a clearance is refused, and nothing written, when nothing is on hold that day",
          "[cli][clear]") {
  Records records;
  maya_with_a_red_flag(records);
  const std::string before = dump_database(records.db);

  struct Case {
    std::vector<std::string> args;
    std::string expected;  // part of the message on stderr
  };
  const std::string tomorrow = format_date(real_today() + std::chrono::days{1});
  const std::vector<Case> cases = {
      // Before the stop began.
      {{"clear", "--by", "Jo Patel", "--date", "2026-11-17"},
       "clear: Maya is not on hold on 2026-11-17: there is nothing to clear (running stops only "
       "after a red flag or a stop rule)"},
      {{"clear", "--by", "Jo Patel", "--date", "2026-11-02"}, "not on hold on 2026-11-02"},
      // The day of the red flag itself: it counts from the next day.
      {{"clear", "--by", "Jo Patel", "--date", "2026-11-18"}, "give --date 2026-11-19 or later"},
      {{"clear", "--by", "Jo Patel", "--date", tomorrow},
       "--date: " + tomorrow + " is in the future"},
      {{"clear", "--by", "Jo Patel", "--date", "2026-02-30"}, "--date: '2026-02-30'"},
      {{"clear", "--by", "Jo Patel", "--date", "19/11/2026"}, "expected YYYY-MM-DD"},
      {{"clear", "--by", " ", "--date", "2026-11-19"}, "--by"},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args) shown += a + " ";
    DYNAMIC_SECTION(shown) {
      auto result = records.run(c.args);
      INFO(result.err);
      CHECK(result.exit_code == 2);
      CHECK(result.err.find(c.expected) != std::string::npos);
      CHECK(result.out.empty());
      CHECK(dump_database(records.db) == before);
    }
  }
}

TEST_CASE("a clearance for a runner who never stopped is refused", "[cli][clear]") {
  Records records;
  records.ok({"--runner", "Ben", "start", "--usual-pain", "0", "--protocol", "general-return",
              "--start", "2026-11-02"});
  records.ok({"log", "2026-11-04", "--session", "done", "--pain-during", "2"});
  const std::string before = dump_database(records.db);
  auto result = records.run({"clear", "--by", "Jo Patel"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "runback: clear: Ben is not on hold on " + format_date(real_today()) +
                          ": there is nothing to clear (running stops only after a red flag or "
                          "a stop rule)\n");
  CHECK(dump_database(records.db) == before);
}

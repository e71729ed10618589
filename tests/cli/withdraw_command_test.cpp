// `runback withdraw DATE [VALUE ...]` run as a user runs it: what was logged by mistake goes,
// the audit trail keeps it, and a withdrawal of something not logged changes nothing (exit 2).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "in_process.hpp"
#include "store/store_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

struct Db {
  TempDir dir{scratch_base()};
  std::string path = dir.file("runback.db");
  CommandResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", path});
    return run_command(args, {{"XDG_CONFIG_HOME", dir.file("config")},
                              {"XDG_DATA_HOME", dir.file("data")},
                              {"HOME", dir.path()}});
  }
  void ok(const std::vector<std::string>& args) const {
    auto result = run(args);
    INFO(args.front() << ": " << result.err);
    REQUIRE(result.exit_code == 0);
  }
  nlohmann::json history() const {
    auto result = run({"history", "--format", "json"});
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
  }
  // The audit records of `runback export --csv -`, one line each.
  std::vector<std::string> exported_audit() const {
    auto result = run({"export", "--csv", "-"});
    REQUIRE(result.exit_code == 0);
    std::vector<std::string> lines;
    std::istringstream in(result.out);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("audit,", 0) == 0) lines.push_back(line);
    }
    return lines;
  }
};

std::string day(int days_ago) {
  return format_date(real_today() - std::chrono::days{days_ago});
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ana, with a run logged three days ago and the next morning's pain.
void ana_with_a_run(const Db& db) {
  seed_runners(db.path, {"ana"});
  db.ok({"log", day(3), "--session", "done", "--pain-during", "2", "--pain-after", "3", "--answer",
         "hop_test=sore", "--note", "wrong day"});
  db.ok({"log", day(2), "--pain-morning", "1"});
}

}  // namespace

TEST_CASE("withdraw a whole day: the log goes, the audit trail keeps each value",
          "[cli][withdraw]") {
  Db db;
  ana_with_a_run(db);
  auto result = db.run({"withdraw", day(3), "--format", "json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["schema"] == "runback.withdraw/1");
  CHECK(doc["runner"] == "ana");
  CHECK(doc["date"] == day(3));
  CHECK(doc["remaining"].is_null());
  std::vector<std::string> fields;
  for (const auto& change : doc["withdrawn"]) {
    fields.push_back(change["field"]);
    CHECK(change["subject"] == "log");
    CHECK(change["date"] == day(3));
    CHECK(change["new_value"].is_null());
  }
  CHECK(fields == std::vector<std::string>{"session", "pain_during", "pain_after", "note",
                                           "answers.hop_test"});

  auto history = db.history();
  REQUIRE(history["logs"].size() == 1);
  CHECK(history["logs"][0]["date"] == day(2));

  const auto audit = db.exported_audit();
  REQUIRE(audit.size() == 5);
  CHECK(contains(audit[2],
                 "\"\"field\"\":\"\"pain_after\"\",\"\"old_value\"\":\"\"3\"\","
                 "\"\"new_value\"\":null"));
  CHECK(contains(audit[3], "\"\"old_value\"\":\"\"wrong day\"\""));
}

TEST_CASE("withdraw one value: the rest of the day stays", "[cli][withdraw]") {
  Db db;
  ana_with_a_run(db);
  auto result = db.run({"withdraw", day(3), "pain-after"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "Withdrawn from ana's log for "));
  CHECK(contains(result.out, day(3) + ": pain after 3/10.\n"));
  CHECK(contains(result.out,
                 "Still logged that day: session done, pain during 2/10, hop_test = "
                 "sore, note \"wrong day\".\n"));

  auto history = db.history();
  REQUIRE(history["logs"].size() == 2);
  CHECK(history["logs"][0]["pain_after"].is_null());
  CHECK(history["logs"][0]["pain_during"] == 2);
  CHECK(history["logs"][0]["answers"]["hop_test"] == "sore");

  // The same as `log --replace` audits a replaced value, with no new value.
  auto audit =
      run_process({"/usr/bin/sqlite3", db.path,
                   "SELECT subject, date, field, old_value, new_value IS NULL FROM audit"});
  CHECK(audit.out == "log|" + day(3) + "|pain_after|3|1\n");

  // Withdrawn, it can be logged again without --replace.
  db.ok({"log", day(3), "--pain-after", "1"});
  CHECK(db.history()["logs"][0]["pain_after"] == 1);
}

TEST_CASE("withdraw several values, an answer and the next morning's pain", "[cli][withdraw]") {
  Db db;
  ana_with_a_run(db);
  db.ok({"withdraw", day(3), "answer:hop_test", "note", "session"});
  db.ok({"withdraw", day(2), "pain-morning"});
  auto history = db.history();
  REQUIRE(history["logs"].size() == 1);  // nothing was left on day(2)
  CHECK(history["logs"][0]["answers"].empty());
  CHECK(history["logs"][0]["note"] == "");
  CHECK(history["logs"][0]["session"].is_null());
  CHECK(history["logs"][0]["pain_during"] == 2);
  CHECK(db.exported_audit().size() == 4);
}

TEST_CASE("a withdrawn red flag no longer stops running", "[cli][withdraw]") {
  Db db;
  db.ok({"--runner", "Ben", "start", "--usual-pain", "0", "--protocol", "general-return", "--start",
         "2026-11-02"});
  db.ok(
      {"log", "2026-11-04", "--session", "done", "--pain-during", "1", "--red-flag", "night-pain"});
  auto status = [&] {
    auto result = db.run({"status", "--date", "2026-11-05", "--format", "json"});
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
  };
  CHECK(status()["stopped"] == true);
  db.ok({"withdraw", "2026-11-04", "red-flag"});
  CHECK(status()["stopped"] == false);
  CHECK(db.history()["logs"][0]["red_flags"].empty());
}

TEST_CASE("withdraw refuses what is not logged, and changes nothing", "[cli][withdraw]") {
  Db db;
  ana_with_a_run(db);
  const std::string before = dump_database(db.path);
  struct Case {
    std::vector<std::string> args;
    std::string expected;  // part of the message on stderr
  };
  const std::vector<Case> cases = {
      {{"withdraw", day(5)},
       "withdraw: nothing is logged for ana on " + day(5) + ", so there is nothing to withdraw"},
      {{"withdraw", day(3), "limp"},
       "withdraw: limp is not logged for ana on " + day(3) +
           "; logged that day: session done, pain during 2/10, pain after 3/10, hop_test = sore, "
           "note \"wrong day\". Nothing was withdrawn"},
      {{"withdraw", day(3), "pain-during", "red-flag", "answer:calf"},
       "red-flag and answer:calf are not logged"},
      {{"withdraw", day(2), "pain-during"}, "logged that day: next-morning pain 1/10"},
      {{"withdraw", day(3), "pain-durin"}, "did you mean 'pain-during'"},
      {{"withdraw", day(3), "pain"},
       "give session, pain-warmup, pain-during, pain-after, pain-morning"},
      {{"withdraw", day(3), "answer:"}, "needs the KEY of a checkpoint answer"},
      {{"withdraw", "2026-02-30"}, "DATE: '2026-02-30' is not a day on the calendar"},
      {{"withdraw"}, "DATE is required"},
      {{"withdraw", day(3), "--format", "xml"}, "--format"},
      {{"--runner", "zed", "withdraw", day(3)}, "no runner named 'zed'"},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args) shown += a + " ";
    DYNAMIC_SECTION(shown) {
      auto result = db.run(c.args);
      INFO(result.err);
      CHECK(result.exit_code == 2);
      CHECK(contains(result.err, c.expected));
      CHECK(result.out.empty());
      CHECK(dump_database(db.path) == before);
    }
  }
}

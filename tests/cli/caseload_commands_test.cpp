// A physiotherapist's views of a caseload: `runners` puts whoever needs attention first, `week
// --all --summary` gives a line per runner, `decisions` and `history --decisions` keep every
// decision in view.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "util/csv.hpp"

using namespace runback;
using namespace runback::testing;
using json = nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void ok(InProcess& p, const std::vector<std::string>& args) {
  const auto result = p.run(args);
  INFO(args[1] << " " << args[2] << ": " << result.err);
  REQUIRE(result.exit_code == 0);
}

void start(InProcess& p, const std::string& name, const std::string& on) {
  ok(p, {"--runner", name, "start", "--protocol", "achilles-midportion", "--start", on, "--days",
         "mon,wed,fri", "--usual-pain", "0"});
}

// On Thu 19 Nov 2026: Ana logged yesterday (her morning pain still to come), Ben logged a red
// flag yesterday, Cat has logged nothing for 8 days, Dan stepped back yesterday.
void fill_caseload(InProcess& p) {
  p.clock().set(make_date(2026, 11, 19));
  start(p, "Ana", "2026-11-16");
  ok(p, {"--runner", "Ana", "log", "2026-11-16", "--pain-during", "1", "--pain-morning", "0"});
  ok(p, {"--runner", "Ana", "log", "2026-11-18", "--pain-during", "2"});
  start(p, "Ben", "2026-11-16");
  ok(p, {"--runner", "Ben", "log", "2026-11-16", "--pain-during", "2", "--pain-morning", "0"});
  ok(p, {"--runner", "Ben", "log", "2026-11-18", "--red-flag", "night-pain"});
  start(p, "Cat", "2026-11-09");
  ok(p, {"--runner", "Cat", "log", "2026-11-09", "--pain-during", "1", "--pain-morning", "0"});
  ok(p, {"--runner", "Cat", "log", "2026-11-11", "--pain-during", "1", "--pain-morning", "0"});
  start(p, "Dan", "2026-11-16");
  ok(p, {"--runner", "Dan", "log", "2026-11-16", "--pain-during", "2", "--pain-morning", "0"});
  ok(p, {"--runner", "Dan", "log", "2026-11-18", "--pain-during", "7", "--pain-morning", "0",
         "--note", "calf felt \"tight\", then sore"});
}

std::vector<std::string> names_of(const json& runners) {
  std::vector<std::string> names;
  for (const auto& r : runners["runners"]) names.push_back(r["name"]);
  return names;
}

}  // namespace

TEST_CASE("runners puts an open red flag first, and a week's silence before yesterday's log",
          "[cli][caseload]") {
  InProcess p;
  fill_caseload(p);
  const auto result = p.run({"runners", "--date", "2026-11-19", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  const json doc = json::parse(result.out);
  CHECK(names_of(doc) == std::vector<std::string>{"Ben", "Cat", "Dan", "Ana"});
  CHECK(doc["date"] == "2026-11-19");
  CHECK(doc["sort"] == "attention");

  const auto text = p.run({"runners", "--date", "2026-11-19"});
  REQUIRE(text.exit_code == 0);
  const auto at = [&](const std::string& name) { return text.out.find("\n" + name + " "); };
  CHECK(at("Ben") < at("Cat"));
  CHECK(at("Cat") < at("Dan"));
  CHECK(at("Dan") < at("Ana"));
  CHECK(contains(text.out, "STOPPED since Wed 18 Nov: red flag night-pain"));
  CHECK(contains(text.out, "no log for 8 days"));
  CHECK(contains(text.out, "1 setback in 14 days"));
  CHECK(contains(text.out, "needs next-morning pain"));
  std::size_t begin = 0;
  while (begin < text.out.size()) {
    const std::size_t end = text.out.find('\n', begin);
    CHECK(end - begin <= 80);
    begin = end + 1;
  }
  // The clock's day is the default.
  CHECK(names_of(json::parse(p.run({"runners", "--format", "json"}).out)) == names_of(doc));
}

TEST_CASE("runners' JSON keeps its fields and adds each runner's attention", "[cli][caseload]") {
  InProcess p;
  fill_caseload(p);
  const json doc = json::parse(p.run({"runners", "--format", "json"}).out);
  CHECK(doc["schema"] == "runback.runners/1");
  const json& ben = doc["runners"][0];
  for (const char* field : {"name", "programme", "stage", "status", "last_log", "log_count"}) {
    CHECK(ben.contains(field));
  }
  CHECK(ben["stage"] == "1 of 13, stopped");
  const json& a = ben["attention"];
  CHECK(a["tier"] == "stopped");
  CHECK(a["stopped_on"] == "2026-11-18");
  CHECK(a["red_flags"] == json::array({"night-pain"}));
  CHECK(a["next_run"].is_null());
  CHECK(a["setbacks"] == 1);

  const json& cat = doc["runners"][1];
  CHECK(cat["attention"]["tier"] == "silent");
  CHECK(cat["attention"]["days_since_log"] == 8);
  CHECK(cat["attention"]["last_log"] == "2026-11-11");
  CHECK(cat["attention"]["missed_since_last_log"] == true);

  const json& dan = doc["runners"][2];
  CHECK(dan["attention"]["tier"] == "setbacks");
  CHECK(dan["attention"]["pain"] == json::array({2, 7}));
  CHECK(dan["attention"]["pain_trend"] == "2 7 up");

  const json& ana = doc["runners"][3];
  CHECK(ana["attention"]["tier"] == "steady");
  CHECK(ana["attention"]["days_since_log"] == 1);
  CHECK(ana["attention"]["waiting_for"] == "2026-11-18");
  CHECK(ana["attention"]["awaited"] == json::array({"next-morning pain"}));
  CHECK(ana["attention"]["next_run"] == "2026-11-20");
}

TEST_CASE("runners --sort name lists A to Z, and a bad sort or date is refused",
          "[cli][caseload]") {
  InProcess p;
  fill_caseload(p);
  CHECK(names_of(json::parse(p.run({"runners", "--sort", "name", "--format", "json"}).out)) ==
        std::vector<std::string>{"Ana", "Ben", "Cat", "Dan"});
  const auto sort = p.run({"runners", "--sort", "size"});
  CHECK(sort.exit_code == 2);
  CHECK(contains(sort.err, "--sort: size not in {attention,name}"));
  const auto date = p.run({"runners", "--date", "2026-11-31"});
  CHECK(date.exit_code == 2);
  CHECK(contains(date.err, "runback: --date: "));
  CHECK(sort.out.empty());
}

TEST_CASE("week --all --summary prints one line per runner", "[cli][caseload]") {
  InProcess p;
  fill_caseload(p);
  const auto result = p.run({"week", "--all", "--summary", "--date", "2026-11-19"});
  REQUIRE(result.exit_code == 0);
  CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 4);
  CHECK(result.out.rfind("Ana  stage 1/13   next run Fri 20 Nov", 0) == 0);
  CHECK(contains(result.out, "\nBen  stage 1/13   no running until cleared  STOPPED since"));
  CHECK(contains(result.out, "next run Fri 20 Nov"));
  CHECK(p.run({"week", "--summary"}).exit_code == 2);
  const auto as_json = p.run({"week", "--all", "--summary", "--format", "json"});
  CHECK(as_json.exit_code == 2);
  CHECK(contains(as_json.err, "--summary prints text"));
  // A name with --all would show either everyone or the wrong thing: refused, naming both ways.
  const auto named = p.run({"--runner", "Ana", "week", "--all", "--date", "2026-11-19"});
  CHECK(named.exit_code == 2);
  CHECK(named.out.empty());
  CHECK(contains(named.err,
                 "runback: --all plans every runner, so --runner Ana does not fit with "
                 "it: leave out --all for Ana's week, or --runner for everyone's"));
}

TEST_CASE("decisions lists every decision with its reason, as text, CSV and JSON",
          "[cli][caseload]") {
  InProcess p;
  fill_caseload(p);
  const auto text = p.run({"--runner", "Dan", "decisions"});
  REQUIRE(text.exit_code == 0);
  CHECK(contains(text.out, "Decisions for Dan, 2 in all:"));
  CHECK(contains(text.out, "2026-11-18 Wed  stage 1: step back (stage 1 is the first)\n"));
  CHECK(contains(text.out, "Pain during the run went above 5/10, past the acceptable zone."));

  const json doc = json::parse(p.run({"--runner", "Dan", "decisions", "--format", "json"}).out);
  CHECK(doc["schema"] == "runback.decisions/1");
  REQUIRE(doc["decisions"].size() == 2);
  CHECK(doc["decisions"][1]["kind"] == "step_back");
  CHECK(doc["decisions"][1]["rule"] == "response 'too-much-during'");

  // Ben's stop explains how to record a clearance: `runback clear --by "NAME" ...`, quotes and
  // all; a CSV reader gets each reason back whole.
  const auto csv = p.run({"--runner", "Ben", "decisions", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  const json ben = json::parse(p.run({"--runner", "Ben", "decisions", "--format", "json"}).out);
  CsvReader reader(csv.out);
  std::vector<std::string> fields;
  REQUIRE(*reader.next(fields));
  CHECK(fields == std::vector<std::string>{"date", "kind", "from_stage", "to_stage", "rest_days",
                                           "rule", "summary", "reason"});
  std::size_t rows = 0;
  while (*reader.next(fields)) {
    REQUIRE(rows < ben["decisions"].size());
    CHECK(fields[0] == ben["decisions"][rows]["date"]);
    CHECK(fields[7] == ben["decisions"][rows]["explanation"]);
    ++rows;
  }
  CHECK(rows == ben["decisions"].size());
  CHECK(contains(csv.out, "\"\"NAME\"\""));
  CHECK(contains(csv.out, "stop,1,1,0,red flag 'night-pain',stop running,"));
}

TEST_CASE("decisions --from and --to choose the days, and are checked", "[cli][caseload]") {
  InProcess p;
  fill_caseload(p);
  const json late = json::parse(
      p.run({"--runner", "Dan", "decisions", "--from", "2026-11-17", "--format", "json"}).out);
  REQUIRE(late["decisions"].size() == 1);
  CHECK(late["from"] == "2026-11-17");
  CHECK(late["decisions"][0]["date"] == "2026-11-18");
  const auto none = p.run({"--runner", "Dan", "decisions", "--to", "2026-11-15"});
  CHECK(contains(none.out, "none in that range"));
  const auto bad = p.run({"--runner", "Dan", "decisions", "--from", "2026-11-31"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "runback: --from: "));
  const auto backwards =
      p.run({"--runner", "Dan", "decisions", "--from", "2026-11-18", "--to", "2026-11-16"});
  CHECK(backwards.exit_code == 2);
  CHECK(contains(backwards.err, "--from: 2026-11-18 is after --to 2026-11-16"));
  CHECK(p.run({"--runner", "Nobody", "decisions"}).exit_code == 2);
}

TEST_CASE("history --decisions puts the stage and decision beside each log", "[cli][caseload]") {
  InProcess p;
  fill_caseload(p);
  const auto text = p.run({"--runner", "Dan", "history", "--decisions"});
  REQUIRE(text.exit_code == 0);
  CHECK(contains(text.out, "Date        Day  Stage  Session"));
  CHECK(contains(text.out, "2026-11-16  mon  1      done"));
  CHECK(contains(text.out, "step back (stage 1 is the first); calf felt \"tight\", then sore"));
  // Without the flag, history is as it was.
  CHECK_FALSE(contains(p.run({"--runner", "Dan", "history"}).out, "Stage"));

  const json doc =
      json::parse(p.run({"--runner", "Dan", "history", "--decisions", "--format", "json"}).out);
  REQUIRE(doc["logs"].size() == 2);
  CHECK(doc["logs"][1]["stage"] == 1);
  CHECK(doc["logs"][1]["decisions"][0]["kind"] == "step_back");
  CHECK(doc["logs"][1]["note"] == "calf felt \"tight\", then sore");

  const auto csv = p.run({"--runner", "Dan", "history", "--decisions", "--format", "csv"});
  CsvReader reader(csv.out);
  std::vector<std::string> fields;
  REQUIRE(*reader.next(fields));
  CHECK(fields.back() == "reason");
  REQUIRE(*reader.next(fields));
  REQUIRE(*reader.next(fields));
  CHECK(fields[12] == "1");
  CHECK(fields[13] == "step back (stage 1 is the first)");
  CHECK(contains(fields[14], "Pain during the run went above 5/10, past the acceptable zone."));
}

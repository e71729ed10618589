// A runner's week where people look: on a phone, in a narrow terminal. The week of every shipped
// protocol, a runner's second (the first logged as it went well), fits 80 columns and 40 lines,
// and no width splits a word.
// `today` shows one day; `--width` and `--color` are checked.

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "in_process.hpp"
#include "journey.hpp"
#include "protocol/shipped_fixture.hpp"
#include "support/wrapped_text.hpp"
#include "util/date.hpp"

using namespace runback;
using namespace runback::testing;
using json = nlohmann::json;

namespace {

const Date kStart = make_date(2026, 11, 2);  // a Monday

bool contains(const std::string& text, const std::string& part) {
  return unwrapped(text).find(part) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Columns on a terminal: one per UTF-8 character ("×" is two bytes, one column).
int columns(const std::string& line) {
  int n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// The words of a text in order, without the " \" that continues a wrapped command.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    if (word != "\\") words.push_back(word);
  }
  return words;
}

CommandResult ok(const InProcess& r, const std::vector<std::string>& args) {
  auto result = r.run(args);
  INFO("runback " << args.front() << ": " << result.err << result.out);
  REQUIRE(result.exit_code == 0);
  return result;
}

// Values a runner with no trouble gives (as tests/cli/journeys_test.cpp's clean runner).
std::string clean(const std::string& flag, const json& field) {
  if (field["yes_no"]) return "yes";
  if (flag.rfind("--", 0) == 0 || flag == "morning-stiffness") return "0";
  const int hi = field["max"].get<int>();
  return hi == 10 ? "0" : std::to_string(std::min(hi, 30));
}

// A runner on `protocol` who has followed its first week, logging every value it asked for.
void start_and_follow_week_one(InProcess& r, const std::string& protocol) {
  std::vector<std::string> start{"--runner",          "Sam",          "start",
                                 "--protocol",        protocol,       "--start",
                                 format_date(kStart), "--usual-pain", "0"};
  if (protocol == "patellofemoral") start.insert(start.end(), {"--param", "baseline_cadence=162"});
  r.clock().set(kStart);
  ok(r, start);
  for (int i = 0; i < 8; ++i) {
    const Date day = kStart + std::chrono::days{i};
    r.clock().set(day);
    const json week =
        json::parse(ok(r, {"week", "--date", format_date(day), "--format", "json"}).out);
    for (const json& reminder : reminders_on(week, format_date(day))) {
      ok(r, typed_command(reminder, clean));
    }
  }
}

}  // namespace

TEST_CASE("a runner's week on every shipped protocol fits 80 columns and its line budget",
          "[cli][week][layout]") {
  for (const std::string& protocol : all_shipped()) {
    DYNAMIC_SECTION(protocol) {
      InProcess r;
      start_and_follow_week_one(r, protocol);
      const std::string monday = format_date(kStart + std::chrono::days{7});
      const std::string text = ok(r, {"week", "--date", monday, "--width", "80"}).out;
      INFO(text);
      const auto lines = lines_of(text);
      CHECK(lines.size() <= 40);
      for (const std::string& line : lines) {
        INFO(line);
        CHECK(columns(line) <= 80);
      }
      // Without --width, the output is no terminal: 80 columns, the same text, and no colour.
      const std::string plain = ok(r, {"week", "--date", monday}).out;
      CHECK(plain == text);
      CHECK_FALSE(contains(plain, "\x1b["));
      // A narrow terminal gets the same words, none split, each line within 40 columns unless
      // one word alone is longer.
      const std::string narrow = ok(r, {"week", "--date", monday, "--width", "40"}).out;
      CHECK(words_of(narrow) == words_of(text));
      for (const std::string& line : lines_of(narrow)) {
        INFO(line);
        CHECK((columns(line) <= 40 || words_of(line).size() == 1));
      }
      // The days still say what to log: every command of the JSON's reminders is in the text.
      const json week = json::parse(ok(r, {"week", "--date", monday, "--format", "json"}).out);
      for (const json& day : week["days"]) {
        if (day["date"].get<std::string>() < monday) continue;
        for (const json& reminder : day["reminders"]) {
          const auto command = words_of(reminder["command"].get<std::string>());
          const auto all = words_of(narrow);
          CHECK(std::search(all.begin(), all.end(), command.begin(), command.end()) != all.end());
        }
      }
    }
  }
}

TEST_CASE("today shows one day and what to log, a next-morning value for yesterday's run too",
          "[cli][today][layout]") {
  InProcess r;
  r.clock().set(kStart);
  ok(r, {"--runner", "Maya", "start", "--protocol", "achilles-midportion", "--start",
         format_date(kStart), "--usual-pain", "0", "--days", "mon,wed,fri"});
  const std::string monday = ok(r, {"today", "--date", "2026-11-02"}).out;
  INFO(monday);
  CHECK(contains(monday, "Maya, Mon 2 Nov"));
  CHECK(contains(monday, "6 × (run 1 min / walk 1 min)"));
  CHECK(contains(monday, "runback log 2026-11-02 --pain-during N"));
  CHECK(contains(monday, "--session partial"));
  CHECK_FALSE(contains(monday, "Tue 3 Nov"));
  ok(r, {"log", "2026-11-02", "--pain-during", "1"});
  const std::string tuesday = ok(r, {"today", "--date", "2026-11-03"}).out;
  INFO(tuesday);
  CHECK(contains(tuesday, "Tue 3 Nov (today): rest day."));
  CHECK(contains(tuesday, "This morning, log for yesterday's run"));
  CHECK(contains(tuesday, "runback log 2026-11-02 --pain-morning N"));
  CHECK(contains(tuesday, "Next run: Wed 4 Nov"));
  CHECK_FALSE(contains(tuesday, "Wed 4 Nov:"));
  // The day in full: its exercises and recovery with their details, and the questions.
  CHECK(lines_of(tuesday).size() <= 30);
  for (const std::string& line : lines_of(tuesday)) CHECK(columns(line) <= 80);
  // Without the next-morning value, the day after still asks for it, for Monday's run.
  const std::string wednesday = ok(r, {"today", "--date", "2026-11-04"}).out;
  INFO(wednesday);
  CHECK(contains(wednesday, "This morning, log for the run on Mon 2 Nov"));
  CHECK(contains(wednesday, "runback log 2026-11-02 --pain-morning N"));
  CHECK(contains(wednesday, "runback log 2026-11-04 --pain-during N"));
  // Its JSON is the week's document, with the one day.
  const json one = json::parse(ok(r, {"today", "--date", "2026-11-04", "--format", "json"}).out);
  CHECK(one["schema"] == "runback.week/1");
  REQUIRE(one["days"].size() == 1);
  CHECK(one["days"][0]["date"] == "2026-11-04");
}

TEST_CASE("week and today take a width of 40 to 200 columns and say so otherwise",
          "[cli][week][today][layout]") {
  InProcess r;
  r.clock().set(kStart);
  ok(r, {"start", "--protocol", "general-return", "--start", format_date(kStart), "--usual-pain",
         "0"});
  for (const std::string command : {"week", "today"}) {
    for (const std::string width : {"39", "201", "0", "-5", "wide", "80x"}) {
      const auto refused = r.run({command, "--width", width});
      INFO(command << " --width " << width << ": " << refused.err);
      CHECK(refused.exit_code == 2);
      CHECK(refused.out.empty());
      CHECK(contains(refused.err, "--width"));
      CHECK(contains(refused.err, "40 to 200"));
    }
    CHECK(r.run({command, "--width", "40"}).exit_code == 0);
    CHECK(r.run({command, "--width", "200"}).exit_code == 0);
    const auto colour = r.run({command, "--color", "sometimes"});
    CHECK(colour.exit_code == 2);
    CHECK(contains(colour.err, "--color"));
    CHECK(contains(colour.err, "never, auto, always"));
  }
}

TEST_CASE("colour marks a stop and the red flags only when asked for", "[cli][week][layout]") {
  InProcess r;
  r.clock().set(kStart);
  ok(r, {"start", "--protocol", "general-return", "--start", format_date(kStart), "--usual-pain",
         "0"});
  r.clock().set(kStart + std::chrono::days{2});
  ok(r, {"log", "2026-11-03", "--pain-during", "1", "--red-flag", "night-pain"});
  const std::string always = ok(r, {"week", "--date", "2026-11-04", "--color", "always"}).out;
  // Red (bold) for the stop, the red flags and the days without running; reset after each.
  CHECK(contains(always, "\x1b[1;31mStage 1 of"));
  CHECK(contains(always, "\x1b[1;31mRed flags: stop running and see your clinician"));
  CHECK(contains(always, "\x1b[1;31mWed 4 Nov (today): no running."));
  CHECK(contains(always, "\x1b[0m\n"));
  const std::string today = ok(r, {"today", "--date", "2026-11-04", "--color", "always"}).out;
  CHECK(contains(today, "\x1b[1;31m"));
  // The same words without colour: never, and auto when the output is not a terminal.
  const std::string never = ok(r, {"week", "--date", "2026-11-04", "--color", "never"}).out;
  const std::string automatic = ok(r, {"week", "--date", "2026-11-04"}).out;
  CHECK_FALSE(contains(never, "\x1b"));
  CHECK(automatic == never);
  CHECK(words_of(never).size() == words_of(always).size());
  // JSON never has colour.
  const std::string json_out =
      ok(r, {"week", "--date", "2026-11-04", "--format", "json", "--color", "always"}).out;
  CHECK_FALSE(contains(json_out, "\x1b"));
}

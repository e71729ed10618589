// Journeys through the command layer: a runner reads each day's plan (`week --format json`), types
// exactly the `runback log` commands it gives with chosen values, and the decisions are the ones
// the protocol's rules demand. Dates are explicit and in the past, as a runner catching up would.

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "journey.hpp"
#include "util/date.hpp"

using namespace runback;
using namespace runback::testing;
using json = nlohmann::json;

namespace {

const Date kStart = make_date(2025, 6, 2);  // a Monday, long past

struct Runner {
  std::shared_ptr<TempDir> dir = std::make_shared<TempDir>(scratch_base());

  std::map<std::string, std::string> env() const {
    return {{"XDG_CONFIG_HOME", dir->file("config")},
            {"XDG_DATA_HOME", dir->file("data")},
            {"HOME", dir->path()},
            {"RUNBACK_DB", dir->file("runback.db")}};
  }
  CommandResult run(const std::vector<std::string>& args) const { return run_command(args, env()); }
  CommandResult ok(const std::vector<std::string>& args) const {
    auto result = run(args);
    INFO("runback " << args.front() << " " << (args.size() > 1 ? args[1] : "") << ": " << result.err
                    << result.out);
    REQUIRE(result.exit_code == 0);
    return result;
  }
  json week(Date day) const {
    return json::parse(ok({"week", "--date", format_date(day), "--format", "json"}).out);
  }
  json status(Date day) const {
    return json::parse(ok({"status", "--date", format_date(day), "--format", "json"}).out);
  }
};

Runner start(const std::string& protocol, const std::vector<std::string>& extra = {}) {
  Runner r;
  std::vector<std::string> args{"start", "--protocol", protocol, "--start", format_date(kStart)};
  args.insert(args.end(), extra.begin(), extra.end());
  if (protocol == "patellofemoral") args.insert(args.end(), {"--param", "baseline_cadence=162"});
  r.ok(args);
  return r;
}

// Values a runner with no trouble gives: no pain, the usual morning pain, plugin answers that
// hold nobody back.
FillValue clean(int usual_pain = 0) {
  return [usual_pain](const std::string& flag, const json& field) -> std::string {
    if (field["yes_no"]) return "yes";
    if (flag == "--pain-morning") return std::to_string(usual_pain);
    if (flag == "--pain-during" || flag == "--pain-after" || flag == "--stiffness-min") return "0";
    if (flag == "morning-stiffness") return "0";
    const int hi = field["max"].get<int>();
    if (hi == 10) return std::string("0");    // a 0-10 score is a pain score: none
    return std::to_string(std::min(hi, 30));  // heel raises, hops: a steady good number
  };
}

// One day of following the plan: every reminder shown for `day`, typed with `fill`.
void follow_day(const Runner& r, Date day, const FillValue& fill) {
  const json week = r.week(day);
  for (const json& reminder : reminders_on(week, format_date(day))) {
    r.ok(typed_command(reminder, fill));
  }
}

// Follows the plan from the start for `days` days; returns the day the programme completed.
std::optional<Date> follow(const Runner& r, int days, const FillValue& fill) {
  for (int i = 0; i < days; ++i) {
    const Date day = kStart + std::chrono::days{i};
    follow_day(r, day, fill);
    const json status = r.status(day);
    if (status["complete"] == true) {
      for (const auto& d : status["decisions"]) {
        if (d["kind"] == "complete") return *parse_date(d["date"].get<std::string>());
      }
    }
  }
  return std::nullopt;
}

std::vector<json> decisions(const Runner& r, Date day) {
  std::vector<json> out;
  auto all = json::parse(r.ok({"status", "--date", format_date(day), "--format", "json"}).out);
  for (const auto& d : all["decisions"]) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("journey: clean runs advance at the protocol's rate on every shipped protocol",
          "[cli][journey]") {
  for (const std::string protocol :
       {"achilles-midportion", "patellofemoral", "hip-gluteal", "general-return",
        "post-acl-run-walk", "bone-stress-walk-jog"}) {
    DYNAMIC_SECTION(protocol) {
      Runner r = start(protocol, {"--usual-pain", "0"});
      std::vector<std::string> simulate{"protocol",          "simulate", protocol, "--start",
                                        format_date(kStart), "--format", "json"};
      if (protocol == "patellofemoral") simulate.push_back("--param=baseline_cadence=162");
      // No pain at all is allowed at the bone (bone-stress-walk-jog) and under 2/10 after an ACL
      // reconstruction (post-acl-run-walk), below the steady profile's: the simulation is told
      // the clean runs the journey logs.
      if (protocol == "post-acl-run-walk" || protocol == "bone-stress-walk-jog") {
        const std::string symptoms = r.dir->file("clean-symptoms.txt");
        std::ofstream out(symptoms);
        for (int i = 0; i < 200; ++i) out << "during=0 after=0 morning=0\n";
        simulate.insert(simulate.end(), {"--symptoms", symptoms});
      }
      const json predicted = json::parse(r.ok(simulate).out);
      REQUIRE(predicted["completed"].is_string());
      const auto completed = follow(r, 200, clean());
      REQUIRE(completed);
      CHECK(format_date(*completed) == predicted["completed"]);
      // Six weeks in, every view names the same stage.
      const Date six_weeks = kStart + std::chrono::days{42};
      const int stage = r.status(six_weeks)["stage"]["number"];
      CHECK(r.week(six_weeks)["status"]["stage"]["number"] == stage);
      WARN(protocol << ": stage " << stage << " of " << r.status(six_weeks)["stages"]
                    << " after six weeks; completed " << format_date(*completed));
    }
  }
}

TEST_CASE("journey: a usual morning pain above 0 never causes a setback", "[cli][journey]") {
  Runner r = start("achilles-midportion", {"--usual-pain", "2", "--days", "mon,wed,fri"});
  follow(r, 21, clean(2));
  for (const json& d : decisions(r, kStart + std::chrono::days{21})) {
    INFO(d.dump());
    CHECK(d["kind"] != "repeat");
    CHECK(d["kind"] != "step_back");
  }
  CHECK(r.status(kStart + std::chrono::days{21})["stage"]["number"] > 1);
}

TEST_CASE("journey: a rise above the usual pain is measured from it, and said so",
          "[cli][journey]") {
  Runner r = start("achilles-midportion", {"--usual-pain", "1", "--days", "mon,wed,fri"});
  r.ok({"log", format_date(kStart), "--pain-during", "0"});
  const auto said = r.ok({"log", format_date(kStart), "--pain-morning", "3"});
  CHECK(said.out.find("up from your usual 1/10") != std::string::npos);
}

TEST_CASE("journey: preferred days are kept, after a setback too", "[cli][journey]") {
  Runner r = start("achilles-midportion", {"--usual-pain", "0", "--days", "tue,thu,sat"});
  int bad_days = 0;
  for (int i = 0; i < 28; ++i) {
    const Date day = kStart + std::chrono::days{i};
    const json week = r.week(day);
    for (const auto& d : week["days"]) {
      if (d["run"].is_null() || d["run"]["logged"] == true) continue;
      const std::string weekday = d["weekday"];
      INFO(d["date"]);
      CHECK((weekday == "tue" || weekday == "thu" || weekday == "sat"));
    }
    // One bad run in the second week: pain above the limit means rest, then the next run on
    // the next preferred day.
    const bool bad = i == 8 && bad_days++ == 0;
    follow_day(r, day, [&](const std::string& flag, const json& field) {
      if (bad && flag == "--pain-during") return std::string("7");
      return clean()(flag, field);
    });
  }
}

TEST_CASE("journey: days that cannot hold the runs are said at start, and changed later",
          "[cli][journey]") {
  Runner r;
  const auto started = r.ok({"start", "--protocol", "general-return", "--usual-pain", "0",
                             "--start", format_date(kStart), "--days", "mon,tue,wed"});
  CHECK(started.out.find("do not fit") != std::string::npos);
  const auto changed = r.ok({"program", "days", "tue,thu,sat", "--from", "2025-06-09"});
  CHECK(changed.out.find("run days from 2025-06-09") != std::string::npos);
  const json week = r.week(make_date(2025, 6, 9));
  for (const auto& d : week["days"]) {
    if (d["run"].is_null()) continue;
    const std::string weekday = d["weekday"];
    CHECK((weekday == "tue" || weekday == "thu" || weekday == "sat"));
  }
}

TEST_CASE("journey: missed runs are shown and counted, and a long break steps back",
          "[cli][journey]") {
  Runner r = start("achilles-midportion", {"--usual-pain", "0", "--days", "mon,wed,fri"});
  follow(r, 14, clean());  // two good weeks
  const int before = r.status(kStart + std::chrono::days{13})["stage"]["number"];
  // Then nothing at all for 12 days.
  const Date later = kStart + std::chrono::days{26};
  const json status = r.status(later);
  CHECK(status["missed_runs"].get<int>() >= 4);
  bool shown = false;
  const json week16 = r.week(kStart + std::chrono::days{16});
  for (const auto& d : week16["days"]) {
    if (!d["run"].is_null() && d["run"]["missed"] == true) shown = true;
  }
  CHECK(shown);
  const auto text = r.ok({"week", "--date", format_date(kStart + std::chrono::days{16})}).out;
  CHECK(text.find("missed run") != std::string::npos);
  // achilles-midportion steps back after 7 days without running: every view says so at once.
  CHECK(status["stage"]["number"].get<int>() < before);
  CHECK(r.week(later)["status"]["stage"]["number"] == status["stage"]["number"]);
  CHECK(status["last_decision"]["kind"] == "break_back");
}

TEST_CASE("journey: a red flag stops running at once, and a clearance on a past date resumes",
          "[cli][journey]") {
  Runner r = start("general-return", {"--usual-pain", "0"});
  follow(r, 7, clean());
  const Date flagged = kStart + std::chrono::days{7};
  const auto said = r.ok({"log", format_date(flagged), "--red-flag", "night-pain"});
  CHECK(said.out.find("Stop running") != std::string::npos);
  CHECK(r.status(flagged + std::chrono::days{3})["stopped"] == true);
  const json held = r.week(flagged + std::chrono::days{3});
  for (const auto& d : held["days"]) {
    if (d["date"] >= format_date(flagged)) CHECK(d["run"].is_null());
  }
  r.ok({"clear", "--by", "Jo Patel", "--date", format_date(flagged + std::chrono::days{2})});
  const json after = r.status(flagged + std::chrono::days{4});
  CHECK(after["stopped"] == false);
  CHECK(after["next_run"].is_string());
}

TEST_CASE("journey: a skipped and a partial session repeat the stage", "[cli][journey]") {
  Runner r = start("general-return", {"--usual-pain", "0", "--days", "mon,wed,fri"});
  r.ok({"log", format_date(kStart), "--session", "skipped"});
  const Date wed = kStart + std::chrono::days{2};
  r.ok(
      {"log", format_date(wed), "--session", "partial", "--pain-during", "1", "--pain-after", "1"});
  const auto said = r.ok({"log", format_date(wed), "--pain-morning", "0"});
  CHECK(said.out.find("Repeat stage 1") != std::string::npos);
  auto all = decisions(r, wed + std::chrono::days{1});
  REQUIRE(all.size() >= 2);
  CHECK(all[0]["kind"] == "repeat");
  CHECK(all[1]["kind"] == "repeat");
}

TEST_CASE("journey: a plugin answer holds the runner back", "[cli][journey]") {
  Runner r = start("achilles-midportion", {"--usual-pain", "0", "--days", "mon,wed,fri"});
  follow(r, 8, [](const std::string& flag, const json& field) {
    if (flag == "heel-raises") return std::string("3");  // far below what moving on needs
    return clean()(flag, field);
  });
  const json status = r.status(kStart + std::chrono::days{8});
  CHECK(status["stage"]["number"] == 1);
  CHECK(status["last_decision"]["explanation"].get<std::string>().find("heel raises") !=
        std::string::npos);
}

TEST_CASE("journey: a run on a day without one planned is recorded and explained",
          "[cli][journey]") {
  Runner r = start("general-return", {"--usual-pain", "0", "--days", "mon,wed,fri"});
  const Date tue = kStart + std::chrono::days{1};
  const auto said = r.ok({"log", format_date(tue), "--pain-during", "1", "--pain-after", "1"});
  CHECK(said.out.find("No run was planned on " + format_date(tue)) != std::string::npos);
  const json week = r.week(tue);
  CHECK(week["days"][1]["run"]["unplanned"] == true);
  CHECK(week["days"][1]["run"]["outcome"] == "done");
}

TEST_CASE("journey: bad news arrives when it is logged, not the next morning", "[cli][journey]") {
  Runner r = start("achilles-midportion", {"--usual-pain", "0", "--days", "mon,wed,fri"});
  const auto over = r.ok({"log", format_date(kStart), "--pain-during", "6"});
  CHECK(over.out.find("this protocol allows 5/10") != std::string::npos);
  CHECK(over.out.find("will not count") != std::string::npos);
  CHECK(over.out.find("runback log " + format_date(kStart) + " --pain-morning N") !=
        std::string::npos);
  const auto json_said = json::parse(r.ok({"log", format_date(kStart + std::chrono::days{2}),
                                           "--red-flag", "night-pain", "--format", "json"})
                                         .out);
  CHECK(json_said["checkpoints"][0]["decision"]["kind"] == "stop");
}

TEST_CASE("journey: a mistaken answer is refused before anything is written", "[cli][journey]") {
  Runner r = start("achilles-midportion", {"--usual-pain", "0"});
  const auto bad =
      r.run({"log", format_date(kStart), "--pain-during", "1", "--answer", "heel-raises=lots"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("heel-raises='lots' is not a number from 0 to 100") != std::string::npos);
  const auto history = json::parse(r.ok({"history", "--format", "json"}).out);
  CHECK(history["logs"].empty());
  const auto missing = r.run({"start", "--protocol", "general-return", "--replace"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("--usual-pain") != std::string::npos);
}

// Seeded random journeys through the command layer and a real SQLite store: a runner follows the
// week's own log commands (mostly), misses runs, skips or cuts sessions short, has bad days and
// red flags and gets cleared; on every day, `status`, `week`, `week --all` and `runners` must
// tell the same story (stage, good runs, hold, what is waited for, next run, last decision).

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "in_process.hpp"
#include "journey.hpp"
#include "util/date.hpp"

using namespace runback;
using namespace runback::testing;
using json = nlohmann::json;

namespace {

// The shipped protocols, format 2's included (a calendar, session lists, walk-only days).
const std::vector<std::string> kProtocols = {"achilles-midportion", "patellofemoral",
                                             "hip-gluteal",         "general-return",
                                             "post-acl-run-walk",   "bone-stress-walk-jog"};

struct Step {
  Date day;
  std::vector<std::string> args;
};

struct Journey {
  std::string protocol;
  int usual_pain = 0;
  std::string days;  // "" or "mon,wed,fri"
  Date start;
  int length = 21;
  std::vector<Step> steps;  // everything typed after `start`, in order
};

std::vector<std::string> start_args(const Journey& j) {
  std::vector<std::string> args{
      "start",   "--protocol",        j.protocol, "--usual-pain", std::to_string(j.usual_pain),
      "--start", format_date(j.start)};
  if (!j.days.empty()) args.insert(args.end(), {"--days", j.days});
  if (j.protocol == "patellofemoral") args.insert(args.end(), {"--param", "baseline_cadence=162"});
  return args;
}

std::string describe(const Journey& j) {
  std::string out;
  for (const auto& a : start_args(j)) out += a + " ";
  out += "\n";
  for (const Step& step : j.steps) {
    out += "  on " + format_date(step.day) + ":";
    for (const auto& a : step.args) out += " " + a;
    out += "\n";
  }
  return out;
}

json standing_of(const json& s) {
  json last = nullptr;
  if (!s["last_decision"].is_null()) {
    last = json{{"date", s["last_decision"]["date"]},
                {"kind", s["last_decision"]["kind"]},
                {"explanation", s["last_decision"]["explanation"]}};
  }
  return json{{"stage", s["stage"]["number"]}, {"good_runs", s["good_runs_in_a_row"]},
              {"complete", s["complete"]},     {"stopped", s["stopped"]},
              {"waiting", s["waiting"]},       {"missed_runs", s["missed_runs"]},
              {"next_run", s["next_run"]},     {"last_decision", last}};
}

// The four views of the clock's day; an empty string when they agree, else what differs.
// `week`: that day's `week --format json`, when the caller has just run it.
std::string disagreement(InProcess& p, const CommandResult* week_run = nullptr) {
  const auto status = p.run({"status", "--format", "json"});
  const auto week = week_run ? *week_run : p.run({"week", "--format", "json"});
  const auto all = p.run({"week", "--all", "--format", "json"});
  const auto runners = p.run({"runners", "--format", "json"});
  for (const auto* r : {&status, &week, &all, &runners}) {
    if (r->exit_code != 0) return "a view failed: " + r->err;
  }
  const json views[] = {standing_of(json::parse(status.out)),
                        standing_of(json::parse(week.out)["status"]),
                        standing_of(json::parse(all.out)["runners"][0]["status"]),
                        standing_of(json::parse(runners.out)["runners"][0]["status"])};
  const char* names[] = {"status", "week", "week --all", "runners"};
  for (int i = 1; i < 4; ++i) {
    if (views[i] != views[0]) {
      return std::string(names[i]) + " says " + views[i].dump() + "\n  but status says " +
             views[0].dump();
    }
  }
  const json& s = views[0];
  if (!s["last_decision"].is_null() && s["last_decision"]["explanation"] == "") {
    return "the last decision has no explanation";
  }
  const json full = json::parse(status.out);
  if (full["good_runs_in_a_row"] > full["runs_to_move_up"] && full["can_move_up_from"].is_null()) {
    return "more good runs than needed, with nothing holding the runner: " + status.out;
  }
  return "";
}

// Replays a journey from scratch, checking every day as `follow` does; the first disagreement.
std::string replay(const Journey& j) {
  InProcess p;
  p.clock().set(j.start);
  if (p.run(start_args(j)).exit_code != 0) return "start failed";
  std::size_t next = 0;
  for (int i = 0; i < j.length; ++i) {
    const Date day = j.start + std::chrono::days{i};
    p.clock().set(day);
    if (auto problem = disagreement(p); !problem.empty()) {
      return "on " + format_date(day) + ": " + problem;
    }
    while (next < j.steps.size() && j.steps[next].day == day) p.run(j.steps[next++].args);
  }
  if (auto problem = disagreement(p); !problem.empty()) return "at the end: " + problem;
  return "";
}

// Follows the plan for `length` days with random deviations, recording what was typed and
// checking the views every day. Returns the first disagreement, or "".
std::string follow(Journey& j, std::mt19937_64& rng) {
  auto chance = [&](int percent) { return int(rng() % 100) < percent; };
  InProcess p;
  p.clock().set(j.start);
  const auto started = p.run(start_args(j));
  if (started.exit_code != 0) return "start failed: " + started.err;
  int days_stopped = 0;
  for (int i = 0; i < j.length; ++i) {
    const Date day = j.start + std::chrono::days{i};
    const std::string date = format_date(day);
    p.clock().set(day);
    auto type = [&](std::vector<std::string> args) {
      p.run(args);
      j.steps.push_back({day, std::move(args)});
    };
    // The views are compared at the start of each day (what the runner sees before typing),
    // and once more after the last day's logs.
    const CommandResult week_run = p.run({"week", "--format", "json"});
    if (auto problem = disagreement(p, &week_run); !problem.empty()) {
      return "on " + date + ": " + problem;
    }
    const json week = json::parse(week_run.out);
    const bool stopped = week["status"]["stopped"];
    days_stopped = stopped ? days_stopped + 1 : 0;
    if (stopped && days_stopped >= 3 && chance(40)) type({"clear", "--by", "Dr Test"});
    const bool bad_day = chance(12);
    FillValue fill = [&](const std::string& flag, const json& field) -> std::string {
      if (field["yes_no"]) return chance(90) ? "yes" : "no";
      if (flag == "--pain-during" || flag == "--pain-after") {
        return std::to_string(bad_day ? 3 + int(rng() % 5) : int(rng() % 3));
      }
      if (flag == "--pain-morning") {
        return std::to_string(std::min(10, j.usual_pain + (bad_day ? 1 + int(rng() % 3) : 0)));
      }
      if (flag == "--stiffness-min") return std::to_string(bad_day ? 40 : 5);
      const int lo = field["min"].get<int>(), hi = field["max"].get<int>();
      if (hi == 10) return std::to_string(bad_day ? 6 : int(rng() % 2));  // a pain score
      return std::to_string(bad_day ? lo : std::max(lo, std::min(hi, 30)));
    };
    for (const json& reminder : reminders_on(week, date)) {
      if (chance(8)) continue;  // forgot, or did not run: nothing logged
      std::vector<std::string> args = typed_command(reminder, fill);
      if (reminder["when"] != "next_morning") {
        if (chance(5))
          args = {"log", date, "--session", "skipped"};
        else if (chance(5))
          args.insert(args.end(), {"--session", "partial"});
      }
      type(args);
    }
    if (chance(2)) type({"log", date, "--red-flag", "night-pain"});
    if (chance(2)) type({"log", date, "--pain-during", "1", "--pain-after", "1"});  // unplanned
  }
  if (auto problem = disagreement(p); !problem.empty()) return "at the end: " + problem;
  return "";
}

// Drops steps one at a time while the journey still fails: the smallest story that shows it.
Journey shrink(Journey j) {
  for (std::size_t i = j.steps.size(); i-- > 0;) {
    Journey smaller = j;
    smaller.steps.erase(smaller.steps.begin() + std::ptrdiff_t(i));
    if (!replay(smaller).empty()) j = std::move(smaller);
  }
  return j;
}

// Journeys per test case (four cases share the work, so ctest -j runs them side by side): 600 in
// all in a plain build, about half a minute a case, 40 in a sanitizer build (tests/CMakeLists.txt);
// RUNBACK_JOURNEYS=500 runs the 2,000 of a deeper check.
int journey_count() {
  if (const char* count = std::getenv("RUNBACK_JOURNEYS")) return std::max(1, std::atoi(count));
#ifdef RUNBACK_DEFAULT_JOURNEYS
  return RUNBACK_DEFAULT_JOURNEYS;
#else
  return 150;
#endif
}

void check_journeys(int first_seed) {
  const int count = journey_count();
  const std::vector<std::string> day_sets = {"",        "mon,wed,fri", "tue,thu,sat",
                                             "sat,sun", "mon,tue,wed", "mon,wed,fri,sun"};
  for (int n = 0; n < count; ++n) {
    const std::uint64_t seed = std::uint64_t(first_seed) * 100000 + std::uint64_t(n);
    std::mt19937_64 rng(seed);
    Journey j;
    j.protocol = kProtocols[rng() % kProtocols.size()];
    j.usual_pain = int(rng() % 4);
    j.days = day_sets[rng() % day_sets.size()];
    j.start = make_date(2026, 3, 2) + std::chrono::days{int(rng() % 7)};
    j.length = 10 + int(rng() % 15);
    const std::string problem = follow(j, rng);
    if (!problem.empty()) {
      const Journey small = shrink(j);
      FAIL("journey " << n << " (seed " << seed << ") " << problem << "\nshrunk:\n"
                      << describe(small) << "which fails " << replay(small));
    }
  }
  SUCCEED(count << " journeys checked");
}

}  // namespace

TEST_CASE("every view tells the same story on every day of random journeys (1 of 4)",
          "[cli][journey][property]") {
  check_journeys(1);
}
TEST_CASE("every view tells the same story on every day of random journeys (2 of 4)",
          "[cli][journey][property]") {
  check_journeys(2);
}
TEST_CASE("every view tells the same story on every day of random journeys (3 of 4)",
          "[cli][journey][property]") {
  check_journeys(3);
}
TEST_CASE("every view tells the same story on every day of random journeys (4 of 4)",
          "[cli][journey][property]") {
  check_journeys(4);
}

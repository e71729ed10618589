// What goes into each calendar entry (report/plan_icalendar.hpp), apart from the iCalendar
// format (tests/ical).
#include <algorithm>
#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "report/plan_icalendar.hpp"
#include "runback_syntax.hpp"

using namespace runback;
using runback::cli::runback_syntax;
using namespace runback::test;
using std::chrono::days;

namespace {

const Date kMonday = make_date(2026, 11, 2);

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct Fixture {
  Protocol protocol = [] {
    Protocol p = soreness_protocol();
    for (Stage& stage : p.stages) stage.surface = "flat, soft; grass or track";
    return p;
  }();
  Programme programme = programme_for(protocol, kMonday, 2);
  std::vector<DayLog> logs = {session(kMonday, 1, 0)};
  std::vector<Clearance> clearances;

  CalendarDocument calendar(Date today, int weeks = 2) const {
    const PlanRequest request{protocol, nullptr,   programme, logs, clearances, today,
                              today,    7 * weeks, 730,       0,    true};
    CalendarRequest what;
    what.runner = "Sam";
    what.product = "-//runback//test//EN";
    what.time_zone = "Europe/London";
    what.today = today;
    what.sequence = int(logs.size());
    return plan_calendar(protocol, make_plan(request), what, runback_syntax());
  }
};

const CalendarEvent* event_on(const CalendarDocument& document, Date date,
                              const std::string& category) {
  for (const CalendarEvent& event : document.events) {
    if (event.date == date && event.category == category) return &event;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a calendar has an entry for each planned run, with the day's whole session",
          "[report][icalendar]") {
  Fixture f;
  const Date today = kMonday + days{1};
  const CalendarDocument doc = f.calendar(today);
  CHECK(doc.name == "Sam's runback plan: " + f.protocol.title);
  CHECK(doc.time_zone == "Europe/London");
  CHECK(doc.stamp == today);
  CHECK(doc.sequence == 1);
  // Monday's logged run is in the past, Tuesday is the rest the checkpoint asked for.
  CHECK(event_on(doc, kMonday, "Run") == nullptr);
  CHECK(event_on(doc, today, "Run") == nullptr);
  const CalendarEvent* thursday = event_on(doc, kMonday + days{3}, "Run");
  REQUIRE(thursday != nullptr);
  CHECK(thursday->uid == calendar_uid("Sam", "run", kMonday + days{3}));
  CHECK(thursday->summary.rfind("Run: stage 2 of 6, Stage 2 (", 0) == 0);
  CHECK(
      contains(thursday->description, "Walk 5 min to warm up, then 5 × (run 2 min / walk 1 min)"));
  CHECK(contains(thursday->description, "Surface: flat, soft; grass or track\n"));
  CHECK(contains(thursday->description,
                 "After the run, log: pain during the run (0-10)\n"
                 "    runback log 2026-11-05 --pain-during N\n"));
  CHECK(!thursday->alarm);
  // Runs are on their own days, each once.
  for (const CalendarEvent& event : doc.events) {
    CHECK(event.date >= today);
    CHECK(event.date < today + days{14});
    CHECK(std::count_if(doc.events.begin(), doc.events.end(),
                        [&](const CalendarEvent& other) { return other.uid == event.uid; }) == 1);
  }
}

TEST_CASE("a reminder entry on each morning a checkpoint waits for a value",
          "[report][icalendar]") {
  Fixture f;
  const CalendarDocument doc = f.calendar(kMonday + days{1});
  const CalendarEvent* friday = event_on(doc, kMonday + days{4}, "Log");
  REQUIRE(friday != nullptr);
  CHECK(friday->uid == calendar_uid("Sam", "log", kMonday + days{4}));
  CHECK(friday->summary == "Log for yesterday's run");
  CHECK(contains(friday->description,
                 "This morning, log for yesterday's run: pain the next morning (0-10)\n"
                 "    runback log 2026-11-05 --pain-morning N\n"));
  REQUIRE(friday->alarm);
  CHECK(friday->alarm->hour == 8);
  CHECK(contains(friday->alarm->text, "runback log 2026-11-05 --pain-morning N"));
  // Every run's next morning has one, while the protocol asks for next-morning pain.
  for (const CalendarEvent& event : doc.events) {
    if (event.category != "Run") continue;
    CHECK(event_on(doc, event.date + days{1}, "Log") != nullptr);
  }
}

TEST_CASE("later runs say they depend on the runs before them", "[report][icalendar]") {
  Fixture f;
  const CalendarDocument doc = f.calendar(kMonday + days{1}, 4);
  std::vector<const CalendarEvent*> runs;
  for (const CalendarEvent& event : doc.events) {
    if (event.category == "Run") runs.push_back(&event);
  }
  REQUIRE(runs.size() >= 4);
  CHECK(!contains(runs.front()->description, "Planned if the runs before it go well"));
  CHECK(contains(runs.back()->description, "Planned if the runs before it go well"));
}

TEST_CASE("an entry keeps its id when the plan is written again later", "[report][icalendar]") {
  Fixture f;
  const CalendarDocument before = f.calendar(kMonday + days{1});
  // Thursday's run is logged, well; the next morning too.
  f.logs.push_back(session(kMonday + days{3}, 0, 0));
  const CalendarDocument after = f.calendar(kMonday + days{5});
  CHECK(after.sequence == before.sequence + 1);
  CHECK(after.stamp > before.stamp);
  int shared = 0;
  for (const CalendarEvent& event : after.events) {
    const CalendarEvent* earlier = event_on(before, event.date, event.category);
    if (earlier == nullptr) continue;
    CHECK(earlier->uid == event.uid);
    ++shared;
  }
  CHECK(shared > 0);
  // The logged run is gone from the new file: the calendar is for what is ahead.
  CHECK(event_on(after, kMonday + days{3}, "Run") == nullptr);
}

TEST_CASE("entry ids are the runner's, the day's and the kind's", "[report][icalendar]") {
  const Date day = make_date(2026, 11, 9);
  const std::string uid = calendar_uid("Sam", "run", day);
  CHECK(uid.rfind("run-2026-11-09@", 0) == 0);
  CHECK(uid.size() == std::string("run-2026-11-09@").size() + 16 + std::string(".runback").size());
  CHECK(uid == calendar_uid("Sam", "run", day));
  CHECK(uid != calendar_uid("Alex", "run", day));
  CHECK(uid != calendar_uid("Sam", "log", day));
  CHECK(uid != calendar_uid("Sam", "run", day + days{1}));
}

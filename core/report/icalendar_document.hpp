#pragma once
// A plan as calendar entries, before any calendar format: what `runback calendar` writes as
// iCalendar (core/ical). Plain values, so what goes in each entry is tested apart from the
// format, and the format apart from the plan.

#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"

namespace runback {

// A reminder a calendar application shows on the entry's day.
struct CalendarAlarm {
  int hour = 8;      // local time, on the entry's day
  std::string text;  // what it says
};

// One whole-day entry. Whole days carry no time zone: a run is planned for a day, not an hour.
struct CalendarEvent {
  // Stable across files written on other days, so importing a newer file updates the entry
  // instead of adding a second one: "run-2026-11-09@5f3a...runback".
  std::string uid;
  Date date;
  std::string summary;      // the title a calendar shows
  std::string description;  // plain text, lines separated by '\n'
  std::string category;     // "Run", "Log"
  std::optional<CalendarAlarm> alarm;
};

struct CalendarDocument {
  std::string product;    // who wrote it: "-//runback//runback 0.1.0//EN"
  std::string name;       // the calendar's name: "Sam's runback plan"
  std::string time_zone;  // the runner's IANA zone ("Europe/London"); empty: not known
  // The day the plan is for; each entry is stamped at its midnight UTC (DTSTAMP), so newer
  // files have later stamps. A value, never the clock's time, so the same records and date give
  // the same file.
  Date stamp;
  // Rises whenever the records that shape the plan grow (each day logged), so a calendar
  // application that compares versions takes the newer file's entries.
  int sequence = 0;
  std::vector<CalendarEvent> events;
};

}  // namespace runback

#pragma once
// A plan as calendar entries (report/icalendar_document.hpp), for `runback calendar`: an entry
// for each planned run, with everything the runner needs on the day, and a reminder on each day
// a checkpoint waits for values, with the exact command that logs them.

#include <string>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"
#include "report/icalendar_document.hpp"

namespace runback {

struct CalendarRequest {
  std::string runner;     // whose plan (names the calendar and keys its entries' ids)
  std::string product;    // PRODID: "-//runback//runback 0.1.0//EN"
  std::string time_zone;  // the runner's IANA zone, or empty
  Date today;             // the plan's date: the entries' stamp
  int sequence = 0;       // CalendarDocument::sequence
};

// The entries of `plan`'s days from `request.today` on: runs already logged, missed or past are
// left out (the calendar is for what is ahead), as are rest days.
CalendarDocument plan_calendar(const Protocol& protocol, const Plan& plan,
                               const CalendarRequest& request, const CommandSyntax& commands);

// "run-2026-11-09@0123456789abcdef.runback": the same for the same runner, day and kind of
// entry, whenever and however often the file is written.
std::string calendar_uid(const std::string& runner, const std::string& kind, Date date);

}  // namespace runback

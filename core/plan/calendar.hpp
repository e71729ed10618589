#pragma once
// A calendar programme's days (protocol format 2, `calendar:`): which programme day a stage is
// on, how many days its session comes after the one before, and what a day of the calendar
// holds. Pure arithmetic on the protocol; the day walk keeps where the runner is on it.

#include <optional>

#include "protocol/protocol.hpp"

namespace runback {

// The programme day of a stage's session (its `day` in the calendar); none without a calendar.
std::optional<int> calendar_day_of(const Protocol& protocol, int stage);
// Days from the session of the stage before to this stage's session (the first stage: 1). The
// rest between runs is one less: the calendar's own spacing, whatever the weekday.
int calendar_gap(const Protocol& protocol, int stage);
// The calendar's entry for a programme day; null for a day not listed (an ordinary rest day).
const CalendarDay* calendar_entry(const Protocol& protocol, int day);
// The last programme day of the calendar (its last entry's day); 0 without a calendar.
int calendar_length(const Protocol& protocol);

}  // namespace runback

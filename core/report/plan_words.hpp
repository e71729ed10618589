#pragma once
// The small phrases every text report is made of: a day, a stage.

#include <chrono>
#include <string>

#include "protocol/protocol.hpp"
#include "util/date.hpp"

namespace runback {

// "Mon 23 Nov"
std::string short_day(Date date);
// How far off a day is, for a sentence: "today", "tomorrow", "in 9 days", then to the nearest
// week from two weeks on ("in about 3 weeks" for 22 days, where rounding up said 4).
std::string time_until(std::chrono::days days);
// "stage 3 of 12, 2-minute runs" (the name left out when it only repeats the id; out of range,
// the name is the nearest stage's).
std::string stage_title(const Protocol& protocol, int index);
// The stage at `index`, or the nearest one.
const Stage& stage_at(const Protocol& protocol, int index);
// The text with its first letter in capitals (ASCII only).
std::string capitalise(std::string text);

}  // namespace runback

#pragma once
// Calendar dates. runback works in whole local days: a plan is for a day, a log is for a day.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace runback {

using Date = std::chrono::sys_days;

// Parses an ISO 8601 calendar date (YYYY-MM-DD), refusing impossible dates such as 2026-02-30.
Result<Date> parse_date(std::string_view text);
std::string format_date(Date date);                   // "2026-11-24"
std::string weekday_short(std::chrono::weekday day);  // "mon"
std::string weekday_long(std::chrono::weekday day);   // "Monday"
// Parses "mon".."sun" (or full names), case-insensitive.
std::optional<std::chrono::weekday> parse_weekday(std::string_view text);
Date monday_of(Date date);
// "Mon 23 Nov to Sun 29 Nov 2026", the year once at the end; a range across a new year names
// both: "Mon 28 Dec 2026 to Sun 3 Jan 2027".
std::string format_day_range(Date from, Date to);
inline Date make_date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

}  // namespace runback

#include "util/date.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace runback {
namespace {
constexpr std::array<const char*, 7> kShort = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::array<const char*, 7> kLong = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                              "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  out = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  return true;
}
}  // namespace

Result<Date> parse_date(std::string_view text) {
  const std::string shown(text);
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
      !parse_digits(text.substr(8, 2), d)) {
    return Error{"'" + shown + "' is not a date; expected YYYY-MM-DD, e.g. 2026-11-24"};
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                        std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return Error{"'" + shown + "' is not a day on the calendar"};
  return Date{ymd};
}

std::string format_date(Date date) {
  const std::chrono::year_month_day ymd{date};
  const int year = int(ymd.year());
  const unsigned month = unsigned(ymd.month()), day = unsigned(ymd.day());
  if (year < 0 || year > 9999) {  // never stored, but still printed as it is
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    return buffer;
  }
  // By hand: a caseload's JSON prints hundreds of thousands of dates, and snprintf was most of it.
  std::string out = "0000-00-00";
  auto put = [&](std::size_t end, unsigned value, int digits) {
    for (int i = 0; i < digits; ++i, value /= 10)
      out[end - std::size_t(i)] = char('0' + value % 10);
  };
  put(3, unsigned(year), 4);
  put(6, month, 2);
  put(9, day, 2);
  return out;
}

std::string weekday_short(std::chrono::weekday day) {
  return kShort[day.c_encoding()];
}
std::string weekday_long(std::chrono::weekday day) {
  return kLong[day.c_encoding()];
}

std::optional<std::chrono::weekday> parse_weekday(std::string_view text) {
  std::string lower;
  for (char c : text) lower += char(std::tolower(static_cast<unsigned char>(c)));
  for (unsigned i = 0; i < 7; ++i) {
    std::string full = kLong[i];
    for (char& c : full) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (lower == kShort[i] || lower == full) return std::chrono::weekday{i};
  }
  return std::nullopt;
}

Date monday_of(Date date) {
  const std::chrono::weekday wd{date};
  return date - (wd - std::chrono::Monday);
}

std::string format_day_range(Date from, Date to) {
  auto day = [](Date date) {
    const std::chrono::year_month_day ymd{date};
    std::string text = kShort[std::chrono::weekday{date}.c_encoding()];
    text[0] = char(text[0] - 'a' + 'A');
    return text + " " + std::to_string(unsigned(ymd.day())) + " " +
           kMonths[unsigned(ymd.month()) - 1];
  };
  const int first = int(std::chrono::year_month_day{from}.year());
  const int last = int(std::chrono::year_month_day{to}.year());
  const std::string end = day(to) + " " + std::to_string(last);
  if (first == last) return day(from) + " to " + end;
  return day(from) + " " + std::to_string(first) + " to " + end;
}

}  // namespace runback

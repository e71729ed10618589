// A calendar programme's days and bad-day rule in plain words (protocol format 2).
#include "protocol/describe.hpp"

namespace runback {

std::string describe_recovery_day(const std::string& activity) {
  std::string out = "recovery day — no running or jumping";
  if (!activity.empty()) out += "; " + lower_first(activity);
  return out;
}

std::string describe_bad_day(const BadDay& bad_day) {
  std::string out;
  if (bad_day.rest_days > 0) {
    out = "rest " + std::to_string(bad_day.rest_days) +
          (bad_day.rest_days == 1 ? " day" : " days") + ", then ";
  }
  out += bad_day.then == BadDayThen::previous_session ? "the previous session"
                                                      : "the same session again";
  return out;
}

std::string bad_day_then_name(BadDayThen then) {
  return name_of(then, kBadDayThenNames);
}

}  // namespace runback

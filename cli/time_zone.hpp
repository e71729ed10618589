#pragma once
// The runner's time zone, as an IANA name ("Europe/London"), for the calendar: the zone of the
// machine's own clock, the one runback reads "today" in.

#include <functional>
#include <optional>
#include <string>

#include "context.hpp"

namespace runback::cli {

// From $TZ when set, else where /etc/localtime points, else /etc/timezone; empty when none of
// them names a zone (a POSIX rule such as "GMT0BST,M3.5.0/1,M10.5.0" names none).
std::string runner_time_zone(const Context& context);

// The rules, apart from the machine: `tz` is $TZ, `localtime_target` where /etc/localtime points
// (none: not a link), `etc_timezone` that file's text, and `known` says whether the machine's
// zone database has a name.
std::string time_zone_from(const std::optional<std::string>& tz,
                           const std::optional<std::string>& localtime_target,
                           const std::optional<std::string>& etc_timezone,
                           const std::function<bool(const std::string&)>& known);

}  // namespace runback::cli

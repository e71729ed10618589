#pragma once
// Times and distances as physiotherapists write them ("90s", "2 min 30 s", "1.2km", "0.25 mi")
// and as runners read them ("2 min", "90 s", "1 h 15 min", "400 m", "1.2 km").

#include <optional>
#include <string>
#include <string_view>

#include "protocol/protocol.hpp"
#include "util/result.hpp"

namespace runback {

inline constexpr double kMetresPerMile = 1609.344;
inline constexpr double kMetresPerYard = 0.9144;

// Parses one or more "<number> <unit>" parts of the same kind ("2 min 30 s", "1 km 200 m").
// Numbers are plain decimals (no sign, no exponent). Units, case-insensitive:
//   time: s sec secs second seconds | min mins minute minutes | h hr hrs hour hours
//   distance: m metre(s) meter(s) | km kilometre(s) kilometer(s) | mi mile(s) | yd yds yard(s)
// `expected` restricts the kind; nullopt accepts either. The error is a sentence for the user.
Result<Amount> parse_amount(std::string_view text,
                            std::optional<Amount::Kind> expected = std::nullopt);

// For people: "45 s", "90 s", "2 min", "2 min 30 s", "1 h", "1 h 15 min"; "400 m", "1.2 km";
// distances that were written in miles (a whole number of hundredths of a mile, not of metres)
// come back as "0.25 mi"; those written in yards (a whole number of yards) as "50 yd" up to a
// mile and in miles from a mile on ("1.99 mi").
std::string format_amount(const Amount& amount);
std::string format_seconds(double seconds);
std::string format_metres(double metres);

// A speed (format 2): "<number> mph" or "<number> km/h" (also "kmh", "kph"), case-insensitive.
// The error is a sentence for the user. Pace ("5:30 /km") is not read.
Result<Speed> parse_speed(std::string_view text);
// "6 mph", "9.5 km/h"; and in kilometres an hour, to compare speeds written in either unit.
std::string format_speed(const Speed& speed);
double speed_kmh(const Speed& speed);

// A number without trailing zeros: 3 -> "3", 2.5 -> "2.5", 0.125 -> "0.13" (two decimals at most).
std::string format_number(double value);

}  // namespace runback

#pragma once
// "Did you mean …?" for mistyped names, as ninja does for targets and tools.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runback {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate when it is close enough to be a plausible typo, else nothing.
std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates);

// " (did you mean 'X'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace runback

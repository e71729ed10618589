#pragma once
// UTF-8 checks for text that comes from people: protocol files, runner names.

#include <cstddef>
#include <string_view>

namespace runback {

// The length of a valid UTF-8 sequence at `i` (i < text.size()), or 0.
std::size_t utf8_length(std::string_view text, std::size_t i);

bool is_valid_utf8(std::string_view text);

}  // namespace runback

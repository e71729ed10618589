#pragma once
// What a runner's name may be: any text a person would type (accents, spaces, other scripts),
// but valid UTF-8 without control characters, so that every output (text, JSON, CSV) can show
// it as it is.

#include <optional>
#include <string>
#include <string_view>

#include "util/utf8.hpp"

namespace runback {

// Why the name cannot be a runner's, in words that fit "the runner name ... ", or nothing.
inline std::optional<std::string> runner_name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > 200) return "is longer than 200 bytes";
  if (!is_valid_utf8(name)) return "is not valid UTF-8 text";
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return "contains a control character (a tab, a line break...)";
    }
  }
  return std::nullopt;
}

}  // namespace runback

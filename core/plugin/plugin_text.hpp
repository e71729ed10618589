#pragma once
// The rules for text a plugin gives back (plugin_abi.h, "Text"): valid UTF-8 on one line, no
// control characters, bounded in length. A plugin's text is printed in the runner's week and the
// clinician's terminal; a line break or an escape code in it could draw a day that is not in the
// plan ("\nSat 99 Nov: run 60 min hard"), so such text is refused, not mended.

#include <cstddef>
#include <string>

#include "util/result.hpp"

namespace runback {

// Limits, in characters (Unicode code points).
inline constexpr std::size_t kMaxPluginKey = 64;     // question keys, parameter names
inline constexpr std::size_t kMaxPluginName = 120;   // exercise names
inline constexpr std::size_t kMaxPluginText = 2000;  // everything else

// The text (a tab read as a space; null: empty), or why it breaks the rules, worded to follow
// what it is about: "is 104857600 characters long; at most 120", "has a line break (U+000A) at
// character 12; plugin text must be one line without control characters", "is not valid UTF-8
// (byte 7)".
Result<std::string> plugin_text(const char* text, std::size_t max_characters);

}  // namespace runback

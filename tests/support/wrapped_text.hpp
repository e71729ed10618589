#pragma once
// Reading text wrapped to a width (report/text_layout.hpp) in tests that look for a sentence.

#include <string>

namespace runback::testing {

// The text as one paragraph per line: a wrapped line's continuation joined back with a space.
inline std::string unwrapped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == ' ') {
      while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace runback::testing

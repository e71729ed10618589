#include "plugin/plugin_text.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>

namespace runback {

namespace {

// The length of the UTF-8 sequence starting at `s`, and its code point; nothing when invalid
// (overlong, a surrogate, past U+10FFFF, cut short).
std::optional<std::size_t> decode(const unsigned char* s, char32_t* point) {
  const unsigned char lead = s[0];
  std::size_t length = 0;
  char32_t value = 0;
  if (lead < 0x80) {
    *point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07;
  } else {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((s[i] & 0xC0) != 0x80) return std::nullopt;  // also stops at the terminating '\0'
    value = (value << 6) | (s[i] & 0x3F);
  }
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return std::nullopt;
  }
  *point = value;
  return length;
}

std::string code(char32_t point) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(point));
  return text;
}

// What is wrong with a code point in one-line text, or nothing.
std::optional<std::string> forbidden(char32_t point) {
  if (point == '\n' || point == '\r' || point == 0x2028 || point == 0x2029) return "a line break";
  if (point == 0x1B) return "an escape code";
  if (point < 0x20 || (point >= 0x7F && point <= 0x9F)) return "a control character";
  // Bidirectional overrides reorder what a terminal shows, hiding or faking words.
  if ((point >= 0x202A && point <= 0x202E) || (point >= 0x2066 && point <= 0x2069)) {
    return "a bidirectional override";
  }
  return std::nullopt;
}

}  // namespace

Result<std::string> plugin_text(const char* text, std::size_t max_characters) {
  if (text == nullptr) return std::string();
  const auto* s = reinterpret_cast<const unsigned char*>(text);
  // Nearly all plugin text is printable ASCII, which needs no decoding: a plan asks for a
  // question's text at every checkpoint, and decoding it a character at a time was a fifth of a
  // caseload's time.
  std::size_t printable = 0;
  while (printable <= max_characters && s[printable] >= 0x20 && s[printable] < 0x7F) ++printable;
  if (s[printable] == '\0' && printable <= max_characters) return std::string(text, printable);
  std::string out;
  std::optional<std::string> problem;
  std::size_t characters = 0;
  std::size_t byte = 0;
  while (s[byte] != '\0') {
    ++characters;
    char32_t point = 0;
    const auto length = decode(s + byte, &point);
    if (!length) {
      // Counted on as one character a byte, so the length stays exact for ASCII.
      if (!problem) problem = "is not valid UTF-8 (byte " + std::to_string(byte + 1) + ")";
      ++byte;
      continue;
    }
    if (!problem && point != '\t') {
      if (auto what = forbidden(point)) {
        problem = "has " + *what + " (" + code(point) + ") at character " +
                  std::to_string(characters) +
                  "; plugin text must be one line without control characters";
      }
    }
    if (!problem && characters <= max_characters) {
      if (point == '\t') {
        out += ' ';
      } else {
        out.append(text + byte, *length);
      }
    }
    byte += *length;
    if (characters > max_characters) {
      // Too long whatever follows: the rest is only counted (a character per byte that does
      // not continue one), so a plugin's 100 MB string costs a scan, not a decoding.
      for (; s[byte] != '\0'; ++byte) characters += (s[byte] & 0xC0) != 0x80;
      break;
    }
  }
  if (characters > max_characters) {
    return Error{"is " + std::to_string(characters) + " characters long; at most " +
                     std::to_string(max_characters),
                 ErrorKind::plugin};
  }
  if (problem) return Error{*problem, ErrorKind::plugin};
  return out;
}

}  // namespace runback

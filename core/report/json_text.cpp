#include "report/json_text.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "util/utf8.hpp"

namespace runback {
namespace {

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(escaped, sizeof escaped);
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += '"';
  std::size_t plain_from = 0;  // the first byte not yet copied
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // util's check is Unicode's table 3-7 (no overlong forms, surrogates or values past
      // U+10FFFF): exactly what nlohmann's decoder accepts.
      const std::size_t length = utf8_length(text, i);
      if (length == 0) {
        // Throws as dump() does; should it ever not, its text is still dump()'s.
        out.resize(start);
        out += nlohmann::json(std::string(text)).dump();
        return;
      }
      i += length;
      continue;
    }
    out.append(text.data() + plain_from, i - plain_from);
    append_escape(out, c);
    plain_from = ++i;
  }
  out.append(text.data() + plain_from, text.size() - plain_from);
  out += '"';
}

void append_json_int(std::string& out, long long value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

void append_json_unsigned(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

void append_json_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // A whole number below 10^15 (dump()'s limit for fixed notation) prints as its digits and
  // ".0"; others take nlohmann's own shortest-digits algorithm, so no digit can differ.
  if (std::fabs(value) < 1e15 && std::trunc(value) == value) {
    if (std::signbit(value)) out += '-';
    append_json_int(out, static_cast<long long>(std::fabs(value)));
    out += ".0";
    return;
  }
  out += nlohmann::json(value).dump();
}

}  // namespace runback

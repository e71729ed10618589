#include "plugin/stray_output.hpp"

namespace runback {

namespace {

std::string quoted(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (out.size() >= 60) {
      out += "...";
      break;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += '?';
    } else {
      out += c;
    }
  }
  return "'" + out + "'";
}

}  // namespace

std::string stray_output_error(const std::string& label, const std::string& during,
                               const std::string& text) {
  return label + ": wrote to standard output " + during + ": " + quoted(text) +
         " (plugins must not print; use stderr)";
}

}  // namespace runback

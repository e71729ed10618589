#include "diagnostic/diagnostic.hpp"

#include <algorithm>
#include <cstdio>

namespace runback {
namespace {

// Key paths and messages can echo what the user wrote, and YAML keys may hold newlines or other
// control characters. Escaping them keeps every diagnostic on one line, so editors and scripts
// that read FILE:LINE:COLUMN output never see a diagnostic split in two.
std::string one_line(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string severity_name(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file;
  if (d.where.line > 0) {
    out += ":" + std::to_string(d.where.line);
    if (d.where.column > 0) out += ":" + std::to_string(d.where.column);
  }
  out += ": " + severity_name(d.severity) + ": ";
  if (!d.key_path.empty()) out += one_line(d.key_path) + ": ";
  out += one_line(d.message);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace runback

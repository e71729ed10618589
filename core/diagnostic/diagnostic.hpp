#pragma once
// A problem found in a file the user wrote, reported where it is:
//   FILE:LINE:COLUMN: error: <key path>: <what is wrong; what was expected>
// The protocol loader and plugins' parameter validation both speak this format.

#include <string>
#include <vector>

namespace runback {

enum class Severity { error, warning };

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  bool operator==(const SourceLocation&) const = default;
};

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string key_path;  // e.g. "stages[2].session.blocks[0].run"; empty for the whole file
  std::string message;
};

std::string severity_name(Severity severity);
// One line in the format above.
std::string format_diagnostic(const Diagnostic& diagnostic);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace runback

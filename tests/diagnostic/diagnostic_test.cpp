#include <catch2/catch.hpp>

#include "diagnostic/diagnostic.hpp"

using namespace runback;

TEST_CASE("diagnostics print as file:line:column: severity: path: message", "[diagnostic]") {
  Diagnostic d{Severity::error, {"p.yaml", 3, 7}, "stages[0].id", "must not be empty"};
  CHECK(format_diagnostic(d) == "p.yaml:3:7: error: stages[0].id: must not be empty");
  d.key_path.clear();
  d.severity = Severity::warning;
  CHECK(format_diagnostic(d) == "p.yaml:3:7: warning: must not be empty");
  CHECK_FALSE(has_errors({d}));
}

TEST_CASE("a diagnostic stays on one line whatever the file's keys hold", "[diagnostic]") {
  const Diagnostic d{Severity::error, {"p.yaml", 2, 1}, "Q    a\na\tb", "unknown key 'x\ry\x01'"};
  CHECK(format_diagnostic(d) == "p.yaml:2:1: error: Q    a\\na\\tb: unknown key 'x\\ry\\x01'");
}

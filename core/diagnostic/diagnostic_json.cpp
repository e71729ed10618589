#include "diagnostic/diagnostic_json.hpp"

namespace runback {

nlohmann::json diagnostic_to_json(const Diagnostic& d) {
  using nlohmann::json;
  return {{"file", d.where.file},
          {"line", d.where.line > 0 ? json(d.where.line) : json(nullptr)},
          {"column", d.where.column > 0 ? json(d.where.column) : json(nullptr)},
          {"severity", severity_name(d.severity)},
          {"key_path", d.key_path},
          {"message", d.message},
          {"text", format_diagnostic(d)}};
}

}  // namespace runback

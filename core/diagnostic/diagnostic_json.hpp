#pragma once
// Diagnostics as JSON objects (docs/json.md): {"file", "line", "column", "severity", "key_path",
// "message", "text"}; line and column are null when unknown.

#include <nlohmann/json.hpp>

#include "diagnostic/diagnostic.hpp"

namespace runback {

nlohmann::json diagnostic_to_json(const Diagnostic& diagnostic);

}  // namespace runback

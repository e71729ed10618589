#pragma once
// The JSON spellings of the plan's own enums (docs/json.md).

#include "plan/plan.hpp"

namespace runback {

// A day's rest kind: "none", "rest", "imposed", "stopped", "before_start", "finished".
const char* rest_kind_name(RestKind kind);
// What a reminder asks for: "pain_warmup", "pain_during", "pain_after", "pain_next_morning",
// "stiffness_minutes", "answer".
const char* log_value_name(LogValue value);

}  // namespace runback

#pragma once
// A runner's attention summary as JSON: the "attention" object of `runners --format json`
// (docs/json.md).

#include <nlohmann/json.hpp>

#include "report/caseload_summary.hpp"

namespace runback {

nlohmann::ordered_json attention_json(const RunnerAttention& runner);

}  // namespace runback

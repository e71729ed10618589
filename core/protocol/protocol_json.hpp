#pragma once
// The protocol model as JSON (schema "runback.protocol/1", docs/json.md), for
// `runback protocol show --format json` and anything else that hands a protocol to a program.

#include <nlohmann/json.hpp>

#include "protocol/protocol.hpp"

namespace runback {

// {"seconds": 90, "text": "90 s"} or {"metres": 400, "text": "400 m"}.
nlohmann::json amount_to_json(const Amount& amount);
nlohmann::json protocol_to_json(const Protocol& protocol);

}  // namespace runback

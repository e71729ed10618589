#pragma once
// `runback protocol show` as text: a summary a physiotherapist would print and a runner can follow.

#include <iosfwd>

#include "protocol/protocol.hpp"

namespace runback::cli {

void print_protocol(std::ostream& out, const Protocol& protocol);

}  // namespace runback::cli

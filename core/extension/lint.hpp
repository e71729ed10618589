#pragma once
// Checks of a loaded protocol that need more than its file: today, whether the plugin it names
// is installed and accepts its parameters.

#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "extension/extension.hpp"
#include "protocol/protocol.hpp"

namespace runback {

// `extensions` may be null when no plugin host is available: a protocol that names a plugin then
// gets a warning that its parameters were not checked.
std::vector<Diagnostic> lint_protocol(const Protocol& protocol, const ExtensionCatalog* extensions);

}  // namespace runback

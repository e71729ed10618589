#pragma once
// Finding a protocol for a command: the search path from --protocol-dir and the environment
// (protocol/catalog.hpp), and its diagnostics printed the way every command prints them.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "diagnostic/diagnostic.hpp"
#include "protocol/catalog.hpp"

namespace runback::cli {

std::vector<ProtocolDir> protocol_dirs_for(const Context& context);

// FILE:LINE:COLUMN: ..., or the program's own words ("runback: error: ...") for a problem not
// tied to a file (an unknown id).
void print_diagnostic(std::ostream& err, const Diagnostic& diagnostic);

// The protocol `id_or_file` names, its diagnostics printed. When it cannot be used, also says so
// as `flag`'s problem, sets the exit status and returns nothing.
std::optional<Protocol> protocol_for_flag(Context& context, const std::string& id_or_file,
                                          const std::string& flag);

}  // namespace runback::cli

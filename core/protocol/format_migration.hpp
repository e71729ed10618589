#pragma once
// A format-1 protocol file rewritten as format 2, its comments and layout kept. Format 2 reads a
// format-1 file the same way, so the rewrite changes only the `format:` line; the result is
// loaded again and compared with the original before it is returned, so a rewrite that would
// change what the protocol says is never handed back.

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic/diagnostic.hpp"

namespace runback {

struct FormatMigration {
  enum class Outcome {
    migrated,         // `text` is the file in format 2
    already_format2,  // nothing to do; `text` is the file as it was
    invalid,          // the file has errors (in `diagnostics`); nothing rewritten
    not_rewritable,   // the `format:` key is not on a line of its own (`diagnostics` says where)
  };
  Outcome outcome = Outcome::invalid;
  std::string text;
  std::vector<Diagnostic> diagnostics;  // the original file's, warnings included
};

FormatMigration migrate_to_format_2(std::string_view text, const std::string& display_path);

}  // namespace runback

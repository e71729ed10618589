#pragma once
// Checks on a protocol file before and just after yaml-cpp parses it. yaml-cpp 0.7 recurses once
// per nesting level, follows aliases without limit, silently ignores a second document and reads
// binary junk; these checks turn each of those into a plain diagnostic.

#include <yaml-cpp/yaml.h>

#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostic/diagnostic.hpp"

namespace runback {

// Size, emptiness, NUL bytes, invalid UTF-8, nesting depth and a second document, checked on
// the text. The first problem found, or nothing.
std::optional<Diagnostic> check_protocol_text(std::string_view text, const std::string& file);

// The deepest nesting the text can produce (flow brackets and block indentation), with where it
// is reached, stopping at the first place deeper than `stop_above`. An estimate that errs on the
// high side for odd layouts, never low for real ones.
struct NestingDepth {
  int depth = 0;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
};
NestingDepth estimate_nesting_depth(std::string_view text,
                                    int stop_above = std::numeric_limits<int>::max());

// After parsing: the tree, aliases expanded, must stay under kMaxProtocolNodes nodes and
// kMaxProtocolDepth levels (an alias can nest a document inside itself).
std::optional<Diagnostic> check_protocol_tree(const YAML::Node& root, const std::string& file);

}  // namespace runback

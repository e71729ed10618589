#pragma once
// Reads a protocol's YAML into the Protocol model, reporting every problem it finds with its
// file:line:column, rather than stopping at the first.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "io/file_system.hpp"
#include "protocol/protocol.hpp"
#include "util/result.hpp"

namespace runback {

// Limits that keep a hostile or broken file from exhausting the machine. yaml-cpp 0.7 recurses
// once per nesting level and follows aliases, so depth, size and node count are checked here.
inline constexpr std::size_t kMaxProtocolBytes = 1024 * 1024;
inline constexpr int kMaxProtocolDepth = 64;
inline constexpr std::size_t kMaxProtocolNodes = 200000;

struct LoadResult {
  std::optional<Protocol> protocol;  // set when there are no errors (warnings allowed)
  std::vector<Diagnostic> diagnostics;
  // Why there is no protocol: bad_input when the text has errors; when the file cannot be read,
  // the file system's kind (not_found, io); not_found for an id no protocol has (catalog.hpp).
  ErrorKind error_kind = ErrorKind::bad_input;
};

// `display_path` is the name used in diagnostics and kept in Protocol::source_path.
LoadResult load_protocol_text(std::string_view text, const std::string& display_path);
LoadResult load_protocol_file(const FileSystem& fs, const std::string& path);

}  // namespace runback

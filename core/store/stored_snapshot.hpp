#pragma once
// A protocol snapshot as the store gives it back: the YAML text a programme started with and,
// when the store holds one in the format asked for, the compiled form that spares parsing it.

#include <cstdint>
#include <optional>
#include <string>

namespace runback {

struct StoredSnapshot {
  std::int64_t id = 0;
  std::string text;                     // empty when not asked for and a compiled form is there
  std::optional<std::string> compiled;  // only when stored in the format asked for
};

}  // namespace runback

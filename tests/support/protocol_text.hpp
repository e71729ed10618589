#pragma once
// Protocol texts for tests: a shipped protocol's YAML, loaded, and edited in one place.

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

#include "protocol/loader.hpp"

namespace runback::testing {

// The text of protocols/ID.yaml in the source tree.
inline std::string shipped_text(const std::string& id) {
  std::ifstream in(std::string(RUNBACK_SOURCE_DIR) + "/protocols/" + id + ".yaml");
  return {std::istreambuf_iterator<char>(in), {}};
}

// `text` loaded, as if from a file named `name`; the test stops if it does not load.
inline Protocol load_text(const std::string& text, const std::string& name = "test.yaml") {
  LoadResult result = load_protocol_text(text, name);
  REQUIRE(result.protocol);
  return std::move(*result.protocol);
}

// `text` with its one occurrence of `from` replaced by `to`.
inline std::string edited(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace runback::testing

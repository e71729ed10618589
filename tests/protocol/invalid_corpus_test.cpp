#include <catch2/catch.hpp>
#include <chrono>

#include "protocol/corpus.hpp"
#include "protocol/loader.hpp"

using namespace runback;

namespace {

std::vector<std::string> lines_of(const LoadResult& result) {
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) lines.push_back(format_diagnostic(d));
  return lines;
}

}  // namespace

TEST_CASE("every invalid corpus file gives exactly its expected diagnostics",
          "[protocol][corpus]") {
  const auto corpus = testing::invalid_corpus();
  REQUIRE(corpus.size() >= 45);
  RealFileSystem fs;
  for (const auto& c : corpus) {
    INFO(c.name);
    REQUIRE_FALSE(c.expected.empty());
    const LoadResult result = load_protocol_file(fs, c.path);
    CHECK_FALSE(result.protocol);
    CHECK(lines_of(result) == c.expected);
  }
}

TEST_CASE("hostile inputs end in one plain diagnostic, quickly", "[protocol][corpus]") {
  struct Hostile {
    const char* name;
    std::string text;
    std::string message;
  };
  const std::vector<Hostile> inputs = {
      {"huge", testing::huge_protocol_text(),
       "x.yaml: error: the file is 1100 KiB; runback "
       "reads protocol files of up to 1024 KiB"},
      {"deep flow", testing::deep_flow_text(),
       "x.yaml:1:68: error: the YAML nests more than 64 "
       "levels deep here"},
      {"deep block", testing::deep_block_text(),
       "x.yaml:65:65: error: the YAML nests more than "
       "64 levels deep here"},
      {"alias bomb", testing::alias_bomb_text(),
       "error: the YAML expands to more than 200000 "
       "values"},
      {"alias cycle", testing::alias_cycle_text(),
       "x.yaml:2:9: error: the YAML nests more than "
       "64 levels deep once aliases are followed"},
      {"binary", testing::binary_text(), "x.yaml:1:1: error: the file is not valid UTF-8"},
      {"nul", std::string("id: a\0b\n", 8), "x.yaml:1:6: error: the file contains a NUL byte"},
  };
  for (const auto& input : inputs) {
    INFO(input.name);
    const auto start = std::chrono::steady_clock::now();
    const LoadResult result = load_protocol_text(input.text, "x.yaml");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(result.protocol);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(format_diagnostic(result.diagnostics[0]), Catch::Contains(input.message));
    // Not a benchmark: a guard that failed would take minutes or gigabytes, not seconds.
    CHECK(elapsed < std::chrono::seconds(5));
  }
}

// Format 2 reads every format-1 file the same way, and a format-1 file is still read as format 1.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "protocol/loader.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::testing::edited;
using runback::testing::load_text;

namespace {

std::vector<std::filesystem::path> format_one_files() {
  std::vector<std::filesystem::path> files;
  for (const char* dir :
       {RUNBACK_SOURCE_DIR "/protocols", RUNBACK_TEST_DATA_DIR "/protocol/valid"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".yaml") continue;
      std::ifstream in(entry.path());
      const std::string text{std::istreambuf_iterator<char>(in), {}};
      if (text.find("\nformat: 1\n") != std::string::npos) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("every format-1 file loads as format 1, and as format 2 to the same protocol",
          "[protocol][format]") {
  const auto files = format_one_files();
  REQUIRE(files.size() >= 5);  // the shipped protocols and the maximal test file
  for (const auto& path : files) {
    INFO(path.string());
    const std::string text = read(path);
    Protocol one = load_text(text, path.string());
    CHECK(one.format == 1);
    Protocol two = load_text(edited(text, "\nformat: 1\n", "\nformat: 2\n"), path.string());
    CHECK(two.format == 2);
    two.format = 1;
    two.source_text = one.source_text;
    CHECK(one == two);
  }
}

TEST_CASE("a file without a format key is format 1", "[protocol][format]") {
  const std::string text = read(RUNBACK_TEST_DATA_DIR "/protocol/valid/minimal.yaml");
  REQUIRE(text.find("format:") == std::string::npos);
  CHECK(load_text(text).format == 1);
  CHECK(load_text("format: 2\n" + text).format == 2);
}

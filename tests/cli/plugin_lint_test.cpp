// `runback protocol lint` checks a protocol's plugin parameters through the plugin itself, and
// broken plugins on the search path touch only the protocols that name them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "in_process.hpp"

using namespace runback::testing;
using Catch::Matchers::Contains;

namespace {

const std::string kBroken = RUNBACK_BROKEN_PLUGIN_DIR;

std::map<std::string, std::string> isolated(const TempDir& home) {
  return {{"HOME", home.path()}, {"XDG_DATA_HOME", home.path()}, {"RUNBACK_PLUGIN_PATH", ""}};
}

// The minimal valid protocol with a plugin block appended.
std::string with_plugin(const TempDir& dir, const std::string& plugin_block) {
  std::ifstream in(std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/minimal.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string path = dir.file("with-plugin.yaml");
  std::ofstream(path) << text << plugin_block;
  return path;
}

int lines_in(const std::string& path) {
  std::ifstream in(path);
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

std::vector<std::string> shipped_protocols() {
  std::vector<std::string> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(RUNBACK_SOURCE_DIR) + "/protocols")) {
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
  }
  return paths;
}

}  // namespace

TEST_CASE("protocol lint reports bad plugin parameters at their YAML location", "[cli][plugin]") {
  TempDir dir{scratch_base()};
  const std::string path = with_plugin(dir,
                                       "plugin:\n  name: knee\n  params:\n"
                                       "    step_percnt: 5\n    target_percent: 15\n");
  const int first = lines_in(path) - 1;  // the line of step_percnt
  const auto result = run_command({"protocol", "lint", path}, isolated(dir));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains(path + ":" + std::to_string(first) +
                                  ":18: error: plugin.params.step_percnt: plugin 'knee' has no "
                                  "parameter 'step_percnt' (did you mean 'step_percent'?)\n"));
  CHECK_THAT(result.err, Contains(path + ":" + std::to_string(first + 1) +
                                  ":21: error: plugin.params.target_percent: 15 is out of range "
                                  "(expected 5..10 %)\n"));
}

TEST_CASE("protocol lint runs the plugin's own validate hook", "[cli][plugin]") {
  TempDir dir{scratch_base()};
  const std::string path =
      with_plugin(dir,
                  "plugin:\n  name: achilles\n  params:\n    start_load_kg: 30\n"
                  "    max_load_kg: 20\n");
  const auto result = run_command({"protocol", "lint", path}, isolated(dir));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains(": error: plugin.params.start_load_kg: the starting load is "
                                  "above max_load_kg (20 kg)\n"));
}

TEST_CASE("the shipped protocols lint clean with their plugins - even beside broken plugins",
          "[cli][plugin]") {
  TempDir home{scratch_base()};
  std::vector<std::string> args;
  for (const char* which :
       {"not-a-library", "missing", "no-entry", "abi-major", "abi-minor", "unresolved", "twins",
        "nameless", "bad-schema", "throwing", "nonsense", "raw-throw", "tiny"}) {
    args.push_back("--plugin-dir");
    args.push_back(kBroken + "/" + which);
  }
  args.push_back("protocol");
  args.push_back("lint");
  const auto protocols = shipped_protocols();
  REQUIRE(protocols.size() >= 3);
  args.insert(args.end(), protocols.begin(), protocols.end());
  const auto result = run_command(args, isolated(home));
  CHECK(result.exit_code == 0);
  CHECK(result.out == std::to_string(protocols.size()) +
                          " files checked: " + std::to_string(protocols.size()) + " valid\n");
  CHECK(result.err.empty());
}

TEST_CASE("a protocol naming a plugin that failed to load is told why", "[cli][plugin]") {
  TempDir dir{scratch_base()};
  const std::string path = with_plugin(dir, "plugin:\n  name: abi-major\n");
  const auto result = run_command(
      {"--plugin-dir", kBroken + "/abi-major", "protocol", "lint", path}, isolated(dir));
  // An error, not a warning: the plugin is there, and every plan with it would fail.
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("error: plugin.name: plugin 'abi-major' is not available: "
                                  "plugin 'abi-major' (" +
                                  kBroken +
                                  "/abi-major/abi-major.so): it was built for plugin ABI 2.0, "
                                  "but this runback speaks plugin ABI 1.2"));
}

TEST_CASE("a plugin whose validate hook throws fails the lint of its protocol only",
          "[cli][plugin]") {
  TempDir dir{scratch_base()};
  const std::string path = with_plugin(dir, "plugin:\n  name: throwing\n");
  const std::string fine = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/minimal.yaml";
  const auto result = run_command(
      {"--plugin-dir", kBroken + "/throwing", "protocol", "lint", path, fine}, isolated(dir));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("error: plugin: plugin 'throwing' (" + kBroken +
                                  "/throwing/throwing.so): the validate hook failed: validate "
                                  "is made of glass\n"));
  CHECK_THAT(result.err, Contains("2 files checked: 1 valid, 1 with errors"));
}

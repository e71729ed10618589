#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "in_process.hpp"
#include "protocol/corpus.hpp"
#include "support/fake_file_system.hpp"

using namespace runback::testing;

namespace {

const std::string kValid = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/";

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A home that exists only in memory: finding, showing and listing protocols by id read the
// protocol folders through the FileSystem seam alone.
struct FakeHome {
  FakeFileSystem fs;
  std::string path() const { return "/home/runner"; }
  std::string file(const std::string& name) const { return path() + "/" + name; }
  void copy(const std::string& from, const std::string& to) {
    fs.add_file(file(to), read_file(from));
  }
  CommandResult run(const std::vector<std::string>& args) const {
    return run_command(args, {{"XDG_CONFIG_HOME", file("config")}, {"HOME", path()}}, fs);
  }
};

}  // namespace

TEST_CASE("protocol lint fails every invalid corpus file with its diagnostics",
          "[cli][protocol][corpus]") {
  const auto corpus = invalid_corpus();
  REQUIRE(corpus.size() >= 45);
  for (const auto& c : corpus) {
    INFO(c.name);
    const CommandResult result = run_command({"protocol", "lint", c.path});
    CHECK(result.exit_code == 2);
    for (const auto& line : c.expected) CHECK_THAT(result.err, Catch::Contains(line + "\n"));
    CHECK_THAT(result.err, Catch::Contains("1 file checked: 0 valid, 1 with errors ("));
  }
}

TEST_CASE("protocol lint reports hostile files without crashing", "[cli][protocol][corpus]") {
  TempDir dir{scratch_base()};
  const std::vector<std::pair<std::string, std::string>> files = {
      {"huge.yaml", huge_protocol_text()},    {"deep.yaml", deep_flow_text()},
      {"deep-block.yaml", deep_block_text()}, {"bomb.yaml", alias_bomb_text()},
      {"cycle.yaml", alias_cycle_text()},     {"binary.yaml", binary_text()}};
  for (const auto& [name, text] : files) {
    INFO(name);
    write_file(dir.file(name), text);
    const CommandResult result = run_command({"protocol", "lint", dir.file(name)});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::StartsWith(dir.file(name)));
    CHECK_THAT(result.err, Catch::Contains(": error: "));
  }
  const CommandResult huge = run_command({"protocol", "lint", dir.file("huge.yaml")});
  CHECK_THAT(huge.err, Catch::Contains("huge.yaml: error: the file is larger than 1024 KiB"));
}

TEST_CASE("protocol lint passes valid files and sums up several", "[cli][protocol]") {
  const CommandResult ok =
      run_command({"protocol", "lint", kValid + "minimal.yaml", kValid + "maximal.yaml"});
  CHECK(ok.exit_code == 0);
  // The maximal protocol's achilles parameters are checked by the built achilles plugin.
  CHECK(ok.out == "2 files checked: 2 valid\n");
  CHECK(ok.err.empty());

  const std::string invalid = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/invalid/";
  const CommandResult mixed = run_command({"protocol", "lint", kValid + "minimal.yaml",
                                           invalid + "many-problems.yaml", "/no/such/file.yaml"});
  CHECK(mixed.exit_code == 2);
  CHECK_THAT(mixed.err, Catch::Contains("/no/such/file.yaml: error: no such file\n"));
  CHECK_THAT(mixed.err, Catch::EndsWith("3 files checked: 1 valid, 2 with errors (8 errors, 1 "
                                        "warning)\n"));
}

TEST_CASE("protocol lint has the named plugin check its parameters", "[cli][protocol]") {
  TempDir dir{scratch_base()};
  std::ifstream minimal(kValid + "minimal.yaml");
  std::stringstream text;
  text << minimal.rdbuf() << "plugin:\n  name: achilles\n  params:\n    nonsense: 3\n";
  write_file(dir.file("p.yaml"), text.str());
  const CommandResult result = run_command({"protocol", "lint", dir.file("p.yaml")});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(dir.file("p.yaml") +
                                         ":17:15: error: plugin.params.nonsense: plugin 'achilles' "
                                         "has no parameter 'nonsense'"));
}

TEST_CASE("protocol lint --format json prints the documented object", "[cli][protocol]") {
  const std::string invalid = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/invalid/";
  const CommandResult result =
      run_command({"protocol", "lint", "--format", "json", kValid + "minimal.yaml",
                   invalid + "duration-bad-unit.yaml"});
  CHECK(result.exit_code == 2);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["schema"] == "runback.lint/1");
  REQUIRE(json["files"].size() == 2);
  CHECK(json["files"][0]["valid"] == true);
  CHECK(json["files"][0]["diagnostics"].empty());
  const auto& d = json["files"][1]["diagnostics"][0];
  CHECK(d["file"] == invalid + "duration-bad-unit.yaml");
  CHECK(d["line"] == 14);
  CHECK(d["column"] == 17);
  CHECK(d["severity"] == "error");
  CHECK(d["key_path"] == "stages[0].session.blocks[0].run");
  CHECK_THAT(d["message"].get<std::string>(), Catch::StartsWith("'1 mn' has an unknown unit"));
  CHECK(json["summary"]["errors"] == 1);
  CHECK(json["summary"]["invalid"] == 1);
  CHECK(json["text"] == "2 files checked: 1 valid, 1 with errors (1 error, 0 warnings)");
}

TEST_CASE("the shipped protocols lint clean", "[cli][protocol][shipped]") {
  const std::filesystem::path dir = std::filesystem::path(RUNBACK_SOURCE_DIR) / "protocols";
  std::vector<std::string> args{"protocol", "lint"};
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml") args.push_back(entry.path().string());
  }
  if (args.size() == 2) {
    WARN("no protocols/*.yaml in the source tree yet; nothing to lint");
    return;
  }
  const CommandResult result = run_command(args);
  INFO(result.err);
  CHECK(result.exit_code == 0);
}

TEST_CASE("protocol show prints a protocol found by id", "[cli][protocol]") {
  FakeHome dir;
  dir.copy(kValid + "maximal.yaml", "p/maximal.yaml");
  const CommandResult result =
      dir.run({"--protocol-dir", dir.file("p"), "protocol", "show", "maximal-example"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  for (
      const char* expected : {
          "Every key, for the loader's tests\n",
          "  Protocol:  maximal-example, version 2.1.0\n",
          "  Authors:   A. Physio and B. Clinician\n",
          "  - Brisk 30-minute walk without pain [silbernagel-2007]\n",
          "    from 0 to under 2.5: stage 1 (stage-1)\n",
          "  1  stage-1  5 min + 400 m  12 min 30 s + 0.25 mi  3          at least 2  2 sessions\n",
          "     walk 5 min to warm up, then 5 × (run 1 min / walk 90 s), then run 400 m "
          "continuously, then walk 0.25 mi to cool down\n",
          "  Next morning:      at most 2/10 and no higher than your usual pain\n",
          "  - If pain during the run above 4/10 and a limp: step back 2 stages and rest 2 days "
          "first. [fees-1998]\n",
          "  - Swelling of the calf\n",
          "  - calf hold: 5 × 45 s hold, 3 times a week, tempo 3 s down, 3 s up, load body "
          "weight\n",
          "  - foam rolling, 4 times a week, 10 min: 1-2 min per muscle group [silbernagel-2007]\n",
          "    programme: alfredson\n",
          "  [fees-1998] Fees M et al. Am J Sports Med 1998\n",
      }) {
    CHECK_THAT(result.out, Catch::Contains(expected));
  }
}

TEST_CASE("protocol show --format json holds the model", "[cli][protocol]") {
  const CommandResult result =
      run_command({"protocol", "show", "--format", "json", kValid + "maximal.yaml"});
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["schema"] == "runback.protocol/1");
  const auto& p = json["protocol"];
  CHECK(p["id"] == "maximal-example");
  CHECK(p["stages"][0]["session"]["blocks"][0]["walk"]["seconds"] == 90);
  CHECK(p["stages"][0]["session"]["totals"]["run_metres"] == 400);
  CHECK(p["pain"]["during"]["max"] == 4);
  CHECK(p["responses"][0]["then"]["action"] == "step_back");
  CHECK(p["red_flags"][0]["built_in"] == true);
  CHECK(p["plugin"]["params"]["programme"] == "alfredson");
}

TEST_CASE("protocol show explains an unknown id or a broken file", "[cli][protocol]") {
  FakeHome dir;
  dir.copy(kValid + "minimal.yaml", "p/minimal.yaml");
  const CommandResult unknown =
      dir.run({"--protocol-dir", dir.file("p"), "protocol", "show", "minimul"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK_THAT(unknown.err, Catch::StartsWith("runback: error: no protocol has the id 'minimul' "
                                            "(did you mean 'minimal'?); looked in " +
                                            dir.file("p") + " (--protocol-dir), "));

  const std::string broken = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/invalid/empty.yaml";
  const CommandResult bad = run_command({"protocol", "show", broken});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains(broken + ":1:1: error: the file is empty"));

  const CommandResult bad_format = run_command({"protocol", "show", "--format", "xml", broken});
  CHECK(bad_format.exit_code == 2);
  CHECK_THAT(bad_format.err, Catch::Contains("--format"));
}

TEST_CASE("protocol list shows where each protocol came from", "[cli][protocol]") {
  FakeHome dir;
  dir.copy(kValid + "minimal.yaml", "p/minimal.yaml");
  dir.copy(kValid + "minimal.yaml", "config/runback/protocols/minimal-copy.yaml");
  dir.fs.add_file(dir.file("p/broken.yaml"), "id: [\n");
  const CommandResult text = dir.run({"--protocol-dir", dir.file("p"), "protocol", "list"});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  // Only this group: the binary's build tree (no CMakeCache.txt in memory) adds no other.
  CHECK_THAT(text.out, Catch::StartsWith(dir.file("p") +
                                         " (--protocol-dir)\n"
                                         "  ID       VERSION  FILE          TITLE\n"
                                         "  broken   -        broken.yaml   has errors; 'runback "
                                         "protocol lint " +
                                         dir.file("p/broken.yaml") +
                                         "' shows them\n"
                                         "  minimal  1.0      minimal.yaml  Minimal walk-run\n"
                                         "\n"));
  CHECK_THAT(text.out,
             Catch::Contains("note: " + dir.file("config/runback/protocols/minimal-copy.yaml") +
                             " also has the id 'minimal' and is not used"));

  const CommandResult json =
      dir.run({"--protocol-dir", dir.file("p"), "protocol", "list", "--format", "json"});
  REQUIRE(json.exit_code == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed["schema"] == "runback.protocol-list/1");
  CHECK(parsed["protocols"][1]["id"] == "minimal");
  CHECK(parsed["protocols"][1]["origin"] == "--protocol-dir");
  CHECK(parsed["protocols"][1]["shadows"].size() == 1);
  CHECK(parsed["searched"][0]["path"] == dir.file("p"));
  CHECK(parsed["searched"][1]["origin"] == "user config");
}

TEST_CASE("protocol list with nothing to list says where it looked", "[cli][protocol]") {
  const FakeHome dir;  // with nothing in it, not even the build tree's source protocols
  const CommandResult result = dir.run({"--protocol-dir", dir.file("none"), "protocol", "list"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::StartsWith("No protocols found"));
  CHECK_THAT(result.out, Catch::Contains("  " + dir.file("none") + " (--protocol-dir)\n"));
}

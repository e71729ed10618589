// `runback program upgrade` as a physiotherapist uses it: the safety changes of a new text, each
// once; a warning when the text changed under the same version; and a programme started from a
// file upgraded from a file, never from another protocol's.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "store/store_fixture.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A runner who started the Achilles protocol from a copy in a folder of their own.
struct FromAFile {
  TempDir dir{scratch_base()};
  std::string db = dir.file("r.db");
  std::string original =
      read_file(std::string(RUNBACK_SOURCE_DIR) + "/protocols/achilles-midportion.yaml");
  std::string started_from = dir.file("my-achilles.yaml");

  FromAFile() {
    std::ofstream(started_from) << original;
    auto started =
        run({"start", "--usual-pain", "0", "--protocol", started_from, "--start", "2026-11-02"});
    INFO(started.err);
    REQUIRE(started.exit_code == 0);
  }
  CommandResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_command(args, {{"XDG_CONFIG_HOME", dir.file("config")},
                              {"XDG_DATA_HOME", dir.file("data")},
                              {"HOME", dir.path()}});
  }
  std::string write(const std::string& name, const std::string& text) const {
    const std::string path = dir.file(name);
    std::ofstream(path) << text;
    return path;
  }
};

// The copy: pain during at most 3/10 (was 5), 2 rest days (was 1), 4 good runs to move up
// (was 3).
std::string safer(const std::string& text) {
  std::string copy = edited(text, "  during:\n    max: 5", "  during:\n    max: 3");
  copy = edited(copy, "min_rest_days: 1", "min_rest_days: 2");
  return edited(copy, "sessions_to_advance: 3", "sessions_to_advance: 4");
}

}  // namespace

TEST_CASE("program upgrade lists each safety change once, from a file", "[cli][upgrade]") {
  FromAFile runner;
  const std::string file =
      runner.write("achilles-1.1.yaml",
                   safer(edited(runner.original, "version: \"1.0.0\"", "version: \"1.1.0\"")));
  const std::string before = dump_database(runner.db);

  auto shown = runner.run({"program", "upgrade", "--protocol", file, "--format", "json"});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  auto doc = nlohmann::json::parse(shown.out);
  CHECK(doc["changes"] ==
        nlohmann::json::array({"version 1.0.0 -> 1.1.0",
                               "pain during the run: at most 5/10 -> at most 3/10",
                               "every stage: rest days between runs: at least 1 -> at least 2",
                               "every stage: good runs in a row to move up: 3 -> 4"}));
  CHECK(doc["warnings"].empty());
  CHECK(doc["switched"] == false);
  CHECK(dump_database(runner.db) == before);

  auto text = runner.run({"program", "upgrade", "--protocol", file});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("  - every stage: rest days between runs: at least 1 -> at least 2\n") !=
        std::string::npos);
  CHECK(text.out.find("run `runback program upgrade --protocol " + file + " --yes`") !=
        std::string::npos);

  auto switched = runner.run({"program", "upgrade", "--protocol", file, "--yes"});
  INFO(switched.err);
  REQUIRE(switched.exit_code == 0);
  Store store = open_test_store(runner.db);
  CHECK(store.records_for("")->programme.protocol_version == "1.1.0");
  CHECK(runner.run({"program", "upgrade", "--protocol", file}).out.find("nothing to upgrade") !=
        std::string::npos);
}

TEST_CASE("program upgrade warns when the text changed but the version did not", "[cli][upgrade]") {
  FromAFile runner;
  const std::string file = runner.write("achilles-same-version.yaml", safer(runner.original));
  auto shown = runner.run({"program", "upgrade", "--protocol", file, "--format", "json"});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  const std::string warning =
      "the protocol's text changed but its version is still 1.0.0: ask its author to raise the "
      "version";
  auto doc = nlohmann::json::parse(shown.out);
  CHECK(doc["warnings"] == nlohmann::json::array({warning}));
  CHECK(doc["changes"].size() == 3);

  auto text = runner.run({"program", "upgrade", "--protocol", file});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Warning: " + warning + ".\n") != std::string::npos);
}

TEST_CASE("program upgrade refuses another protocol's file and a file that does not load",
          "[cli][upgrade]") {
  FromAFile runner;
  const std::string before = dump_database(runner.db);
  const std::string other = std::string(RUNBACK_SOURCE_DIR) + "/protocols/general-return.yaml";
  auto result = runner.run({"program", "upgrade", "--protocol", other, "--yes"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "runback: --protocol: " + other +
            " is the protocol 'general-return', but me's programme follows "
            "'achilles-midportion'; an upgrade keeps to the same protocol (to change protocols, "
            "start again with `runback start --replace`)\n");
  CHECK(result.out.empty());

  auto missing = runner.run({"program", "upgrade", "--protocol", runner.dir.file("none.yaml")});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("--protocol: cannot use") != std::string::npos);
  CHECK(dump_database(runner.db) == before);
}

// `runback plugin list` and `runback plugin info`, run as a user would.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "in_process.hpp"

using namespace runback::testing;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string kBuilt = RUNBACK_BUILT_PLUGIN_DIR;
const std::string kBroken = RUNBACK_BROKEN_PLUGIN_DIR;

// Keeps the user's own plugin directories out of the test.
std::map<std::string, std::string> isolated(const TempDir& home) {
  return {{"HOME", home.path()}, {"XDG_DATA_HOME", home.path()}, {"RUNBACK_PLUGIN_PATH", ""}};
}

}  // namespace

TEST_CASE("plugin list shows the three plugins of a fresh build with no set-up", "[cli][plugin]") {
  TempDir home{scratch_base()};
  const auto result = run_command({"plugin", "list"}, isolated(home));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK_THAT(result.out,
             StartsWith("achilles 1.0.1  (plugin ABI 1.2)  " + kBuilt + "/achilles.so\n"));
  CHECK_THAT(result.out, Contains("hip 1.0.0  (plugin ABI 1.2)  " + kBuilt + "/hip.so\n"));
  CHECK_THAT(result.out, Contains("knee 1.0.0  (plugin ABI 1.2)  " + kBuilt + "/knee.so\n"));
  CHECK_THAT(result.out,
             Contains("    hooks: exercises, session_cues, verdict, fixed_questions\n"));
  CHECK_THAT(result.out, !Contains("could not be loaded"));
}

TEST_CASE("a plugin limit set to something that is not one stops plugin list, saying so",
          "[cli][plugin][exit]") {
  TempDir home{scratch_base()};
  auto env = isolated(home);
  env["RUNBACK_PLUGIN_TIMEOUT"] = "1h";
  const auto result = run_command({"plugin", "list"}, env);
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "runback: RUNBACK_PLUGIN_TIMEOUT: '1h' is not a number of seconds from 0.001 to 86400 "
        "(a plugin's time per call), e.g. RUNBACK_PLUGIN_TIMEOUT=30\n");
  // Starting a programme on a plugin protocol is refused alike, and nothing is stored.
  const std::string db = home.path() + "/runback.db";
  const auto start =
      run_command({"--db", db, "--runner", "zoe", "start", "--protocol", "patellofemoral",
                   "--param", "baseline_cadence=160", "--usual-pain", "0"},
                  env);
  CHECK(start.exit_code == 2);
  CHECK_THAT(start.err, Contains("RUNBACK_PLUGIN_TIMEOUT: '1h' is not a number of seconds"));
  CHECK(run_command({"--db", db, "runners"}, isolated(home)).out.find("zoe") == std::string::npos);
  env["RUNBACK_PLUGIN_TIMEOUT"] = "30";
  CHECK(run_command({"plugin", "list"}, env).exit_code == 0);
}

TEST_CASE("a plugin limit set wrong is the user's to mend in every plan command (exit 2)",
          "[cli][plugin][exit]") {
  TempDir home{scratch_base()};
  auto env = isolated(home);
  const std::string db = home.path() + "/runback.db";
  REQUIRE(
      run_command({"--db", db, "--runner", "zoe", "start", "--protocol", "patellofemoral",
                   "--param", "baseline_cadence=160", "--usual-pain", "0", "--start", "2026-11-09"},
                  env)
          .exit_code == 0);
  env["RUNBACK_PLUGIN_MEMORY_MB"] = "2G";
  const std::string said =
      "runback: patellofemoral uses the plugin 'knee', which is not loaded while a plugin setting "
      "is wrong (RUNBACK_PLUGIN_MEMORY_MB: '2G' is not";
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"--runner", "zoe", "week"},
        std::vector<std::string>{"--runner", "zoe", "status"},
        {"runners"},
        {"week", "--all"}}) {
    std::vector<std::string> args{"--db", db};
    args.insert(args.end(), command.begin(), command.end());
    args.insert(args.end(), {"--date", "2026-11-11"});
    INFO(args.back() + " " + command.back());
    const auto result = run_command(args, env);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, StartsWith(said));
    CHECK_THAT(result.err, Contains("); no run can count until it is mended\n"));
  }
}

TEST_CASE("plugin list shows plugins that failed to load and why - without crashing",
          "[cli][plugin]") {
  TempDir home{scratch_base()};
  std::vector<std::string> args;
  for (const char* which : {"not-a-library", "missing", "no-entry", "abi-major", "abi-minor",
                            "unresolved", "twins", "nameless", "bad-schema"}) {
    args.push_back("--plugin-dir");
    args.push_back(kBroken + "/" + which);
  }
  args.push_back("plugin");
  args.push_back("list");
  const auto result = run_command(args, isolated(home));
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("achilles 1.0.1") && Contains("knee 1.0.0") &&
                             Contains("hip 1.0.0") && Contains("twin 1.0.0"));
  CHECK_THAT(result.out, Contains("\n9 plugins could not be loaded:\n"));
  CHECK_THAT(result.out, Contains("  plugin 'abi-major' (" + kBroken +
                                  "/abi-major/abi-major.so): it was built for plugin ABI 2.0, "
                                  "but this runback speaks plugin ABI 1.2"));
  CHECK_THAT(result.out, Contains("  plugin 'gone' (" + kBroken +
                                  "/missing/gone.so): the file "
                                  "is missing (a link to nothing)"));
  CHECK_THAT(result.out, Contains("undefined symbol: runback_test_function_nobody_defines"));
  CHECK_THAT(result.out, Contains("another plugin named 'twin' was found first"));
}

TEST_CASE("plugin list --format json", "[cli][plugin]") {
  TempDir home{scratch_base()};
  const auto result =
      run_command({"--plugin-dir", kBroken + "/abi-minor", "plugin", "list", "--format", "json"},
                  isolated(home));
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["schema"] == "runback.plugin-list/1");
  CHECK(json["abi_version"] == "1.2");
  REQUIRE(json["plugins"].size() == 3);
  CHECK(json["plugins"][2]["name"] == "knee");
  CHECK(json["plugins"][2]["path"] == kBuilt + "/knee.so");
  CHECK(json["plugins"][2]["hooks"].size() == 4);
  REQUIRE(json["failed"].size() == 1);
  CHECK(json["failed"][0]["name"] == "abi-minor");
  CHECK(json["failed"][0]["path"] == kBroken + "/abi-minor/abi-minor.so");
  CHECK_THAT(json["failed"][0]["error"].get<std::string>(), Contains("ABI 1.99"));
  CHECK(json["searched"][0]["origin"] == "--plugin-dir");
}

TEST_CASE("plugin info describes the parameters with types - defaults and meaning",
          "[cli][plugin]") {
  TempDir home{scratch_base()};
  const auto result = run_command({"plugin", "info", "achilles"}, isolated(home));
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out,
             StartsWith("achilles 1.0.1 (plugin ABI 1.2)\n" + kBuilt + "/achilles.so\n"));
  CHECK_THAT(result.out, Contains("  programme  (enum, alfredson | hsr; default alfredson)\n"));
  CHECK_THAT(result.out, Contains("  load_step_kg  (number, 0..5 kg; default 5)\n"));
  CHECK_THAT(result.out, Contains("Alfredson 1998"));

  const auto knee = run_command({"plugin", "info", "knee", "--format", "json"}, isolated(home));
  REQUIRE(knee.exit_code == 0);
  const auto json = nlohmann::json::parse(knee.out);
  CHECK(json["schema"] == "runback.plugin-info/1");
  const auto& baseline = json["plugin"]["parameters"][0];
  CHECK(baseline["name"] == "baseline_cadence");
  CHECK(baseline["scope"] == "programme");
  CHECK(baseline["required"] == true);
  CHECK(baseline["default"].is_null());
  CHECK(baseline["min"] == 120);
  CHECK(baseline["unit"] == "steps/min");
}

TEST_CASE("plugin info for an unknown name suggests the closest", "[cli][plugin]") {
  TempDir home{scratch_base()};
  const auto result = run_command({"plugin", "info", "achiles"}, isolated(home));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err,
             StartsWith("runback: no plugin named 'achiles' (did you mean 'achilles'?)"));
}

TEST_CASE("plugin info for a plugin that failed to load says why", "[cli][plugin]") {
  TempDir home{scratch_base()};
  const auto result = run_command(
      {"--plugin-dir", kBroken + "/no-entry", "plugin", "info", "no-entry"}, isolated(home));
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, StartsWith("runback: plugin 'no-entry' (" + kBroken +
                                    "/no-entry/no-entry.so): it is a shared library but not a "
                                    "runback plugin"));
}

TEST_CASE("RUNBACK_PLUGIN_PATH is searched", "[cli][plugin]") {
  TempDir home{scratch_base()};
  auto env = isolated(home);
  env["RUNBACK_PLUGIN_PATH"] = kBroken + "/twins";
  const auto result = run_command({"plugin", "list"}, env);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out,
             StartsWith("twin 1.0.0  (plugin ABI 1.2)  " + kBroken + "/twins/twin-a.so"));
}

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "in_process.hpp"

using namespace runback::testing;

namespace {

// No user config or data from the machine running the tests.
std::map<std::string, std::string> isolated(const TempDir& dir) {
  return {{"XDG_CONFIG_HOME", dir.file("config")},
          {"XDG_DATA_HOME", dir.file("data")},
          {"HOME", dir.path()}};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("protocol simulate shows the timeline and the days to completion", "[cli][simulate]") {
  TempDir dir{scratch_base()};
  auto result = run_command(
      {"protocol", "simulate", "general-return", "--start", "2026-11-23", "--seed", "4"},
      isolated(dir));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "Simulation of general-return"));
  CHECK(contains(result.out, "Stage  Days"));
  CHECK(contains(result.out, "Completed on "));
  // The same planner, the same seed: the same answer.
  CHECK(run_command(
            {"protocol", "simulate", "general-return", "--start", "2026-11-23", "--seed", "4"},
            isolated(dir))
            .out == result.out);
}

TEST_CASE("protocol simulate follows a symptom script, then the profile", "[cli][simulate]") {
  TempDir dir{scratch_base()};
  std::ofstream(dir.file("symptoms.txt")) << "# a red flag on the second run\n"
                                             "during=1 after=0 morning=0\n"
                                             "during=2 morning=0 flag=night-pain\n";
  auto result = run_command({"protocol", "simulate", "achilles-midportion", "--start", "2026-11-23",
                             "--symptoms", dir.file("symptoms.txt"), "--format", "json"},
                            isolated(dir));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["schema"] == "runback.simulation/1");
  CHECK(doc["stopped"] == true);
  CHECK(doc["runs"] == 2);
  CHECK(doc["decisions"].back()["kind"] == "stop");
  CHECK(doc["days_to_completion"].is_null());
}

TEST_CASE("protocol simulate flares take longer than steady runs", "[cli][simulate]") {
  TempDir dir{scratch_base()};
  auto days = [&](const std::string& profile) {
    auto result =
        run_command({"protocol", "simulate", "achilles-midportion", "--start", "2026-11-23",
                     "--profile", profile, "--seed", "3", "--format", "json"},
                    isolated(dir));
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out)["days_to_completion"].get<int>();
  };
  CHECK(days("flare") > days("steady"));
}

TEST_CASE("protocol simulate reports bad input with exit status 2", "[cli][simulate]") {
  TempDir dir{scratch_base()};
  SECTION("a mistake in the symptom script, where it is") {
    std::ofstream(dir.file("s.txt")) << "during=1\nduring=12\n";
    auto result = run_command(
        {"protocol", "simulate", "achilles-midportion", "--symptoms", dir.file("s.txt")},
        isolated(dir));
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err,
                   dir.file("s.txt") + ":2:8: error: during must be a whole number from 0 to 10"));
    CHECK(result.out.empty());
  }
  SECTION("an unknown protocol") {
    auto result = run_command({"protocol", "simulate", "achiles-midportion"}, isolated(dir));
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "achilles-midportion"));
  }
  SECTION("a plugin parameter the runner must give") {
    auto result = run_command({"protocol", "simulate", "patellofemoral"}, isolated(dir));
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "--param baseline_cadence=VALUE"));
  }
  SECTION("a stage out of range") {
    auto result =
        run_command({"protocol", "simulate", "general-return", "--stage", "99"}, isolated(dir));
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "--stage: general-return has stages 1 to"));
  }
}

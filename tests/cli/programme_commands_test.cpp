#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "store/store_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {
const std::string kProtocols = std::string(RUNBACK_SOURCE_DIR) + "/protocols";

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST_CASE("start records the programme with a snapshot of the protocol", "[cli][start]") {
  TempDir dir{scratch_base()};
  const std::string db = dir.file("r.db");
  auto result = run_command({"--db", db, "--runner", "ana", "start", "--usual-pain", "0",
                             "--protocol", "general-return", "--entry-test", "12", "--start",
                             "2026-11-02", "--days", "mon,wed,fri", "--format", "json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto doc = nlohmann::json::parse(result.out);
  CHECK(doc["schema"] == "runback.start/1");
  CHECK(doc["stage"]["id"] == "gr-04");  // the band "at_least: 10"
  CHECK(doc["programme"]["run_days"] == nlohmann::json::array({"mon", "wed", "fri"}));
  CHECK_FALSE(doc["entry_criteria"].empty());

  Store store = open_test_store(db);
  auto records = store.records_for("ana");
  REQUIRE(records.ok());
  CHECK(records->programme.protocol_snapshot == read_file(kProtocols + "/general-return.yaml"));
  CHECK(records->programme.params.empty());
  CHECK(records->programme.plugin_name.empty());
  CHECK(records->programme.start_date == make_date(2026, 11, 2));
  CHECK(records->programme.starting_stage == 3);
}

TEST_CASE("start records the protocol's plugin and lets it check the programme parameters",
          "[cli][start]") {
  TempDir dir{scratch_base()};
  const std::string db = dir.file("r.db");
  const std::vector<std::string> knee{"--db", db,           "start",         "--usual-pain",
                                      "0",    "--protocol", "patellofemoral"};

  auto missing = run_command(knee);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("--param baseline_cadence") != std::string::npos);
  auto out_of_range = run_command({"--db", db, "start", "--usual-pain", "0", "--protocol",
                                   "patellofemoral", "--param", "baseline_cadence=400"});
  CHECK(out_of_range.exit_code == 2);
  CHECK(out_of_range.err.find("out of range") != std::string::npos);
  auto unread = run_command({"--db", db, "start", "--usual-pain", "0", "--protocol",
                             "general-return", "--param", "baseline_cadence=168"});
  CHECK(unread.exit_code == 2);
  CHECK(unread.err.find("uses no plugin") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));  // refused before the database was made

  auto started = run_command({"--db", db, "--runner", "ana", "start", "--usual-pain", "0",
                              "--protocol", "patellofemoral", "--param", "baseline_cadence=164"});
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
  Store store = open_test_store(db);
  auto records = store.records_for("ana");
  REQUIRE(records.ok());
  CHECK(records->programme.plugin_name == "knee");
  CHECK_FALSE(records->programme.plugin_version.empty());
  CHECK(records->programme.params.at("baseline_cadence") == "164");
}

TEST_CASE("start: the runner is the default for later commands, and the entry criteria are shown",
          "[cli][start]") {
  TempDir dir{scratch_base()};
  const std::string db = dir.file("r.db");
  auto started =
      run_command({"--db", db, "start", "--usual-pain", "0", "--protocol", "achilles-midportion"});
  REQUIRE(started.exit_code == 0);
  CHECK(started.out.find("Before your first run") != std::string::npos);
  CHECK(run_command({"--db", db, "log", "--pain-during", "1"}).exit_code == 0);
  auto again =
      run_command({"--db", db, "start", "--usual-pain", "0", "--protocol", "achilles-midportion"});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("--replace") != std::string::npos);
}

TEST_CASE("start refuses bad input before touching the database", "[cli][start]") {
  TempDir dir{scratch_base()};
  const std::string db = dir.file("r.db");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"start", "--usual-pain", "0", "--protocol", "achiles-midportion"}, "did you mean"},
      {{"start", "--usual-pain", "0", "--protocol", "achilles-midportion", "--stage", "0"},
       "--stage: '0'"},
      {{"start", "--usual-pain", "0", "--protocol", "achilles-midportion", "--stage", "99"},
       "from 1 to"},
      {{"start", "--usual-pain", "0", "--protocol", "achilles-midportion", "--entry-test", "5"},
       "has no entry test"},
      {{"start", "--usual-pain", "0", "--protocol", "general-return", "--entry-test", "-3"},
       "--entry-test"},
      {{"start", "--usual-pain", "0", "--protocol", "general-return", "--stage", "2",
        "--entry-test", "3"},
       "excludes"},
      {{"start", "--usual-pain", "0", "--protocol", "general-return", "--start", "2026-02-29"},
       "--start"},
      {{"start", "--usual-pain", "0", "--protocol", "general-return", "--days", "mon,funday"},
       "--days"},
      {{"start", "--usual-pain", "0", "--protocol", "general-return", "--param", "cadence"},
       "--param"},
  };
  for (const auto& [args, expected] : cases) {
    DYNAMIC_SECTION(args.back()) {
      std::vector<std::string> full = {"--db", db};
      full.insert(full.end(), args.begin(), args.end());
      auto result = run_command(full);
      INFO(result.err);
      CHECK(result.exit_code == 2);
      CHECK(result.err.find(expected) != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(db));
    }
  }
}

namespace {

// A protocol directory of the test's own holding general-return.yaml, to edit, and a database.
struct EditableProtocol {
  EditableProtocol() {
    std::filesystem::create_directories(protocols);
    std::ofstream(file) << original;
  }
  TempDir dir{scratch_base()};
  std::string db = dir.file("r.db");
  std::string protocols = dir.file("protocols");
  std::string file = protocols + "/general-return.yaml";
  std::string original = read_file(kProtocols + "/general-return.yaml");
};

}  // namespace

TEST_CASE("program upgrade shows what changed and switches only with --yes", "[cli][start]") {
  const EditableProtocol edit;
  const std::string &db = edit.db, &protocols = edit.protocols, &file = edit.file,
                    &original = edit.original;
  auto started = run_command({"--db", db, "--protocol-dir", protocols, "start", "--usual-pain", "0",
                              "--protocol", "general-return"});
  REQUIRE(started.exit_code == 0);

  auto unchanged = run_command({"--db", db, "--protocol-dir", protocols, "program", "upgrade"});
  CHECK(unchanged.exit_code == 0);
  CHECK(unchanged.out.find("nothing to upgrade") != std::string::npos);

  std::string edited = original;
  const auto version = edited.find("version: \"1.0.0\"");
  REQUIRE(version != std::string::npos);
  edited.replace(version, 16, "version: \"1.1.0\"");
  std::ofstream(file) << edited;
  const std::string before = dump_database(db);
  auto shown = run_command(
      {"--db", db, "--protocol-dir", protocols, "program", "upgrade", "--format", "json"});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  auto doc = nlohmann::json::parse(shown.out);
  CHECK(doc["switched"] == false);
  CHECK(doc["changes"][0] == "version 1.0.0 -> 1.1.0");
  CHECK(doc["diff"].size() == 2);
  CHECK(dump_database(db) == before);

  auto switched =
      run_command({"--db", db, "--protocol-dir", protocols, "program", "upgrade", "--yes"});
  CHECK(switched.exit_code == 0);
  CHECK(switched.out.find("Switched") != std::string::npos);
  Store store = open_test_store(db);
  CHECK(store.records_for("")->programme.protocol_version == "1.1.0");
  CHECK(store.records_for("")->programme.protocol_snapshot == edited);
  auto audit = store.audit(store.resolve_runner("")->id);
  REQUIRE(audit->size() == 2);
  CHECK((*audit)[0].old_value == "1.0.0");
}

TEST_CASE("program upgrade keeps the starting stage by its id when stages move", "[cli][start]") {
  const EditableProtocol edit;
  const std::string &db = edit.db, &protocols = edit.protocols, &file = edit.file,
                    &original = edit.original;
  REQUIRE(run_command({"--db", db, "--protocol-dir", protocols, "start", "--usual-pain", "0",
                       "--protocol", "general-return", "--stage", "2"})
              .exit_code == 0);

  // A new first stage: gr-02, where the runner started, is now the third.
  std::string edited = original;
  const auto stages = edited.find("\nstages:\n");
  REQUIRE(stages != std::string::npos);
  edited.insert(stages + 9,
                "  - id: gr-00\n"
                "    ref: running-clinic\n"
                "    name: Shorter first run-walk\n"
                "    session:\n"
                "      warmup_walk: 5min\n"
                "      blocks:\n"
                "        - {run: 1min, walk: 1min, repeat: 4}\n"
                "      cooldown_walk: 5min\n"
                "    intensity: {rpe: [3, 4], talk_test: true, ref: intensity-cues}\n");
  std::ofstream(file) << edited;
  auto shown = run_command(
      {"--db", db, "--protocol-dir", protocols, "program", "upgrade", "--format", "json"});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  auto doc = nlohmann::json::parse(shown.out);
  CHECK(doc["starting_stage"]["from"] == 2);
  CHECK(doc["starting_stage"]["to"] == 3);
  bool noted = false;
  for (const auto& change : doc["changes"]) {
    noted = noted || change.get<std::string>().find(
                         "gr-02 (1-minute runs, 8 rounds), moves from "
                         "stage 2 to stage 3") != std::string::npos;
  }
  CHECK(noted);

  REQUIRE(run_command({"--db", db, "--protocol-dir", protocols, "program", "upgrade", "--yes"})
              .exit_code == 0);
  Store store = open_test_store(db);
  CHECK(store.records_for("")->programme.starting_stage == 2);
  auto status = nlohmann::json::parse(
      run_command({"--db", db, "--protocol-dir", protocols, "status", "--format", "json"}).out);
  CHECK(status["stage"]["id"] == "gr-02");
}

TEST_CASE("runners shows where each runner stands today, as the planner decides it",
          "[cli][runners]") {
  TempDir dir{scratch_base()};
  const std::string db = dir.file("r.db");
  REQUIRE(run_command({"--db", db, "--runner", "ana", "start", "--usual-pain", "0", "--protocol",
                       "general-return", "--stage", "2"})
              .exit_code == 0);
  auto fresh = run_command({"--db", db, "runners", "--format", "json"});
  REQUIRE(fresh.exit_code == 0);
  const auto stage_count = std::to_string(
      nlohmann::json::parse(run_command({"protocol", "show", "general-return", "--format", "json"})
                                .out)["protocol"]["stages"]
          .size());
  CHECK(nlohmann::json::parse(fresh.out)["runners"][0]["stage"] == "2 of " + stage_count);

  REQUIRE(run_command({"--db", db, "log", "--red-flag", "night-pain"}).exit_code == 0);
  auto stopped = run_command({"--db", db, "runners"});
  CHECK(stopped.out.find("2/" + stage_count) != std::string::npos);
  CHECK(stopped.out.find("STOPPED since") != std::string::npos);
}

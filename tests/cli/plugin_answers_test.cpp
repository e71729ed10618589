// The plugin contract as a runner and a clinician meet it: answers to a plugin's questions are
// checked before anything is written, `start` checks plugin parameters as `lint` does, and a
// missing plugin makes `week` and `status` fail.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "store/store_fixture.hpp"

using namespace runback;
using namespace runback::testing;
using Catch::Matchers::Contains;

namespace {

// Hip (questions: side-lying-pain 0-10, single-leg-stance yes/no), started Mon 2 Nov 2026.
InProcess& hip_runner(InProcess& p) {
  p.clock().set(make_date(2026, 11, 4));
  const auto started = p.run({"--runner", "ana", "start", "--protocol", "hip-gluteal", "--start",
                              "2026-11-02", "--usual-pain", "0", "--days", "mon,wed,fri"});
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
  return p;
}

std::string with_plugin(const TempDir& dir, const std::string& plugin_block) {
  std::ifstream in(std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/minimal.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string path = dir.file("with-plugin.yaml");
  std::ofstream(path) << text << plugin_block;
  return path;
}

}  // namespace

TEST_CASE("a bad answer is refused before anything is written, naming what is accepted",
          "[cli][plugin]") {
  InProcess p;
  hip_runner(p);
  const std::string before = dump_database(p.db());
  struct Case {
    std::string answer;
    std::string expected;
  };
  const Case cases[] = {
      {"single-leg-stanse=yes",
       "--answer: 'single-leg-stanse' is not a question of this programme (did you mean "
       "'single-leg-stance'?)"},
      {"side-lying-pain=11", "--answer: side-lying-pain='11' is not a number from 0 to 10"},
      {"side-lying-pain=lots", "--answer: side-lying-pain='lots' is not a number from 0 to 10"},
      {"single-leg-stance=maybe",
       "--answer: single-leg-stance='maybe' is not yes or no (also y/n, true/false, 1/0)"},
  };
  for (const Case& c : cases) {
    INFO(c.answer);
    const auto result =
        p.run({"--runner", "ana", "log", "2026-11-02", "--pain-during", "1", "--answer", c.answer});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains(c.expected));
    CHECK_THAT(result.err, Contains("nothing was logged"));
  }
  CHECK(dump_database(p.db()) == before);
}

TEST_CASE("yes/no answers take every documented spelling, stored as yes or no", "[cli][plugin]") {
  InProcess p;
  hip_runner(p);
  p.clock().set(make_date(2026, 11, 12));
  const std::pair<const char*, const char*> spellings[] = {
      {"YES", "yes"}, {"y", "yes"}, {"True", "yes"}, {"1", "yes"},
      {"No", "no"},   {"N", "no"},  {"false", "no"}, {"0", "no"}};
  int day = 0;
  for (const auto& spelling : spellings) {
    const std::string typed = spelling.first, stored = spelling.second;
    const std::string date = format_date(make_date(2026, 11, 2) + std::chrono::days{day++});
    INFO(typed);
    const auto result = p.run({"--runner", "ana", "log", date, "--session", "done", "--pain-during",
                               "1", "--answer", std::string("single-leg-stance=") + typed});
    REQUIRE(result.exit_code == 0);
    const auto dump = dump_database(p.db());
    CHECK_THAT(dump, Contains(std::string("\"single-leg-stance\":\"") + stored + "\""));
  }
}

TEST_CASE("start refuses plugin parameters that lint refuses, and writes nothing",
          "[cli][plugin]") {
  InProcess p;
  TempDir dir{scratch_base()};
  const std::string path = with_plugin(dir,
                                       "plugin:\n  name: knee\n  params:\n"
                                       "    step_percnt: 5\n    target_percent: 15\n");
  const auto result = p.run({"--runner", "ana", "start", "--protocol", path, "--usual-pain", "0",
                             "--param", "baseline_cadence=160"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Contains("plugin 'knee' has no parameter 'step_percnt' (did you mean "
                                  "'step_percent'?)"));
  CHECK_THAT(result.err, Contains("15 is out of range (expected 5..10 %)"));
  CHECK_THAT(result.err, Contains("nothing was started"));
  CHECK_FALSE(std::filesystem::exists(p.db()));
}

TEST_CASE("a runner whose plugin has gone: week and status show what they can, and fail",
          "[cli][plugin]") {
  InProcess p;
  TempDir plugins{scratch_base()};
  std::filesystem::copy_file(std::string(RUNBACK_BROKEN_PLUGIN_DIR) + "/twins/twin-a.so",
                             plugins.file("twin.so"));
  TempDir dir{scratch_base()};
  const std::string path = with_plugin(dir, "plugin:\n  name: twin\n");
  p.clock().set(make_date(2026, 11, 4));
  const auto started = p.run({"--plugin-dir", plugins.path(), "--runner", "ana", "start",
                              "--protocol", path, "--usual-pain", "0", "--start", "2026-11-02"});
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
  std::filesystem::remove(plugins.file("twin.so"));
  for (const char* command : {"week", "status"}) {
    INFO(command);
    const auto result = p.run({"--plugin-dir", plugins.path(), "--runner", "ana", command});
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Contains("uses the plugin 'twin', which is not available"));
    CHECK_FALSE(result.out.empty());
  }
}

TEST_CASE("the interactive log checks a yes/no answer as --answer does",
          "[cli][plugin][interactive]") {
  TempDir dir{scratch_base()};
  const RealFileSystem fs;
  const MapEnvironment env(std::map<std::string, std::string>{});
  const FixedClock clock(make_date(2026, 11, 4));
  const std::string db = dir.file("r.db");
  REQUIRE(run_in_process({"--db", db, "start", "--protocol", "hip-gluteal", "--start", "2026-11-02",
                          "--usual-pain", "0"},
                         fs, env, clock)
              .exit_code == 0);
  // Session, pain during, after and the next morning, side-lying pain (out of range, then 2),
  // single-leg stance (a word, then TRUE); the input then ends.
  auto log = run_in_process({"--db", db, "log", "2026-11-02"}, fs, env, clock,
                            std::string("done\n1\n0\n0\n11\n2\nmaybe\nTRUE\n"));
  INFO(log.err);
  REQUIRE(log.exit_code == 0);
  CHECK_THAT(log.err, Contains("Please give a number from 0 to 10"));
  CHECK_THAT(log.err, Contains("Please give yes or no (also y/n, true/false, 1/0)"));
  auto history = run_in_process({"--db", db, "history", "--format", "json"}, fs, env, clock);
  REQUIRE(history.exit_code == 0);
  INFO(history.out);
  auto logged = nlohmann::json::parse(history.out)["logs"];
  REQUIRE(logged.size() == 1);
  CHECK(logged[0]["answers"]["side-lying-pain"] == "2");
  CHECK(logged[0]["answers"]["single-leg-stance"] == "yes");
}

TEST_CASE("the interactive log asks next-morning questions only after a run",
          "[cli][plugin][interactive]") {
  TempDir dir{scratch_base()};
  const RealFileSystem fs;
  const MapEnvironment env(std::map<std::string, std::string>{});
  const std::string db = dir.file("r.db");
  const FixedClock start_day(make_date(2026, 11, 2));
  REQUIRE(run_in_process({"--db", db, "start", "--protocol", "hip-gluteal", "--start", "2026-11-02",
                          "--usual-pain", "0"},
                         fs, env, start_day)
              .exit_code == 0);
  REQUIRE(
      run_in_process({"--db", db, "log", "2026-11-03", "--pain-during", "1", "--pain-after", "1"},
                     fs, env, FixedClock(make_date(2026, 11, 3)))
          .exit_code == 0);

  SECTION("the morning after a rest day: nothing about a run") {
    // Run (Enter: none), swelling, limp, red flags, note: all skipped.
    auto log = run_in_process({"--db", db, "log"}, fs, env, FixedClock(make_date(2026, 11, 5)),
                              std::string("\n\n\n\n\n"));
    INFO(log.err);
    CHECK(log.exit_code == 0);
    CHECK_THAT(log.err, Contains("Did you run"));
    CHECK_THAT(log.err, !Contains("Pain the next morning"));
    CHECK_THAT(log.err, !Contains("lying on the sore side"));
    CHECK_THAT(log.err, !Contains("Pain during the run"));
    CHECK_THAT(log.err, Contains("Any swelling"));
  }
  SECTION("the morning after a run: its next-morning values, the plugin's questions too") {
    // Run today (Enter: none), next-morning pain, side-lying pain, single-leg stance, swelling,
    // limp, red flags, note.
    auto log = run_in_process({"--db", db, "log"}, fs, env, FixedClock(make_date(2026, 11, 4)),
                              std::string("\n2\n1\ny\n\n\n\n\n"));
    INFO(log.err);
    REQUIRE(log.exit_code == 0);
    CHECK_THAT(log.err, Contains("Pain the next morning (0-10), after yesterday's session?"));
    // The plugin's text says how to answer; it is not said twice.
    CHECK_THAT(log.err, Contains("10 seconds without pain? (yes/no) "));
    CHECK_THAT(log.err, !Contains("(yes/no) (y/n)"));
    CHECK_THAT(log.err, !Contains("Pain during the run"));
    auto history = run_in_process({"--db", db, "history", "--format", "json"}, fs, env,
                                  FixedClock(make_date(2026, 11, 4)));
    auto logged = nlohmann::json::parse(history.out)["logs"];
    REQUIRE(logged.size() == 1);
    CHECK(logged[0]["pain_next_morning"] == 2);
    CHECK(logged[0]["answers"]["side-lying-pain"] == "1");
    CHECK(logged[0]["answers"]["single-leg-stance"] == "yes");
  }
}

TEST_CASE("a plugin that crashes while planning: the caseload names it once, and fails",
          "[cli][plugin]") {
  InProcess p;
  const std::string plugins = std::string(RUNBACK_BROKEN_PLUGIN_DIR) + "/iso-crash";
  const std::string library = plugins + "/iso-crash.so";
  TempDir dir{scratch_base()};
  const std::string path = with_plugin(dir, "plugin:\n  name: iso-crash\n");
  p.clock().set(make_date(2026, 11, 4));
  // Its verdict crashes; nothing else does, so runners can be started and their runs logged.
  for (const char* name : {"ana", "ben", "cat"}) {
    const auto started = p.run({"--plugin-dir", plugins, "--runner", name, "start", "--protocol",
                                path, "--usual-pain", "0", "--start", "2026-11-02"});
    INFO(started.err);
    REQUIRE(started.exit_code == 0);
    const auto logged = p.run({"--plugin-dir", plugins, "--runner", name, "log", "2026-11-02",
                               "--pain-during", "1", "--pain-morning", "1"});
    CHECK(logged.exit_code == 0);  // what was logged is kept; the runner is told
    CHECK_THAT(logged.err, Contains("warning: the plugin 'iso-crash' failed while planning " +
                                    std::string(name) + " (plugin 'iso-crash' (" + library +
                                    "): stopped with signal 11"));
  }
  const std::string before = dump_database(p.db());

  const auto alone = p.run({"--plugin-dir", plugins, "--runner", "ana", "week"});
  CHECK(alone.exit_code == 1);
  CHECK_THAT(alone.err, Contains("the plugin 'iso-crash' failed while planning ana"));
  CHECK_FALSE(alone.out.empty());

  const auto caseload = p.run({"--plugin-dir", plugins, "week", "--all"});
  CHECK(caseload.exit_code == 1);
  CHECK_THAT(caseload.err, Contains("the plugin 'iso-crash' failed while planning ana (plugin "
                                    "'iso-crash' (" +
                                    library + "): stopped with signal 11"));
  CHECK_THAT(caseload.err,
             Contains("the plugin 'iso-crash' failed the same way for 2 more runners: ben, cat\n"));
  CHECK(caseload.err.find("failed while planning ben") == std::string::npos);

  const auto listed = p.run({"--plugin-dir", plugins, "runners", "--format", "json"});
  CHECK(listed.exit_code == 1);
  CHECK_THAT(listed.err, Contains("failed while planning ana") &&
                             Contains("the plugin 'iso-crash' failed the same way for 2 more "
                                      "runners: ben, cat\n"));
  CHECK(listed.err.find("failed while planning ben") == std::string::npos);
  const auto runners = nlohmann::json::parse(listed.out)["runners"];
  REQUIRE(runners.size() == 3);
  for (const auto& runner : runners) CHECK(runner["attention"]["failed_plugin"] == "iso-crash");
  CHECK(dump_database(p.db()) == before);
}

// The few checks only the built binary, started as a user starts it, can make: the exit status a
// shell sees, --version and --help (which CLI11 prints itself), the interactive prompt on a real
// terminal, and failures that need a process of their own (run as another user, or under a
// file-size limit). Every other command test runs in process (tests/cli/in_process.hpp); here the
// set-up and the read-back do too.

#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <fstream>
#include <nlohmann/json.hpp>

#include "in_process.hpp"
#include "store/spawn.hpp"
#include "store/store_fixture.hpp"
#include "support/run_process.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

struct TerminalRun {
  int exit_code = -1;
  std::string screen;  // everything the terminal showed: prompts, echoed answers, messages
};

// Runs runback on a new terminal `columns` wide, with `env` added to the environment, and
// types `typed` (lines ending in \n) into it.
TerminalRun run_on_terminal(const std::vector<std::string>& args, const std::string& typed,
                            const std::map<std::string, std::string>& env = {},
                            unsigned short columns = 80) {
  std::vector<std::string> argv_strings{RUNBACK_EXE};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  int master = -1;
  winsize size{};
  size.ws_row = 50;
  size.ws_col = columns;
  const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // The terminal queues typed lines until the program reads them, as a fast typist's would be.
  REQUIRE(write(master, typed.data(), typed.size()) == ssize_t(typed.size()));
  TerminalRun run;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) {
      run.screen.append(buffer, std::size_t(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO: the program has exited and closed the terminal
    }
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace

TEST_CASE("a shell sees 0, 1 or 2, and --version and --help print and exit 0", "[cli][binary]") {
  TempDir dir;
  const std::map<std::string, std::string> env = {{"XDG_CONFIG_HOME", dir.file("config")},
                                                  {"XDG_DATA_HOME", dir.file("data")},
                                                  {"HOME", dir.path()},
                                                  {"RUNBACK_PLUGIN_PATH", ""}};
  const auto version = run_runback({"--version"}, env);
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("runback "));
  CHECK(version.err.empty());
  const auto help = run_runback({"--help"}, env);
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::StartsWith("runback: a return-to-running planner."));
  CHECK_THAT(help.out, Catch::Contains("Usage: runback [OPTIONS] SUBCOMMAND"));

  const auto bad_line = run_runback({"--no-such-flag", "history"}, env);
  CHECK(bad_line.exit_code == 2);
  CHECK_THAT(bad_line.err, Catch::Contains("Run with --help for more information."));
  const auto no_records = run_runback({"--db", dir.file("none.db"), "history"}, env);
  CHECK(no_records.exit_code == 2);
  CHECK_THAT(no_records.err, Catch::Contains("no records yet"));
  const auto broken_plugin =
      run_runback({"--plugin-dir", std::string(RUNBACK_BROKEN_PLUGIN_DIR) + "/no-entry", "plugin",
                   "info", "no-entry"},
                  env);
  CHECK(broken_plugin.exit_code == 1);
  CHECK_THAT(broken_plugin.err, Catch::Contains("it is a shared library but not a runback plugin"));
}

TEST_CASE("on a terminal, log asks for each missing value and re-asks kindly",
          "[cli][records][interactive]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  seed_runners(db, {"ana"});
  const std::string date = format_date(real_today() - std::chrono::days{2});
  // session, pain during (a typo, then 11, then 3), pain after (skipped), next morning,
  // stiffness, swelling (a typo, then n), limp, red flags (none), note.
  const std::string typed = "done\nthree\n11\n3\n\n1\n10\nnah\nn\ny\n\nTight calf, \"ok\" ✓\n";
  auto run = run_on_terminal({"--db", db, "log", date}, typed);
  INFO(run.screen);
  CHECK(run.exit_code == 0);
  CHECK(run.screen.find("Pain during the run (0-10)?") != std::string::npos);
  CHECK(run.screen.find("Please give a whole number from 0 (no pain) to 10") != std::string::npos);
  CHECK(run.screen.find("Please answer y or n") != std::string::npos);
  CHECK(run.screen.find("Red flags:") != std::string::npos);

  auto history = run_command({"--db", db, "history", "--format", "json"});
  auto log = nlohmann::json::parse(history.out)["logs"][0];
  CHECK(log["date"] == date);
  CHECK(log["session"] == "done");
  CHECK(log["pain_during"] == 3);
  CHECK(log["pain_after"].is_null());
  CHECK(log["pain_next_morning"] == 1);
  CHECK(log["stiffness_minutes"] == 10);
  CHECK(log["swelling"] == false);
  CHECK(log["limp"] == true);
  CHECK(log["red_flags"].empty());
  CHECK(log["note"] == "Tight calf, \"ok\" ✓");
}

TEST_CASE("on a terminal, values already given or logged are not asked again",
          "[cli][records][interactive]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  seed_runners(db, {"ana"});
  const std::string date = format_date(real_today() - std::chrono::days{1});
  REQUIRE(
      run_command({"--db", db, "log", date, "--session", "done", "--pain-during", "2"}).exit_code ==
      0);
  // Asked: pain after, next morning, stiffness, swelling, limp, red flags (2 = pain at rest), note.
  auto run = run_on_terminal({"--db", db, "log", date, "--no-limp"}, "4\n\n\n\n2\n\n");
  INFO(run.screen);
  CHECK(run.exit_code == 0);
  CHECK(run.screen.find("Session (done") == std::string::npos);
  CHECK(run.screen.find("Pain during the run") == std::string::npos);
  CHECK(run.screen.find("Any limp") == std::string::npos);
  auto log = nlohmann::json::parse(
      run_command({"--db", db, "history", "--format", "json"}).out)["logs"][0];
  CHECK(log["pain_during"] == 2);
  CHECK(log["pain_after"] == 4);
  CHECK(log["limp"] == false);
  CHECK(log["red_flags"] == nlohmann::json::array({"pain-at-rest"}));
}

TEST_CASE("on a terminal, log asks exactly what the checkpoint needs, the plugin's questions too",
          "[cli][records][interactive]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const std::string start = format_date(real_today() - std::chrono::days{7});
  REQUIRE(run_command({"--db", db, "start", "--protocol", "achilles-midportion", "--usual-pain",
                       "1", "--start", start})
              .exit_code == 0);
  const std::string date = format_date(real_today() - std::chrono::days{2});
  // session, pain during, next morning, the achilles plugin's stiffness and heel raises (a word,
  // then out of range, then a number), swelling, limp (yes: this protocol's red flag), the other
  // red flags (none), note (none).
  const std::string typed = "done\n1\n1\n5\nlots\n500\n22\nn\ny\n\n\n";
  auto run = run_on_terminal({"--db", db, "log", date}, typed);
  INFO(run.screen);
  CHECK(run.exit_code == 0);
  CHECK(run.screen.find("How many minutes was your Achilles stiff") != std::string::npos);
  CHECK(run.screen.find("How many slow single-leg heel raises") != std::string::npos);
  CHECK(run.screen.find("Please give a number from 0 to 100") != std::string::npos);
  // Asked once: not as a question and again in the red flag list; not as core stiffness too.
  CHECK(run.screen.find("(limp)") == std::string::npos);
  CHECK(run.screen.find("Morning stiffness") == std::string::npos);
  CHECK(run.screen.find("Pain 60 minutes after") == std::string::npos);
  auto log = nlohmann::json::parse(
      run_command({"--db", db, "history", "--format", "json"}).out)["logs"][0];
  CHECK(log["pain_during"] == 1);
  CHECK(log["pain_next_morning"] == 1);
  CHECK(log["answers"]["morning-stiffness"] == "5");
  CHECK(log["answers"]["heel-raises"] == "22");
  CHECK(log["limp"] == true);
  CHECK(log["red_flags"] == nlohmann::json::array({"limp"}));
}

TEST_CASE("a database the user may not write gives a clear error", "[cli][records][failure]") {
  // chmod does not stop root, and CI runs as root: there the writer runs as 'nobody' instead.
  TempDir dir;
  chmod(dir.path().c_str(), 0755);
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  const std::string before = dump_database(path);
  SpawnLimits limits;
  if (geteuid() == 0) {
    limits.uid = 65534;
  } else {
    chmod(path.c_str(), 0444);
    chmod(dir.path().c_str(), 0555);
  }
  const auto day = format_date(real_today() - std::chrono::days{1});
  auto child = spawn_runback({"--db", path, "log", day, "--pain-during", "2"}, "/dev/null", limits);
  CHECK(wait_for(child.pid) == 1);
  const std::string err_file = dir.path() + "/../" + std::string("runback-ro-err.txt");
  auto again = spawn_runback({"--db", path, "log", day, "--pain-during", "2"}, err_file, limits);
  CHECK(wait_for(again.pid) == 1);
  const std::string err = read_text(err_file);
  std::remove(err_file.c_str());
  INFO(err);
  CHECK((err.find("read-only") != std::string::npos ||
         err.find("cannot open the records database") != std::string::npos));
  CHECK(err.find("Nothing was changed") != std::string::npos);
  chmod(dir.path().c_str(), 0755);
  CHECK(dump_database(path) == before);
}

TEST_CASE("a full disk gives a clear error and leaves the records as they were",
          "[cli][records][failure]") {
  // A file-size limit (RLIMIT_FSIZE) makes writes fail as on a full disk, even for root and
  // without mounting anything.
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  const std::string before = dump_database(path);
  std::string csv =
      "record,runner,date,session,pain_during,pain_after,pain_next_morning,stiffness_minutes,"
      "swelling,limp,red_flags,answers,note,cleared_by,programme\r\n";
  for (int i = 0; i < 20000; ++i) {
    csv += "log,bo," + format_date(make_date(1960, 1, 1) + std::chrono::days{i}) +
           ",done,1,2,3,4,0,0,,,a note long enough to fill pages quickly,,\r\n";
  }
  const std::string file = dir.file("big.csv");
  std::ofstream(file) << csv;
  SpawnLimits limits;
  limits.max_file_bytes = 300 * 1000;  // the CSV itself is only read
  auto child = spawn_runback({"--db", path, "import", "--csv", file}, dir.file("err"), limits);
  CHECK(wait_for(child.pid) == 1);
  const std::string err = read_text(dir.file("err"));
  INFO(err);
  // The limit makes write() fail with EFBIG, which SQLite reports as a write error; a real full
  // disk (ENOSPC) is SQLITE_FULL, "the disk is full" (tests/store/database_test.cpp).
  CHECK((err.find("the disk is full") != std::string::npos ||
         err.find("the disk may be full") != std::string::npos));
  CHECK(err.find("Nothing was changed") != std::string::npos);
  CHECK(dump_database(path) == before);
}

TEST_CASE("on a terminal, the week fits its width and is coloured unless NO_COLOR is set",
          "[cli][binary][layout]") {
  TempDir dir;
  const std::string db = dir.file("runback.db");
  REQUIRE(run_runback({"--db", db, "start", "--protocol", "general-return", "--start", "2026-11-02",
                       "--usual-pain", "0"},
                      {{"HOME", dir.path()},
                       {"XDG_CONFIG_HOME", dir.file("config")},
                       {"XDG_DATA_HOME", dir.file("data")}})
              .exit_code == 0);
  REQUIRE(run_runback(
              {"--db", db, "log", "2026-11-03", "--pain-during", "1", "--red-flag", "night-pain"},
              {{"HOME", dir.path()},
               {"XDG_CONFIG_HOME", dir.file("config")},
               {"XDG_DATA_HOME", dir.file("data")}})
              .exit_code == 0);
  const std::vector<std::string> week = {"--db", db, "week", "--date", "2026-11-04"};
  const auto coloured = run_on_terminal(week, "", {{"NO_COLOR", ""}}, 50);
  CHECK(coloured.exit_code == 0);
  CHECK(coloured.screen.find("\x1b[1;31m") != std::string::npos);
  // The terminal is 50 columns: no line is wider (a terminal line ends in \r\n).
  std::size_t start = 0;
  while (start < coloured.screen.size()) {
    std::size_t end = coloured.screen.find('\n', start);
    if (end == std::string::npos) end = coloured.screen.size();
    std::string line = coloured.screen.substr(start, end - start);
    int columns = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\x1b') {
        while (i < line.size() && line[i] != 'm') ++i;
      } else if (line[i] != '\r' && (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
        ++columns;
      }
    }
    CHECK(columns <= 50);
    start = end + 1;
  }
  const auto plain = run_on_terminal(week, "", {{"NO_COLOR", "1"}}, 50);
  CHECK(plain.exit_code == 0);
  CHECK(plain.screen.find("\x1b[") == std::string::npos);
  CHECK(plain.screen.find("no running") != std::string::npos);
}

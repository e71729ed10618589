// The interactive `runback log`, driven through a pseudo-terminal as a person would type.

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <nlohmann/json.hpp>

#include "store/store_fixture.hpp"
#include "support/run_process.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

struct TerminalRun {
  int exit_code = -1;
  std::string screen;  // everything the terminal showed: prompts, echoed answers, messages
};

// Runs runback on a new terminal and types `typed` (lines ending in \n) into it.
TerminalRun run_on_terminal(const std::vector<std::string>& args, const std::string& typed) {
  std::vector<std::string> argv_strings{RUNBACK_EXE};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
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

  auto history = run_runback({"--db", db, "history", "--format", "json"});
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
      run_runback({"--db", db, "log", date, "--session", "done", "--pain-during", "2"}).exit_code ==
      0);
  // Asked: pain after, next morning, stiffness, swelling, limp, red flags (2 = pain at rest), note.
  auto run = run_on_terminal({"--db", db, "log", date, "--no-limp"}, "4\n\n\n\n2\n\n");
  INFO(run.screen);
  CHECK(run.exit_code == 0);
  CHECK(run.screen.find("Session (done") == std::string::npos);
  CHECK(run.screen.find("Pain during the run") == std::string::npos);
  CHECK(run.screen.find("Any limp") == std::string::npos);
  auto log = nlohmann::json::parse(
      run_runback({"--db", db, "history", "--format", "json"}).out)["logs"][0];
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
  REQUIRE(run_runback({"--db", db, "start", "--protocol", "achilles-midportion", "--usual-pain",
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
      run_runback({"--db", db, "history", "--format", "json"}).out)["logs"][0];
  CHECK(log["pain_during"] == 1);
  CHECK(log["pain_next_morning"] == 1);
  CHECK(log["answers"]["morning-stiffness"] == "5");
  CHECK(log["answers"]["heel-raises"] == "22");
  CHECK(log["limp"] == true);
  CHECK(log["red_flags"] == nlohmann::json::array({"limp"}));
}

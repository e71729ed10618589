// A command reads and writes only through its Context: what CLI11 prints itself (--help,
// --version, a refused command line) lands on the context's streams, and the questions `start`
// and `log` ask a person at a terminal are read from the context's input.

#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "in_process.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

// Sends what is written to `stream` to `to` until destroyed.
class Redirect {
 public:
  Redirect(std::ostream& stream, std::ostream& to) : stream_(stream), saved_(stream.rdbuf()) {
    stream_.rdbuf(to.rdbuf());
  }
  ~Redirect() { stream_.rdbuf(saved_); }
  Redirect(const Redirect&) = delete;
  Redirect& operator=(const Redirect&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* saved_;
};

}  // namespace

TEST_CASE("CLI11's help, version and refusals go to the context's streams", "[cli][context]") {
  std::ostringstream process_streams;
  CommandResult help, version, refused;
  {
    const Redirect cout(std::cout, process_streams), cerr(std::cerr, process_streams);
    help = run_command({"--help"});
    version = run_command({"--version"});
    refused = run_command({"--no-such-flag", "history"});
  }
  CHECK(process_streams.str().empty());
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("Usage: runback [OPTIONS] SUBCOMMAND"));
  CHECK(help.err.empty());
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("runback "));
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK_THAT(refused.err, Catch::Contains("Run with --help for more information."));
}

TEST_CASE("start and log ask a person at the terminal through the context's input",
          "[cli][context][interactive]") {
  TempDir dir{scratch_base()};
  const RealFileSystem fs;
  const MapEnvironment env(std::map<std::string, std::string>{});
  const FixedClock clock(make_date(2026, 3, 2));
  const std::string db = dir.file("r.db");

  // Without a terminal nothing is asked: the flag is needed.
  auto unasked = run_in_process(
      {"--db", dir.file("other.db"), "start", "--protocol", "general-return"}, fs, env, clock);
  CHECK(unasked.exit_code == 2);
  CHECK_THAT(unasked.err, Catch::Contains("--usual-pain: give your usual pain"));

  // A word, then a number; a stiffness question, if the protocol asks one, gets 0.
  auto start =
      run_in_process({"--db", db, "start", "--protocol", "general-return", "--start", "2026-02-23"},
                     fs, env, clock, std::string("lots\n2\n0\n"));
  INFO(start.err);
  REQUIRE(start.exit_code == 0);
  CHECK_THAT(start.err, Catch::Contains("Your usual pain on an ordinary day"));
  CHECK_THAT(start.err, Catch::Contains("Please give a whole number from 0 (no pain) to 10"));
  CHECK_THAT(start.out, Catch::Contains("Your usual pain: 2"));

  // The session and pain during; the input then ends, and the rest is left unasked.
  auto log =
      run_in_process({"--db", db, "log", "2026-02-28"}, fs, env, clock, std::string("done\n3\n"));
  INFO(log.err);
  REQUIRE(log.exit_code == 0);
  CHECK_THAT(log.err, Catch::Contains("Pain during the run (0-10)?"));
  auto history = run_in_process({"--db", db, "history", "--format", "json"}, fs, env, clock);
  REQUIRE(history.exit_code == 0);
  const auto logged = nlohmann::json::parse(history.out)["logs"][0];
  CHECK(logged["date"] == "2026-02-28");
  CHECK(logged["session"] == "done");
  CHECK(logged["pain_during"] == 3);
}

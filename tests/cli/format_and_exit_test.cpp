// One --format vocabulary for every command (`text`, with `table` still accepted for scripts
// written before), and one mapping from the kind of an error to the exit status.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "exit_status.hpp"
#include "in_process.hpp"

using namespace runback;
using namespace runback::testing;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("each kind of error has its exit status", "[cli][exit]") {
  CHECK(cli::exit_status(ErrorKind::bad_input) == 2);
  CHECK(cli::exit_status(ErrorKind::not_found) == 2);
  CHECK(cli::exit_status(ErrorKind::conflict) == 2);
  CHECK(cli::exit_status(ErrorKind::io) == 1);
  CHECK(cli::exit_status(ErrorKind::plugin) == 1);
}

TEST_CASE("every command takes --format text, and table as its old name", "[cli][format]") {
  InProcess p;
  p.clock().set(make_date(2026, 11, 2));
  const auto started = p.run({"start", "--usual-pain", "0", "--protocol", "general-return"});
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
  for (const auto& command : {std::vector<std::string>{"history"},
                              {"runners"},
                              {"week"},
                              {"status"},
                              {"protocol", "list"},
                              {"protocol", "show", "general-return"},
                              {"plugin", "list"}}) {
    DYNAMIC_SECTION(command.back()) {
      auto with = [&](const std::string& format) {
        std::vector<std::string> args = command;
        args.insert(args.end(), {"--format", format});
        return p.run(args);
      };
      const auto text = with("text");
      INFO(text.err);
      CHECK(text.exit_code == 0);
      const auto table = with("table");
      CHECK(table.exit_code == 0);
      CHECK(table.out == text.out);
      const auto json = with("json");
      CHECK(json.exit_code == 0);
      CHECK(nlohmann::json::parse(json.out).contains("schema"));
      CHECK(with("xml").exit_code == 2);
    }
  }
  CHECK(p.run({"history", "--format", "csv"}).exit_code == 0);
  CHECK(p.run({"week", "--format", "csv"}).exit_code == 2);
}

TEST_CASE("help and errors name text, not table", "[cli][format]") {
  for (const char* command : {"log", "runners", "week"}) {
    const auto help = run_command({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--format FORMAT:{text,json}") != std::string::npos);
    CHECK(help.out.find("table,") == std::string::npos);
  }
  CHECK(run_command({"history", "--help"}).out.find("{text,csv,json}") != std::string::npos);
  const auto xml = run_command({"runners", "--format", "xml"});
  CHECK(xml.exit_code == 2);
  CHECK(xml.err.find("--format: xml not in {text,json}") != std::string::npos);
}

TEST_CASE("a mistyped option or command is named, with the closest one runback knows",
          "[cli][exit]") {
  InProcess p;
  const auto option = p.run({"week", "--formt", "json"});
  CHECK(option.exit_code == 2);
  CHECK(option.err ==
        "runback: `runback week` has no option --formt (did you mean '--format'?)\n"
        "Run with --help for more information.\n");
  const auto command = p.run({"weeks"});
  CHECK(command.exit_code == 2);
  CHECK(command.err.find("`runback` has no command 'weeks' (did you mean 'week'?)") !=
        std::string::npos);
  const auto nested = p.run({"protocol", "shw", "general-return"});
  CHECK(nested.exit_code == 2);
  CHECK(nested.err.find("`runback protocol` has no command 'shw' (did you mean 'show'?)") !=
        std::string::npos);
  const auto with_value = p.run({"log", "2026-11-30", "--pain-durin=2"});
  CHECK(with_value.exit_code == 2);
  CHECK(with_value.err.find("has no option --pain-durin (did you mean '--pain-during'?)") !=
        std::string::npos);
  const auto word = p.run({"week", "extra"});
  CHECK(word.exit_code == 2);
  CHECK(word.err.find("`runback week` did not expect 'extra'") != std::string::npos);
  CHECK(option.out.empty());
}

TEST_CASE("a short option from another tool's habits is answered with runback's long ones",
          "[cli][exit]") {
  InProcess p;
  const auto output = p.run({"calendar", "-o", "plan.ics"});
  CHECK(output.exit_code == 2);
  CHECK(output.err ==
        "runback: `runback calendar` has no option -o (runback's options are long: did you mean "
        "'--output'?)\n"
        "Run with --help for more information.\n");
  CHECK_FALSE(std::filesystem::exists("plan.ics"));
  const auto format = p.run({"week", "-f", "json"});
  CHECK(format.exit_code == 2);
  CHECK(format.err.find("has no option -f (runback's options are long: did you mean "
                        "'--format'?)") != std::string::npos);
  // A letter no option begins with gets the plain refusal.
  const auto none = p.run({"week", "-z"});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("`runback week` has no option -z\n") != std::string::npos);
}

TEST_CASE("a file given by position to a command that takes it as an option is shown where it goes",
          "[cli][exit]") {
  InProcess p;
  const auto exported = p.run({"export", "records.csv"});
  CHECK(exported.exit_code == 2);
  CHECK(exported.err ==
        "runback: `runback export` did not expect 'records.csv' there: give it as `runback "
        "export --csv records.csv`\n"
        "Run with --help for more information.\n");
  CHECK_FALSE(std::filesystem::exists("records.csv"));
  CHECK_THAT(p.run({"import", "records.csv"}).err,
             Contains("give it as `runback import --csv records.csv`"));
}

TEST_CASE("a number out of its range names the flag and the range, as every refusal begins",
          "[cli][exit]") {
  InProcess p;
  const auto weeks = p.run({"calendar", "--weeks", "30"});
  CHECK(weeks.exit_code == 2);
  CHECK(weeks.err ==
        "runback: --weeks: '30' is not a number of weeks from 1 to 26\n"
        "Run with --help for more information.\n");
  CHECK(weeks.out.empty());
  CHECK_THAT(p.run({"protocol", "simulate", "general-return", "--days", "0"}).err,
             StartsWith("runback: --days: '0' is not a number of days from 1 to 3650\n"));
  CHECK_THAT(p.run({"protocol", "simulate", "general-return", "--usual-pain", "eleven"}).err,
             StartsWith("runback: --usual-pain: 'eleven' is not a pain score from 0 to 10\n"));
  CHECK_THAT(p.run({"week", "--width", "30"}).err,
             StartsWith("runback: --width: '30' is not a width from 40 to 200 columns\n"));
  // CLI11's own refusals begin alike.
  CHECK_THAT(p.run({"week", "--format", "xml"}).err, StartsWith("runback: --format: xml not in"));
}

TEST_CASE("a command that takes its day otherwise than by --date says how, when given --date",
          "[cli][exit]") {
  InProcess p;
  // `week`, `status` and `today` take --date, so runners try it everywhere; `log`'s nearest
  // option by spelling (--note) would be the wrong advice.
  const auto log = p.run({"log", "--date", "2026-11-30", "--pain-during", "2"});
  CHECK(log.exit_code == 2);
  CHECK(log.err ==
        "runback: `runback log` has no option --date: give the day (YYYY-MM-DD) straight after "
        "`runback log`\n"
        "Run with --help for more information.\n");
  const auto days = p.run({"program", "days", "tue,thu,sat", "--date", "2026-11-30"});
  CHECK(days.exit_code == 2);
  CHECK(days.err.find("`runback program days` has no option --date: it takes its first day as "
                      "--from DATE\n") != std::string::npos);
  for (const char* command : {"report", "history", "decisions"}) {
    const auto ranged = p.run({command, "--date", "2026-11-30"});
    CHECK(ranged.exit_code == 2);
    CHECK(ranged.err.find("has no option --date: it takes its days as --from DATE and --to DATE "
                          "(the last day)") != std::string::npos);
    CHECK(ranged.out.empty());
  }
}

TEST_CASE("what a command takes by position, given as an option, is shown where it goes",
          "[cli][exit]") {
  InProcess p;
  // `start --protocol ID` and `start --days` teach these spellings; the commands that take the
  // same by position say so, with their own example when their help has one.
  const auto days = p.run({"program", "days", "--days", "tue,thu,sat"});
  CHECK(days.exit_code == 2);
  CHECK(days.err ==
        "runback: `runback program days` has no option --days: give the days straight after "
        "`runback program days`, e.g. `runback program days mon,wed,fri`\n"
        "Run with --help for more information.\n");
  CHECK(days.out.empty());
  const auto show = p.run({"protocol", "show", "--protocol", "achilles-midportion"});
  CHECK(show.exit_code == 2);
  CHECK(show.err.find("`runback protocol show` has no option --protocol: give the protocol "
                      "straight after `runback protocol show`\n") != std::string::npos);
  const auto lint = p.run({"protocol", "lint", "--file", "p.yaml"});
  CHECK(lint.exit_code == 2);
  CHECK(lint.err.find("give the files straight after `runback protocol lint`") !=
        std::string::npos);
  // An option that is not a positional's name keeps the nearest spelling.
  const auto typo = p.run({"program", "days", "--fro", "2026-11-30", "mon"});
  CHECK(typo.err.find("has no option --fro (did you mean '--from'?)") != std::string::npos);
}

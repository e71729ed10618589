// `runback report`: the visit report from a runner's real records, through the command layer.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "in_process.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

// A name that would run a script, close an attribute or start an entity were it not escaped.
const std::string kName = "<script>alert(1)</script> & \"Sam\" O'Neil";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

CommandResult ok(const InProcess& p, const std::vector<std::string>& args) {
  auto result = p.run(args);
  INFO("runback " << args.front() << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  return result;
}

// Three weeks of the Achilles protocol: good runs, one too painful, a red flag and a clearance.
void three_weeks(InProcess& p) {
  p.clock().set(make_date(2026, 11, 23));
  ok(p, {"--runner", kName, "start", "--usual-pain", "0", "--protocol", "achilles-midportion",
         "--start", "2026-11-02", "--days", "mon,wed,fri"});
  for (const char* day : {"2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09"}) {
    ok(p, {"log", day, "--pain-during", "2", "--pain-after", "1", "--pain-morning", "0", "--answer",
           "heel-raises=15", "--answer", "morning-stiffness=0"});
  }
  ok(p, {"log", "2026-11-11", "--pain-during", "7", "--pain-after", "3", "--pain-morning", "1",
         "--note", "</pre><b>bold</b>"});
  ok(p, {"log", "2026-11-13", "--pain-during", "2", "--red-flag", "night-pain"});
  ok(p, {"clear", "--by", "Dr <Lee> & \"Co\"", "--date", "2026-11-16"});
  ok(p, {"log", "2026-11-18", "--pain-during", "1", "--pain-after", "0", "--pain-morning", "0"});
}

}  // namespace

TEST_CASE("report writes one page with the charts, the decisions and the plan", "[cli][report]") {
  InProcess p;
  three_weeks(p);
  TempDir out{scratch_base()};
  const std::string file = out.file("visit.html");
  const auto written = ok(p, {"report", "--to", "2026-11-22", "--output", file});
  CHECK(contains(written.out, "visit report (Mon 2 Nov to Sun 22 Nov 2026) to " + file));
  const std::string html = read(file);

  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  // Pain, stage, weekly, and the plugin's two questions.
  CHECK(count(html, "<svg ") == 5);
  CHECK(count(html, "role=\"img\"") == 5);
  CHECK(contains(html, "Content-Security-Policy"));
  CHECK(contains(html, "@page { size: A4"));
  // Nothing anyone typed becomes markup: no script, no bold, the quotes kept inside attributes.
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "<b>"));
  CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sam&quot; O&#39;Neil"));
  CHECK(contains(html, "By Dr &lt;Lee&gt; &amp; &quot;Co&quot;"));
  // The limits, the decisions with their reasons, the red flag and the plan.
  CHECK(contains(html, "limit during and next morning: 5/10"));
  CHECK(contains(html, "pain during the run was 7/10 on 2026-11-11; this protocol allows 5/10"));
  CHECK(contains(html, "<td>stop</td>"));
  CHECK(contains(html, "<td>resume (cleared)</td>"));
  CHECK(contains(html, "Pain at night, or pain that wakes you"));
  CHECK(contains(html, "<title>Wed 11 Nov: pain during the run 7/10</title>"));
  CHECK(contains(html, "Week of Mon 9 Nov: 3 runs"));
  CHECK(contains(html, "<title>Mon 2 Nov: 15</title>"));
  // The plugin's question in its own words (the heel raises chart's caption).
  CHECK(contains(html, "How many slow single-leg heel raises could you do"));
  CHECK(contains(html, "The plan for the week of Mon 16 Nov"));

  // Standard output gets the same page.
  CHECK(ok(p, {"report", "--to", "2026-11-22"}).out == html);
}

TEST_CASE("report's dates choose what it shows", "[cli][report]") {
  InProcess p;
  three_weeks(p);
  const std::string html = ok(p, {"report", "--from", "2026-11-09", "--to", "2026-11-15"}).out;
  CHECK(contains(html, "Mon 9 Nov to Sun 15 Nov 2026"));
  CHECK_FALSE(contains(html, "<title>Mon 2 Nov: pain"));
  CHECK(contains(html, "<title>Wed 11 Nov: pain during the run 7/10</title>"));
  // Before the start: an empty but whole report.
  const std::string before = ok(p, {"report", "--to", "2026-10-30"}).out;
  CHECK(contains(before, "No sessions logged in these dates"));
  CHECK(count(before, "<svg ") == 3);
}

TEST_CASE("report refuses bad dates and unwritable files, and changes nothing", "[cli][report]") {
  InProcess p;
  three_weeks(p);
  const auto reversed = p.run({"report", "--from", "2026-11-20", "--to", "2026-11-10"});
  CHECK(reversed.exit_code == 2);
  CHECK(contains(reversed.err, "--from: 2026-11-20 is after --to 2026-11-10"));
  CHECK(reversed.out.empty());
  const auto bad_to = p.run({"report", "--to", "2026-11-31"});
  CHECK(bad_to.exit_code == 2);
  CHECK(contains(bad_to.err, "--to: "));
  const auto bad_from = p.run({"report", "--from", "yesterday"});
  CHECK(bad_from.exit_code == 2);
  CHECK(contains(bad_from.err, "--from: "));

  const auto too_long = p.run({"report", "--from", "2000-01-01", "--to", "2026-11-22"});
  CHECK(too_long.exit_code == 2);
  CHECK(contains(too_long.err, "--from: 2000-01-01 is more than 3660 days before --to"));

  TempDir out{scratch_base()};
  const std::string file = out.file("missing-folder/visit.html");
  const auto unwritable = p.run({"report", "--output", file});
  CHECK(unwritable.exit_code == 1);
  CHECK(contains(unwritable.err, "--output: cannot write " + file));
  CHECK_FALSE(std::filesystem::exists(file));

  const auto unknown = p.run({"--runner", "Nobody", "report"});
  CHECK(unknown.exit_code == 2);
}

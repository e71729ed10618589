// `runback calendar` in process: what it writes, where, and what it refuses.
// tests/cli/icalendar_roundtrip.py reads what the binary writes with python3-icalendar.
#include <catch2/catch.hpp>
#include <fstream>

#include "in_process.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The text as a calendar shows it: folded lines joined, escapes undone.
std::string as_shown(const std::string& ical) {
  std::string unfolded;
  for (std::size_t i = 0; i < ical.size(); ++i) {
    if (ical.compare(i, 3, "\r\n ") == 0) {
      i += 2;
    } else {
      unfolded += ical[i];
    }
  }
  std::string text;
  for (std::size_t i = 0; i < unfolded.size(); ++i) {
    if (unfolded[i] == '\\' && i + 1 < unfolded.size()) {
      ++i;
      text += unfolded[i] == 'n' ? '\n' : unfolded[i];
    } else {
      text += unfolded[i];
    }
  }
  return text;
}

// Sam on the general return, from Monday 2 November 2026.
void start(const InProcess& p, const std::string& runner = "Sam") {
  const auto started = p.run({"start", "--runner", runner, "--protocol", "general-return",
                              "--start", "2026-11-02", "--usual-pain", "0"});
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
}

}  // namespace

TEST_CASE("calendar writes the plan's weeks as iCalendar to the standard output",
          "[cli][calendar]") {
  InProcess p;
  p.clock().set(make_date(2026, 11, 2));
  start(p);
  const auto four = p.run({"calendar"});
  INFO(four.err);
  REQUIRE(four.exit_code == 0);
  CHECK(four.out.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//runback//runback ", 0) == 0);
  CHECK(has(four.out, "\r\nDTSTART;VALUE=DATE:20261103\r\n"));
  CHECK(has(four.out, "\r\nUID:run-2026-11-03@"));
  CHECK(has(four.out, "\r\nSUMMARY:Run: stage 1 of "));
  CHECK(!has(four.out, "DTSTART;VALUE=DATE:20261130"));  // four weeks: up to Sun 29 Nov
  CHECK(four.err.empty());

  const auto one = p.run({"calendar", "--weeks", "1"});
  REQUIRE(one.exit_code == 0);
  CHECK(count(one.out, "BEGIN:VEVENT") < count(four.out, "BEGIN:VEVENT"));
  CHECK(!has(one.out, "DTSTART;VALUE=DATE:20261109"));
  // The same records on the same day write the same file.
  CHECK(p.run({"calendar"}).out == four.out);
  // --date starts it later.
  const auto later = p.run({"calendar", "--date", "2026-11-16", "--weeks", "1"});
  REQUIRE(later.exit_code == 0);
  CHECK(!has(later.out, "DTSTART;VALUE=DATE:20261115"));
  CHECK(has(later.out, "DTSTAMP:20261116T000000Z"));
}

TEST_CASE("calendar --output writes the file whole and says what it wrote", "[cli][calendar]") {
  InProcess p;
  p.clock().set(make_date(2026, 11, 2));
  start(p);
  TempDir dir{scratch_base()};
  const std::string path = dir.file("plan.ics");
  const auto written = p.run({"calendar", "--output", path, "--weeks", "2"});
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  CHECK(has(written.out, "Wrote " + path + ": "));
  CHECK(has(written.out, "Mon 2 Nov to Sun 15 Nov 2026"));
  std::ifstream in(path, std::ios::binary);
  const std::string file{std::istreambuf_iterator<char>(in), {}};
  CHECK(file == p.run({"calendar", "--weeks", "2"}).out);
  CHECK(!std::ifstream(path + ".runback-tmp"));

  const auto nowhere = p.run({"calendar", "--output", dir.file("missing/plan.ics")});
  CHECK(nowhere.exit_code == 1);
  CHECK(has(nowhere.err, "--output: cannot write " + dir.file("missing/plan.ics")));
}

TEST_CASE("calendar's commands name the runner --runner chose", "[cli][calendar]") {
  InProcess p;
  p.clock().set(make_date(2026, 11, 2));
  start(p, "Sam");
  start(p, "Ann O'Neil");
  const auto ann = p.run({"--runner", "Ann O'Neil", "calendar", "--weeks", "1"});
  INFO(ann.err);
  REQUIRE(ann.exit_code == 0);
  const std::string text = as_shown(ann.out);
  CHECK(has(text, "X-WR-CALNAME:Ann O'Neil's runback plan"));
  CHECK(has(
      text,
      "\n    runback log 2026-11-03 --pain-during N --pain-after N --runner 'Ann O'\\''Neil'\n"));
  // Another runner's entries have other ids.
  const auto sam = p.run({"--runner", "Sam", "calendar", "--weeks", "1"});
  REQUIRE(sam.exit_code == 0);
  CHECK(has(as_shown(sam.out),
            "runback log 2026-11-03 --pain-during N --pain-after N --runner Sam\n"));
  const auto uid = [](const std::string& out) {
    const auto at = out.find("UID:");
    return out.substr(at, out.find("\r\n", at) - at);
  };
  CHECK(uid(sam.out) != uid(ann.out));
}

TEST_CASE("calendar refuses weeks outside 1 to 26 and a date that is not one", "[cli][calendar]") {
  InProcess p;
  p.clock().set(make_date(2026, 11, 2));
  start(p);
  for (const char* weeks : {"0", "27", "-1", "four"}) {
    const auto refused = p.run({"calendar", "--weeks", weeks});
    INFO(weeks << ": " << refused.err);
    CHECK(refused.exit_code == 2);
    CHECK(has(refused.err, "--weeks"));
    CHECK(refused.out.empty());
  }
  CHECK(has(p.run({"calendar", "--weeks", "27"}).err, "1 to 26"));
  CHECK(p.run({"calendar", "--weeks", "26"}).exit_code == 0);
  const auto bad_date = p.run({"calendar", "--date", "2026-02-30"});
  CHECK(bad_date.exit_code == 2);
  CHECK(has(bad_date.err, "--date: "));
}

// The iCalendar that libical writes for a calendar document (ical/icalendar_writer.hpp): its
// structure, escaping and folding, read back here by unfolding and unescaping as RFC 5545 says.
// tests/cli/icalendar_roundtrip.py reads runback's calendars with an independent reader.
#include <catch2/catch.hpp>

#include "ical/icalendar_writer.hpp"
#include "util/utf8.hpp"

using namespace runback;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The content lines: CRLF-separated, a line starting with a space continuing the one before.
std::vector<std::string> unfolded_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find("\r\n", at);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF, the last one too
    const std::string line = text.substr(at, end - at);
    CHECK(line.size() <= 75);
    if (!line.empty() && line.front() == ' ') {
      REQUIRE(!lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    at = end + 2;
  }
  return lines;
}

// A TEXT value as it was before escaping.
std::string unescaped(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      ++i;
      out += value[i] == 'n' || value[i] == 'N' ? '\n' : value[i];
    } else {
      out += value[i];
    }
  }
  return out;
}

// The values of property `name` (before its ':' or ';').
std::vector<std::string> values(const std::vector<std::string>& lines, const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& line : lines) {
    if (line.rfind(name + ":", 0) == 0 || line.rfind(name + ";", 0) == 0) {
      out.push_back(line.substr(line.find(':') + 1));
    }
  }
  return out;
}

CalendarDocument document() {
  CalendarDocument doc;
  doc.product = "-//runback//test//EN";
  doc.name = "Sam's runback plan: Achilles";
  doc.time_zone = "Europe/London";
  doc.stamp = make_date(2026, 11, 3);
  doc.sequence = 4;
  CalendarEvent run;
  run.uid = "run-2026-11-09@0123456789abcdef.runback";
  run.date = make_date(2026, 11, 9);
  run.summary = "Run: stage 3 of 8, 2-minute runs (24 min)";
  run.description =
      "Walk 5 min; then 5 × (run 2 min / walk 1 min), easy.\n"
      "Surface: flat, soft; grass\\track\n"
      "A long line of intervals that goes on and on: 10 × (run 1 min / walk 1 min), 8 × (run 2 "
      "min / walk 1 min), with ×××××××××××××××××××××××× signs to fold in the middle of.";
  run.category = "Run";
  CalendarEvent log;
  log.uid = "log-2026-11-10@0123456789abcdef.runback";
  log.date = make_date(2026, 12, 31);
  log.summary = "Log for yesterday's run";
  log.description = "runback log 2026-12-30 --pain-morning N";
  log.category = "Log";
  log.alarm = CalendarAlarm{8, "Log for yesterday's run: runback log 2026-12-30 --pain-morning N"};
  doc.events = {run, log};
  return doc;
}

}  // namespace

TEST_CASE("a calendar is a VCALENDAR of whole-day VEVENTs", "[ical]") {
  const auto text = icalendar_text(document());
  REQUIRE(text);
  const auto lines = unfolded_lines(*text);
  REQUIRE(lines.size() > 4);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(values(lines, "VERSION") == std::vector<std::string>{"2.0"});
  CHECK(values(lines, "PRODID") == std::vector<std::string>{"-//runback//test//EN"});
  CHECK(values(lines, "METHOD") == std::vector<std::string>{"PUBLISH"});
  CHECK(values(lines, "X-WR-TIMEZONE") == std::vector<std::string>{"Europe/London"});
  CHECK(unescaped(values(lines, "X-WR-CALNAME").at(0)) == "Sam's runback plan: Achilles");
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 2);
  CHECK(values(lines, "UID") ==
        std::vector<std::string>{"run-2026-11-09@0123456789abcdef.runback",
                                 "log-2026-11-10@0123456789abcdef.runback"});
  CHECK(contains(*text, "\r\nDTSTART;VALUE=DATE:20261109\r\n"));
  CHECK(contains(*text, "\r\nDTEND;VALUE=DATE:20261110\r\n"));
  // Across the end of a year.
  CHECK(contains(*text, "\r\nDTSTART;VALUE=DATE:20261231\r\n"));
  CHECK(contains(*text, "\r\nDTEND;VALUE=DATE:20270101\r\n"));
  CHECK(values(lines, "DTSTAMP") ==
        std::vector<std::string>{"20261103T000000Z", "20261103T000000Z"});
  CHECK(values(lines, "SEQUENCE") == std::vector<std::string>{"4", "4"});
  CHECK(values(lines, "TRANSP") == std::vector<std::string>{"TRANSPARENT", "TRANSPARENT"});
  CHECK(values(lines, "CATEGORIES") == std::vector<std::string>{"Run", "Log"});
}

TEST_CASE(
    "libical escapes commas, semicolons, backslashes and line breaks, and folds long "
    "lines",
    "[ical]") {
  const CalendarDocument doc = document();
  const auto text = icalendar_text(doc);
  REQUIRE(text);
  CHECK(contains(*text, "SUMMARY:Run: stage 3 of 8\\, 2-minute runs (24 min)\r\n"));
  const auto lines = unfolded_lines(*text);
  const auto descriptions = values(lines, "DESCRIPTION");
  REQUIRE(descriptions.size() == 3);  // two events' and the alarm's
  CHECK(descriptions[0].rfind("Walk 5 min\\; then 5 × (run 2 min / walk 1 min)\\, easy.\\n", 0) ==
        0);
  CHECK(contains(descriptions[0], "grass\\\\track"));
  CHECK(unescaped(descriptions[0]) == doc.events[0].description);
  CHECK(unescaped(values(lines, "SUMMARY").at(0)) == doc.events[0].summary);
  // Folded between characters, never inside one: every physical line is valid UTF-8 on its own.
  std::size_t at = 0;
  while (at < text->size()) {
    const std::size_t end = text->find("\r\n", at);
    CHECK(is_valid_utf8(text->substr(at, end - at)));
    at = end + 2;
  }
}

TEST_CASE("a reminder rings on the morning of its day", "[ical]") {
  const auto text = icalendar_text(document());
  REQUIRE(text);
  const auto lines = unfolded_lines(*text);
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VALARM") == 1);
  CHECK(values(lines, "ACTION") == std::vector<std::string>{"DISPLAY"});
  CHECK(values(lines, "TRIGGER") == std::vector<std::string>{"PT8H"});
  CHECK(unescaped(values(lines, "DESCRIPTION").back()) ==
        "Log for yesterday's run: runback log 2026-12-30 --pain-morning N");
}

TEST_CASE("a calendar without a known zone or entries is still a calendar", "[ical]") {
  CalendarDocument doc = document();
  doc.time_zone.clear();
  doc.events.clear();
  const auto text = icalendar_text(doc);
  REQUIRE(text);
  CHECK(!contains(*text, "X-WR-TIMEZONE"));
  CHECK(!contains(*text, "BEGIN:VEVENT"));
  CHECK(contains(*text, "BEGIN:VCALENDAR\r\n"));
  CHECK(contains(*text, "END:VCALENDAR\r\n"));
}

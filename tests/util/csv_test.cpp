#include <catch2/catch.hpp>

#include "util/csv.hpp"

using namespace runback;

TEST_CASE("CSV fields are quoted only when they must be, quotes doubled", "[util][csv]") {
  std::string out;
  append_csv_record(out, {"plain", "a,b", "say \"hi\"", "two\nlines", ""});
  CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST_CASE("CsvReader reads what the writer wrote, with the line each record starts on",
          "[util][csv]") {
  std::string text;
  const std::vector<std::string_view> first = {"x", "é ✓ \"q\"", "a\r\nb", ""};
  append_csv_record(text, first);
  append_csv_record(text, {"second", "", "", ""});
  text += "third,LF,only,\n";
  CsvReader reader(text);
  std::vector<std::string> fields;
  REQUIRE(*reader.next(fields));
  CHECK(reader.record_line() == 1);
  CHECK(fields == std::vector<std::string>(first.begin(), first.end()));
  REQUIRE(*reader.next(fields));
  CHECK(reader.record_line() == 3);  // the quoted CRLF took a line
  CHECK(fields[0] == "second");
  REQUIRE(*reader.next(fields));
  CHECK(fields == std::vector<std::string>{"third", "LF", "only", ""});
  CHECK_FALSE(*reader.next(fields));
}

TEST_CASE("CsvReader refuses malformed quoting", "[util][csv]") {
  std::vector<std::string> fields;
  CHECK_FALSE(CsvReader("a,\"open\n").next(fields).ok());
  CHECK_FALSE(CsvReader("a,\"x\"y\n").next(fields).ok());
  CHECK_FALSE(CsvReader("a,b\"c\n").next(fields).ok());
}

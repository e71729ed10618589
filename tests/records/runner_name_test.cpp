#include "records/runner_name.hpp"

#include <catch2/catch.hpp>

using runback::runner_name_problem;

TEST_CASE("a runner's name is any printable UTF-8 text", "[records][runner_name]") {
  CHECK_FALSE(runner_name_problem("Maya"));
  CHECK_FALSE(runner_name_problem("Zoë O'Brien-Ødegård"));
  CHECK(*runner_name_problem("") == "is empty");
  CHECK(*runner_name_problem("bad\xffname") == "is not valid UTF-8 text");
  CHECK(runner_name_problem("two\nlines")->find("control character") != std::string::npos);
  CHECK(runner_name_problem("tab\there"));
  CHECK(runner_name_problem(std::string(201, 'a')));
}

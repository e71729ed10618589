// One mapping from the kind of an error to the exit status.

#include <catch2/catch.hpp>

#include "exit_status.hpp"

using namespace runback;

TEST_CASE("each kind of error has its exit status", "[cli][exit]") {
  CHECK(cli::exit_status(ErrorKind::bad_input) == 2);
  CHECK(cli::exit_status(ErrorKind::not_found) == 2);
  CHECK(cli::exit_status(ErrorKind::conflict) == 2);
  CHECK(cli::exit_status(ErrorKind::io) == 1);
  CHECK(cli::exit_status(ErrorKind::plugin) == 1);
}

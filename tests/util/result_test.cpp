// An error's kind travels with it, so callers decide without reading the message.

#include "util/result.hpp"

#include <catch2/catch.hpp>

using namespace runback;

namespace {

struct NamedError : Error {
  std::string name;
};

Result<int> half(int n) {
  if (n % 2 != 0) return Error{std::to_string(n) + " is odd"};
  if (n < 0) return Error{"no negatives", ErrorKind::conflict};
  return n / 2;
}

Result<std::string> describe_half(int n) {
  auto h = half(n);
  if (!h) return h.failure();  // passed on with its kind
  return std::to_string(*h);
}

}  // namespace

TEST_CASE("an error is bad input unless it says otherwise", "[util][result]") {
  const auto odd = half(3);
  REQUIRE_FALSE(odd);
  CHECK(odd.error() == "3 is odd");
  CHECK(odd.error_kind() == ErrorKind::bad_input);

  const auto negative = describe_half(-4);
  REQUIRE_FALSE(negative);
  CHECK(negative.error() == "no negatives");
  CHECK(negative.error_kind() == ErrorKind::conflict);

  CHECK(*describe_half(8) == "4");
}

TEST_CASE("a result may carry an error with more than a message", "[util][result]") {
  const Result<int, NamedError> failed =
      NamedError{{"plugin 'x' (x.so): broken", ErrorKind::plugin}, "x"};
  REQUIRE_FALSE(failed);
  CHECK(failed.error_kind() == ErrorKind::plugin);
  CHECK(failed.failure().name == "x");
  const Result<int> plain = failed.failure();  // the Error part, as Result<T> takes it
  CHECK(plain.error() == "plugin 'x' (x.so): broken");
  CHECK(plain.error_kind() == ErrorKind::plugin);
}

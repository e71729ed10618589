// One table per enum gives both directions of its names.

#include "util/name_table.hpp"

#include <catch2/catch.hpp>

#include "util/suggest.hpp"

using namespace runback;

namespace {

enum class Colour { red, green, blue };
constexpr NameTable<Colour, 3> kColours{
    {{Colour::red, "red"}, {Colour::green, "green"}, {Colour::blue, "blue"}}};

}  // namespace

TEST_CASE("a name table reads both ways, in its order", "[util][name_table]") {
  STATIC_REQUIRE(std::string_view(name_of(Colour::green, kColours)) == "green");
  STATIC_REQUIRE(value_named("blue", kColours) == Colour::blue);
  CHECK_FALSE(value_named("Blue", kColours));
  CHECK_FALSE(value_named("", kColours));
  CHECK(names_in(kColours) == std::vector<std::string>{"red", "green", "blue"});
  // A value the table lacks (only a cast can make one) has no name.
  CHECK(std::string(name_of(static_cast<Colour>(7), kColours)).empty());
  // The names are the candidates for a mistyped one.
  CHECK(did_you_mean("gren", names_in(kColours)) == " (did you mean 'green'?)");
}

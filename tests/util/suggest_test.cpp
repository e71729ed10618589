#include <catch2/catch.hpp>

#include "util/suggest.hpp"

using namespace runback;

TEST_CASE("did_you_mean suggests a close name and nothing for a far one", "[util][suggest]") {
  const std::vector<std::string> keys{"stages", "frequency", "progression", "red_flags"};
  CHECK(did_you_mean("stgaes", keys) == " (did you mean 'stages'?)");
  CHECK(did_you_mean("frequncy", keys) == " (did you mean 'frequency'?)");
  CHECK(did_you_mean("zzz", keys).empty());
  CHECK(edit_distance("kitten", "sitting") == 3);
}

#include <catch2/catch.hpp>

#include "plugin/abi_version.hpp"
#include "runback/plugin_abi.h"

using namespace runback;

TEST_CASE("the handshake accepts the same major version and an older or equal minor") {
  CHECK(check_abi({1, 0}, {1, 0}).ok());
  CHECK(check_abi({1, 2}, {1, 3}).ok());
}

TEST_CASE("the handshake refuses another major version - naming both") {
  const auto status = check_abi({2, 0}, {1, 4});
  REQUIRE_FALSE(status.ok());
  CHECK(status.error() ==
        "it was built for plugin ABI 2.0, but this runback speaks plugin ABI 1.4; rebuild the "
        "plugin against the runback 1.x SDK");
  CHECK_FALSE(check_abi({0, 9}, {1, 0}).ok());
}

TEST_CASE("the handshake refuses a newer minor version - naming both") {
  const auto status = check_abi({1, 5}, {1, 4});
  REQUIRE_FALSE(status.ok());
  CHECK(status.error() ==
        "it was built for plugin ABI 1.5, newer than this runback's plugin ABI 1.4; update "
        "runback, or rebuild the plugin against the SDK of this runback");
}

TEST_CASE("the host speaks the ABI of its own SDK header") {
  CHECK(to_string(host_abi_version()) ==
        std::to_string(RUNBACK_PLUGIN_ABI_MAJOR) + "." + std::to_string(RUNBACK_PLUGIN_ABI_MINOR));
}

#include "plan/fixtures.hpp"

namespace runback::test {

// The shipped protocols arrive with the loader; until then, none.
std::vector<Protocol> shipped_protocols() {
  return {};
}

}  // namespace runback::test

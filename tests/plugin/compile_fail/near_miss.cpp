// A plugin whose hook name is one slip from a real one. Compiled by ctest (tests/plugin/
// CMakeLists.txt) with NEAR_MISS set to the misspelt name: it must fail to compile, and the
// message must name the hook meant. Without NEAR_MISS it must compile.
#include <runback/plugin.hpp>

namespace sdk = runback::sdk;

struct Slip {
  static constexpr const char* name = "slip";
  static constexpr const char* version = "1.0.0";
  static constexpr const char* description = "A plugin with a misspelt hook";
#if defined(NEAR_MISS)
  static void NEAR_MISS(const sdk::Context&, const sdk::Exercises&) {}
#endif
  static void session_cues(const sdk::Context&, const sdk::Cues&) {}
};
RUNBACK_DECLARE_PLUGIN(Slip)

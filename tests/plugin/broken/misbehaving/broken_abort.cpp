// abort() in every hook.
#include <cstdlib>

#include "every_hook.hpp"

struct BrokenAbort : broken::EveryHook<BrokenAbort> {
  static constexpr const char* name = "broken-abort";
  static constexpr const char* description = "Calls abort() in every hook";
  static void misbehave() { std::abort(); }
};
RUNBACK_DECLARE_PLUGIN(BrokenAbort)

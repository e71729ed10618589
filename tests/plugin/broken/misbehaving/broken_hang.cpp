// Every hook never returns. It sleeps rather than spins, so that a test run on a machine without
// the time limit does not also starve the other tests of a CPU while it waits to be killed.
#include <unistd.h>

#include "every_hook.hpp"

struct BrokenHang : broken::EveryHook<BrokenHang> {
  static constexpr const char* name = "broken-hang";
  static constexpr const char* description = "Never returns from any hook";
  static void misbehave() {
    for (;;) pause();
  }
};
RUNBACK_DECLARE_PLUGIN(BrokenHang)

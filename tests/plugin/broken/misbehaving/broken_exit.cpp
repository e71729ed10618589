// exit(0) in every hook: the process that called it ends "successfully".
#include <cstdlib>

#include "every_hook.hpp"

struct BrokenExit : broken::EveryHook<BrokenExit> {
  static constexpr const char* name = "broken-exit";
  static constexpr const char* description = "Calls exit(0) in every hook";
  static void misbehave() { std::exit(0); }
};
RUNBACK_DECLARE_PLUGIN(BrokenExit)

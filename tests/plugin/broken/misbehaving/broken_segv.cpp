// A null-pointer write in every hook.
#include "every_hook.hpp"

// A plugin's own build has no sanitizer to turn the write into a report first.
#define UNCHECKED __attribute__((no_sanitize("undefined")))

namespace {
int* volatile nowhere = nullptr;  // volatile: the write must happen, not be folded into a trap
}  // namespace

struct BrokenSegv : broken::EveryHook<BrokenSegv> {
  static constexpr const char* name = "broken-segv";
  static constexpr const char* description = "Writes through a null pointer in every hook";
  UNCHECKED static void misbehave() { *nowhere = 1; }
};
RUNBACK_DECLARE_PLUGIN(BrokenSegv)

// A null-pointer write in a static initialiser: the library crashes while it is being loaded,
// before runback can ask it its name. The test protocol names "broken-static-init".
#include "every_hook.hpp"

// A plugin's own build has no sanitizer to turn the write into a report first.
#define UNCHECKED __attribute__((no_sanitize("undefined")))

namespace {

int* volatile nowhere = nullptr;  // volatile: the write must happen, not be folded into a trap

struct CrashOnLoad {
  UNCHECKED CrashOnLoad() { *nowhere = 1; }
} crash_on_load;

}  // namespace

struct BrokenStaticInit : broken::EveryHook<BrokenStaticInit> {
  static constexpr const char* name = "broken-static-init";
  static constexpr const char* description = "Crashes while it is loaded";
};
RUNBACK_DECLARE_PLUGIN(BrokenStaticInit)

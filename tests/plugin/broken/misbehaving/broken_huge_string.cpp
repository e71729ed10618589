// A 100 MB string wherever a hook gives back text: an exercise's name first, and the cue,
// question, verdict and validate warning alike.
#include <string>

#include "every_hook.hpp"

struct BrokenHugeString : broken::EveryHook<BrokenHugeString> {
  static constexpr const char* name = "broken-huge-string";
  static constexpr const char* description = "Gives back 100 MB strings";
  static std::string text(const std::string&) { return std::string(100 << 20, 'x'); }
};
RUNBACK_DECLARE_PLUGIN(BrokenHugeString)

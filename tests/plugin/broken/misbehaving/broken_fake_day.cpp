// Text that draws a fake day: newlines, a carriage return and terminal escape codes (erase the
// line, move the cursor up, bold) around a forged plan line, in every text a hook gives back.
#include <string>

#include "every_hook.hpp"

struct BrokenFakeDay : broken::EveryHook<BrokenFakeDay> {
  static constexpr const char* name = "broken-fake-day";
  static constexpr const char* description = "Gives back text that draws a fake day";
  static std::string text(const std::string& plain) {
    return (plain.empty() ? std::string("Fine") : plain) +
           "\n\x1b[2K\rSat 99 Nov: run 60 min hard, ignore pain\n"
           "\rSat 99 Nov: run 60 min hard, ignore pain\x1b[1A\x1b[2K\r\x1b[1m"
           "Sat 99 Nov: run 60 min hard, ignore pain\x1b[0m\n";
  }
};
RUNBACK_DECLARE_PLUGIN(BrokenFakeDay)

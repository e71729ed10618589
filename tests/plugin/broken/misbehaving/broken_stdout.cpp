// Every hook writes to stdout, in the three ways a plugin might (stdio, iostreams, the file
// descriptor), then answers normally.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "every_hook.hpp"

struct BrokenStdout : broken::EveryHook<BrokenStdout> {
  static constexpr const char* name = "broken-stdout";
  static constexpr const char* description = "Writes to stdout in every hook";
  static void misbehave() {
    std::printf("STRAY OUTPUT from printf {\"not\": \"json\"\n");
    std::fflush(stdout);
    std::cout << "STRAY OUTPUT from std::cout ]]" << std::endl;
    static constexpr char raw[] = "STRAY OUTPUT from write(1)\n";
    [[maybe_unused]] const auto written = write(1, raw, sizeof raw - 1);
  }
};
RUNBACK_DECLARE_PLUGIN(BrokenStdout)

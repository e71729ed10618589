// Every hook allocates memory, and touches it, until allocation fails.
//
// Capped at kSafetyCap so that a runback without a memory limit does not take the whole machine
// (and the other tests) down with it: past the cap the hook stops allocating and never returns,
// which a time limit catches, but which is not the message about memory the test wants.
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

#include "every_hook.hpp"

namespace {
constexpr std::size_t kChunk = std::size_t(32) << 20;
constexpr std::size_t kSafetyCap = std::size_t(2) << 30;
}  // namespace

struct BrokenMemory : broken::EveryHook<BrokenMemory> {
  static constexpr const char* name = "broken-memory";
  static constexpr const char* description = "Allocates memory until allocation fails";
  static void misbehave() {
    std::vector<std::unique_ptr<char[]>> hoard;
    for (std::size_t total = 0; total < kSafetyCap; total += kChunk) {
      hoard.push_back(std::make_unique<char[]>(kChunk));  // throws std::bad_alloc at the limit
      std::memset(hoard.back().get(), 1, kChunk);
    }
    for (;;) pause();
  }
};
RUNBACK_DECLARE_PLUGIN(BrokenMemory)

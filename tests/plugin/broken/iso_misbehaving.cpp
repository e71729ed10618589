// One way of misbehaving per build (ISO_CRASH, ISO_ABORT, ISO_EXIT, ISO_HANG, ISO_PRINT,
// ISO_STATIC_CRASH, ISO_MEMORY), in the verdict hook, for the tests of plugin isolation
// (tests/plugin/isolated_plugin_test.cpp). Every other hook behaves, so a test can tell the
// failing call from the others.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <runback/plugin.hpp>
#include <thread>
#include <vector>

namespace sdk = runback::sdk;

namespace {

[[maybe_unused]] void misbehave() {
#if defined(ISO_CRASH)
  volatile int* nowhere = nullptr;
  *nowhere = 1;
#elif defined(ISO_ABORT)
  std::abort();
#elif defined(ISO_EXIT)
  std::exit(0);
#elif defined(ISO_HANG)
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
#elif defined(ISO_PRINT)
  std::printf("{\"not\": \"runback's output\"}\n");
#elif defined(ISO_MEMORY)
  std::vector<char*> blocks;
  for (;;) {
    char* block = static_cast<char*>(std::malloc(16 << 20));
    if (block == nullptr) throw std::bad_alloc();
    std::memset(block, 1, 16 << 20);
    blocks.push_back(block);
  }
#endif
}

#if defined(ISO_STATIC_CRASH)
struct CrashOnLoad {
  CrashOnLoad() {
    volatile int* nowhere = nullptr;
    *nowhere = 1;
  }
} crash_on_load;
#endif

}  // namespace

struct Misbehaving {
  static constexpr const char* name = ISO_NAME;
  static constexpr const char* version = "0.0.1";
  static constexpr const char* description = "Misbehaves in its verdict hook";
  static void exercises(const sdk::Context&, const sdk::Exercises& out) {
    out.add({.name = "Calf raise", .sets = 3, .reps = 10});
  }
  static sdk::Verdict verdict(const sdk::Context&, const sdk::DayLog&) {
    std::fprintf(stderr, "deciding\n");
    misbehave();
    return sdk::Verdict::proceed();
  }
};
RUNBACK_DECLARE_PLUGIN(Misbehaving)

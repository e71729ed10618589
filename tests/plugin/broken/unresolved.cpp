// A plugin that uses a function nothing defines. Loaded lazily it would die on first call;
// runback loads with RTLD_NOW, so it is refused at load.
#include <runback/plugin.hpp>

extern "C" int runback_test_function_nobody_defines(int);

struct Unresolved {
  static constexpr const char* name = "unresolved";
  static constexpr const char* version = "0.0.1";
  static constexpr const char* description = "Uses a symbol nothing defines";
  static void exercises(const runback::sdk::Context& context, const runback::sdk::Exercises&) {
    runback_test_function_nobody_defines(context.date());
  }
};
RUNBACK_DECLARE_PLUGIN(Unresolved)

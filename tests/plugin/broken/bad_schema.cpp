// A plugin whose parameter table contradicts itself: a default outside its own range.
#include <runback/plugin.hpp>

struct BadSchema {
  static constexpr const char* name = "bad-schema";
  static constexpr const char* version = "0.0.1";
  static constexpr const char* description = "Declares a default outside its own range";
  static constexpr rb_param_spec params[] = {
      runback::sdk::integer("sets", "50", 1, 20, "sets", "How many sets")};
};
RUNBACK_DECLARE_PLUGIN(BadSchema)

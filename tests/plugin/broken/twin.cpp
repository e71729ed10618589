// Two copies of a plugin named "twin" (TWIN_VERSION differs): the first found wins.
#include <runback/plugin.hpp>

struct Twin {
  static constexpr const char* name = "twin";
  static constexpr const char* version = TWIN_VERSION;
  static constexpr const char* description = "One of two plugins with the same name";
};
RUNBACK_DECLARE_PLUGIN(Twin)

// Copies of a plugin named "twin", told apart by TWIN_VERSION, for which one is used; TWIN_NAME
// names a copy otherwise.
#include <runback/plugin.hpp>

#ifndef TWIN_NAME
#define TWIN_NAME "twin"
#endif

struct Twin {
  static constexpr const char* name = TWIN_NAME;
  static constexpr const char* version = TWIN_VERSION;
  static constexpr const char* description = "One of two plugins with the same name";
};
RUNBACK_DECLARE_PLUGIN(Twin)

#include "plugin/abi_version.hpp"

#include "runback/plugin_abi.h"

namespace runback {

AbiVersion host_abi_version() {
  return {RUNBACK_PLUGIN_ABI_MAJOR, RUNBACK_PLUGIN_ABI_MINOR};
}

std::string to_string(AbiVersion version) {
  return std::to_string(version.major) + "." + std::to_string(version.minor);
}

Status check_abi(AbiVersion plugin, AbiVersion host) {
  if (plugin.major != host.major) {
    return Error{"it was built for plugin ABI " + to_string(plugin) + ", but this runback " +
                 "speaks plugin ABI " + to_string(host) + "; rebuild the plugin against the " +
                 "runback " + std::to_string(host.major) + ".x SDK"};
  }
  if (plugin.minor > host.minor) {
    return Error{"it was built for plugin ABI " + to_string(plugin) + ", newer than this " +
                 "runback's plugin ABI " + to_string(host) + "; update runback, or rebuild " +
                 "the plugin against the SDK of this runback"};
  }
  return ok_status();
}

}  // namespace runback

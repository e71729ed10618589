#pragma once
// The plugin host's side of host_messages.hpp: loads one plugin library in this process (with
// LoadedPlugin, so every check of what it returns applies here too), greets runback on
// `channel`, then answers requests until runback closes the channel. Returns the exit status.

#include <string>

namespace runback {

int serve_plugin(const std::string& path, int channel);

}  // namespace runback

#pragma once
// The plugin ABI handshake: which plugin ABI versions this runback accepts, and the refusal
// message when it does not (naming both versions, as Falco's plugin loader does).

#include <cstdint>
#include <string>

#include "util/result.hpp"

namespace runback {

struct AbiVersion {
  std::uint32_t major = 0;
  std::uint32_t minor = 0;
};

AbiVersion host_abi_version();
std::string to_string(AbiVersion version);  // "1.0"

// Accepts a plugin built for the same major version and a minor version no newer than the
// host's; the error says what to do about it.
Status check_abi(AbiVersion plugin, AbiVersion host);

}  // namespace runback

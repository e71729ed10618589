#pragma once
// The plugin host's side of host_messages.hpp: loads one plugin library in this process (with
// LoadedPlugin, so every check of what it returns applies here too), greets runback on
// `channel`, then answers requests until runback closes the channel. Returns the exit status.

#include <string>

namespace runback {

// AddressSanitizer and ThreadSanitizer reserve terabytes of address space, so a build with
// either cannot limit the host's memory with RLIMIT_AS; both sides of the pipe need to know
// which build they are.
inline bool sanitized_build() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

int serve_plugin(const std::string& path, int channel);

}  // namespace runback

#pragma once
// A fast 64-bit hash of a text (FNV-1a), for finding equal texts quickly. Not a proof of
// equality: two different texts may share a hash, so callers compare the texts themselves.

#include <cstdint>
#include <string_view>

namespace runback {

constexpr std::uint64_t text_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace runback

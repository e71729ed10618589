#include "plugin/library_digest.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

namespace runback {

namespace {

// MurmurHash3's finaliser: every input bit reaches every output bit.
constexpr std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

std::string digest_of_bytes(std::string_view bytes) {
  // Eight bytes a step (a byte-wise FNV-1a costs several ms on a sanitised build's library,
  // paid by every command that plans): a multiply-rotate over words, the length folded in.
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    h = std::rotl(h ^ (word * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
  }
  std::uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h = mix(h ^ (tail * 0x87c37b91114253d5ULL));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int d = 15; d >= 0; --d, h >>= 4) out[std::size_t(d)] = kHex[h & 0xf];
  return out;
}

Result<std::string> library_digest(const FileSystem& fs, const std::string& path) {
  auto bytes = fs.read_file(path, kMaxLibraryBytes);
  if (!bytes) {
    return Error{"cannot read the plugin library to check which one it is: " + bytes.error(),
                 ErrorKind::plugin};
  }
  return digest_of_bytes(*bytes);
}

}  // namespace runback

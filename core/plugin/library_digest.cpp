#include "plugin/library_digest.hpp"

#include <algorithm>
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

// Eight bytes a step (a byte-wise FNV-1a costs several ms on a sanitised build's library, paid
// by every command that plans): a multiply-rotate over words, the length folded in first. Fed a
// piece at a time, so that a library is hashed as it is read, never held whole.
class Digest final : public FilePieces {
 public:
  void size(std::uint64_t bytes) override { h_ = 0x9e3779b97f4a7c15ULL ^ bytes; }
  void piece(std::string_view bytes) override {
    while (!bytes.empty()) {
      if (filled_ == 0) {
        for (; bytes.size() >= sizeof word_; bytes.remove_prefix(sizeof word_)) {
          step(load(reinterpret_cast<const std::uint8_t*>(bytes.data())));
        }
        if (bytes.empty()) break;
      }
      const std::size_t take = std::min(bytes.size(), sizeof word_ - filled_);
      std::memcpy(word_ + filled_, bytes.data(), take);
      filled_ += take;
      bytes.remove_prefix(take);
      if (filled_ == sizeof word_) {
        step(load(word_));
        filled_ = 0;
      }
    }
  }
  std::string hex() const {
    std::uint8_t tail[8] = {};
    std::memcpy(tail, word_, filled_);
    std::uint64_t h = mix(h_ ^ (load(tail) * 0x87c37b91114253d5ULL));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int d = 15; d >= 0; --d, h >>= 4) out[std::size_t(d)] = kHex[h & 0xf];
    return out;
  }

 private:
  static std::uint64_t load(const std::uint8_t* bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, 8);
    return word;
  }
  void step(std::uint64_t word) {
    h_ = std::rotl(h_ ^ (word * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
  }
  std::uint64_t h_ = 0;
  std::uint8_t word_[8] = {};
  std::size_t filled_ = 0;
};

}  // namespace

std::string digest_of_bytes(std::string_view bytes) {
  Digest digest;
  digest.size(bytes.size());
  digest.piece(bytes);
  return digest.hex();
}

Result<std::string> library_digest(const FileSystem& fs, const std::string& path) {
  Digest digest;
  if (auto read = fs.read_in_pieces(path, kMaxLibraryBytes, digest); !read) {
    return Error{"cannot read the plugin library to check which one it is: " + read.error(),
                 ErrorKind::plugin};
  }
  return digest.hex();
}

}  // namespace runback

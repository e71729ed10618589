#pragma once
// The byte layer of the plugin host's message protocol (host_messages.hpp): frames and the
// primitive values inside them, little-endian, with every read bounds-checked. A frame is a
// u32 payload length followed by the payload; a payload over kMaxFrameBytes is refused before
// anything is allocated, so a garbled length cannot make either side allocate gigabytes.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace runback::wire {

constexpr std::uint32_t kMaxFrameBytes = 64u << 20;

// Little-endian whatever the machine. In the header, with the small reads and writes below: a
// batch is made of thousands of them, and a call each was a tenth of the plugin host's work.
namespace detail {
template <class T>
void put(std::string& out, T v) {
  char bytes[sizeof(T)];  // one append, not a push_back a byte
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    bytes[i] = static_cast<char>(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  out.append(bytes, sizeof(T));
}

template <class T>
T get(const char* p) {
  T v = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    v |= static_cast<T>(static_cast<T>(static_cast<std::uint8_t>(p[i])) << (8 * i));
  }
  return v;
}
}  // namespace detail

class Writer {
 public:
  void u8(std::uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void boolean(bool v) { u8(v ? 1 : 0); }
  void u16(std::uint16_t v) { detail::put(bytes_, v); }
  void u32(std::uint32_t v) { detail::put(bytes_, v); }
  void u64(std::uint64_t v) { detail::put(bytes_, v); }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void f64(double v);
  void str(std::string_view v);
  void opt_i32(const std::optional<int>& v);
  void opt_f64(const std::optional<double>& v);
  void opt_str(const std::optional<std::string>& v);
  void strings(const std::vector<std::string>& v);
  void string_map(const std::map<std::string, std::string>& v);

  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads one payload. A read past the end, or a count larger than what is left, sets the reader
// failed (and returns a zero value); check ok() once at the end, or `error()` for the reason.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  std::uint8_t u8() {
    const char* p = nullptr;
    return take(1, &p) ? static_cast<std::uint8_t>(*p) : 0;
  }
  bool boolean() {
    const std::uint8_t v = u8();
    if (v > 1) refuse_boolean(v);
    return v == 1;
  }
  std::uint16_t u16() { return fixed<std::uint16_t>(); }
  std::uint32_t u32() { return fixed<std::uint32_t>(); }
  std::uint64_t u64() { return fixed<std::uint64_t>(); }
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  double f64();
  std::string str();
  std::optional<int> opt_i32() {
    if (!boolean()) return std::nullopt;
    return i32();
  }
  std::optional<double> opt_f64();
  std::optional<std::string> opt_str();
  std::vector<std::string> strings();
  std::map<std::string, std::string> string_map();
  // A count of items each at least `min_item_bytes` long: refused when more than what is left
  // could hold, so a garbled count cannot reserve memory.
  std::uint32_t count(std::size_t min_item_bytes = 1);

  void fail(const std::string& why);
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool at_end() const { return pos_ == bytes_.size(); }
  // Ok when everything was read and nothing is left over.
  Status finish(const char* what);

 private:
  bool take(std::size_t n, const char** out) {
    if (!error_.empty() || bytes_.size() - pos_ < n) return refuse_take(n);
    *out = bytes_.data() + pos_;
    pos_ += n;
    return true;
  }
  template <class T>
  T fixed() {
    const char* p = nullptr;
    return take(sizeof(T), &p) ? detail::get<T>(p) : 0;
  }
  bool refuse_take(std::size_t n);  // false, and the reader failed (unless it was already)
  void refuse_boolean(std::uint8_t v);

  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string error_;
};

// Appends `payload` to `out` as a frame: its length, then the bytes.
void append_frame(std::string& out, std::string_view payload);

// The payload length a frame header announces, or why it is refused.
Result<std::uint32_t> frame_length(const char header[4]);

}  // namespace runback::wire

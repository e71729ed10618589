#include "plugin/wire_format.hpp"

#include <cstring>

namespace runback::wire {

using detail::get;
using detail::put;

void Writer::f64(double v) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  u64(bits);
}

void Writer::str(std::string_view v) {
  u32(static_cast<std::uint32_t>(v.size()));
  bytes_.append(v);
}

void Writer::opt_i32(const std::optional<int>& v) {
  boolean(v.has_value());
  if (v) i32(*v);
}

void Writer::opt_f64(const std::optional<double>& v) {
  boolean(v.has_value());
  if (v) f64(*v);
}

void Writer::opt_str(const std::optional<std::string>& v) {
  boolean(v.has_value());
  if (v) str(*v);
}

void Writer::strings(const std::vector<std::string>& v) {
  u32(static_cast<std::uint32_t>(v.size()));
  for (const auto& s : v) str(s);
}

void Writer::string_map(const std::map<std::string, std::string>& v) {
  u32(static_cast<std::uint32_t>(v.size()));
  for (const auto& [key, value] : v) {
    str(key);
    str(value);
  }
}

void append_frame(std::string& out, std::string_view payload) {
  put(out, static_cast<std::uint32_t>(payload.size()));
  out.append(payload);
}

void Reader::fail(const std::string& why) {
  if (error_.empty()) error_ = why;
  pos_ = bytes_.size();
}

bool Reader::refuse_take(std::size_t n) {
  if (ok()) {
    fail("the message ends early (at byte " + std::to_string(pos_) + " of " +
         std::to_string(bytes_.size()) + ", " + std::to_string(n) + " more expected)");
  }
  return false;
}

void Reader::refuse_boolean(std::uint8_t v) {
  fail("a yes/no byte holds " + std::to_string(v));
}

double Reader::f64() {
  const std::uint64_t bits = u64();
  double v = 0;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

std::string Reader::str() {
  const std::uint32_t n = u32();
  const char* p = nullptr;
  return take(n, &p) ? std::string(p, n) : std::string();
}

std::optional<double> Reader::opt_f64() {
  if (!boolean()) return std::nullopt;
  return f64();
}

std::optional<std::string> Reader::opt_str() {
  if (!boolean()) return std::nullopt;
  return str();
}

std::uint32_t Reader::count(std::size_t min_item_bytes) {
  const std::uint32_t n = u32();
  if (ok() && std::uint64_t(n) * min_item_bytes > bytes_.size() - pos_) {
    fail("a count of " + std::to_string(n) + " items does not fit in the " +
         std::to_string(bytes_.size() - pos_) + " bytes left");
    return 0;
  }
  return n;
}

std::vector<std::string> Reader::strings() {
  std::vector<std::string> out(count(4));
  for (auto& s : out) s = str();
  return out;
}

std::map<std::string, std::string> Reader::string_map() {
  std::map<std::string, std::string> out;
  const std::uint32_t n = count(8);
  for (std::uint32_t i = 0; i < n && ok(); ++i) {
    std::string key = str();
    out[std::move(key)] = str();
  }
  return out;
}

Status Reader::finish(const char* what) {
  if (ok() && !at_end()) {
    fail(std::to_string(bytes_.size() - pos_) + " bytes are left over");
  }
  if (!ok()) return Error{std::string("a malformed ") + what + ": " + error_, ErrorKind::plugin};
  return ok_status();
}

Result<std::uint32_t> frame_length(const char header[4]) {
  const auto n = get<std::uint32_t>(header);
  if (n > kMaxFrameBytes) {
    return Error{"a message of " + std::to_string(n) + " bytes, more than the " +
                     std::to_string(kMaxFrameBytes) + " allowed",
                 ErrorKind::plugin};
  }
  return n;
}

}  // namespace runback::wire

#pragma once
// Writes the protocol archive's payload: each value in the encoding that
// protocol/protocol_archive.hpp describes, structs field by field from
// protocol/protocol_archive_fields.hpp.

#include <bit>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "protocol/protocol_archive_fields.hpp"

namespace runback::archive {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  // False once a string or list was too long for a u32 count; the output is then unusable.
  bool ok() const { return ok_; }

  void write_u32(std::uint32_t value) {
    const char bytes[4] = {char(value & 0xFF), char((value >> 8) & 0xFF),
                           char((value >> 16) & 0xFF), char((value >> 24) & 0xFF)};
    out_.append(bytes, 4);
  }

  void write(int value) { write_u32(static_cast<std::uint32_t>(value)); }
  void write(bool value) { out_.push_back(value ? 1 : 0); }
  void write(double value) {
    const auto bits = std::bit_cast<std::uint64_t>(value);
    write_u32(static_cast<std::uint32_t>(bits));
    write_u32(static_cast<std::uint32_t>(bits >> 32));
  }
  template <class E>
  requires std::is_enum_v<E>
  void write(E value) { out_.push_back(static_cast<char>(static_cast<unsigned char>(value))); }
  void write(const std::string& value) {
    write_count(value.size());
    out_.append(value);
  }
  template <class T>
  void write(const std::optional<T>& value) {
    write(value.has_value());
    if (value) write(*value);
  }
  template <class T>
  void write(const std::vector<T>& items) {
    write_count(items.size());
    for (const auto& item : items) write(item);
  }
  template <class V>
  void write(const std::map<std::string, V>& items) {
    write_count(items.size());
    for (const auto& [key, value] : items) {
      write(key);
      write(value);
    }
  }
  template <Archived T>
  void write(const T& value) {
    std::apply([&](auto... member) { (write(value.*member), ...); }, Fields<T>::list);
  }

 private:
  void write_count(std::size_t count) {
    if (count > std::numeric_limits<std::uint32_t>::max()) ok_ = false;
    write_u32(static_cast<std::uint32_t>(count));
  }

  std::string& out_;
  bool ok_ = true;
};

}  // namespace runback::archive

#pragma once
// Reads the protocol archive's payload back, treating it as untrusted: every read is
// bounds-checked, counts are checked against the bytes left before anything is allocated,
// booleans must be 0 or 1 and enums within their range. The first problem stops the reading and
// is kept as a plain sentence.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "protocol/protocol_archive_fields.hpp"

namespace runback::archive {

template <class T>
inline constexpr bool kIsOptional = false;
template <class T>
inline constexpr bool kIsOptional<std::optional<T>> = true;
template <class T>
inline constexpr bool kIsCounted = false;  // written as a u32 count then the items
template <>
inline constexpr bool kIsCounted<std::string> = true;
template <class T>
inline constexpr bool kIsCounted<std::vector<T>> = true;
template <class V>
inline constexpr bool kIsCounted<std::map<std::string, V>> = true;

// The fewest bytes a value of T takes in the archive: a count of items claimed by the input is
// refused when that many could not fit in the bytes left.
template <class T>
constexpr std::size_t min_encoded_size() {
  if constexpr (std::is_same_v<T, bool> || std::is_enum_v<T> || kIsOptional<T>) {
    return 1;
  } else if constexpr (std::is_same_v<T, int> || kIsCounted<T>) {
    return 4;
  } else if constexpr (std::is_same_v<T, double>) {
    return 8;
  } else {
    return std::apply(
        [](auto... member) {
          return (std::size_t{0} + ... +
                  min_encoded_size<std::remove_cvref_t<decltype(std::declval<T&>().*member)>>());
        },
        Fields<T>::list);
  }
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  const std::string& error() const { return error_; }
  std::size_t remaining() const { return bytes_.size() - position_; }

  bool read_u32(std::uint32_t& value) {
    if (!need(4, "a number")) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) value |= std::uint32_t(byte_at(position_ + i)) << (8 * i);
    position_ += 4;
    return true;
  }

  bool read(int& value) {
    std::uint32_t raw = 0;
    if (!read_u32(raw)) return false;
    value = static_cast<std::int32_t>(raw);  // modular since C++20
    return true;
  }
  bool read(bool& value) {
    std::uint8_t raw = 0;
    if (!read_u8(raw, "a yes/no value")) return false;
    if (raw > 1) return fail("a yes/no value is " + std::to_string(raw));
    value = raw == 1;
    return true;
  }
  bool read(double& value) {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    if (!read_u32(low) || !read_u32(high)) return false;
    value = std::bit_cast<double>(std::uint64_t(high) << 32 | low);
    return true;
  }
  template <class E>
  requires std::is_enum_v<E>
  bool read(E& value) {
    std::uint8_t raw = 0;
    if (!read_u8(raw, "a choice")) return false;
    if (raw > static_cast<unsigned>(LastValue<E>::value)) {
      return fail("a choice is " + std::to_string(raw) + ", but there are only " +
                  std::to_string(static_cast<unsigned>(LastValue<E>::value) + 1));
    }
    value = static_cast<E>(raw);
    return true;
  }
  bool read(std::string& value) {
    std::uint32_t size = 0;
    if (!read_count<char>(size, "a text", "bytes")) return false;
    value.assign(bytes_.data() + position_, size);
    position_ += size;
    return true;
  }
  template <class T>
  bool read(std::optional<T>& value) {
    bool present = false;
    if (!read(present)) return false;
    if (!present) {
      value.reset();
      return true;
    }
    return read(value.emplace());
  }
  template <class T>
  bool read(std::vector<T>& items) {
    std::uint32_t count = 0;
    if (!read_count<T>(count, "a list", "items")) return false;
    items.clear();
    items.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (!read(items.emplace_back())) return false;
    }
    return true;
  }
  template <class V>
  bool read(std::map<std::string, V>& items) {
    std::uint32_t count = 0;
    if (!read_count<std::pair<std::string, V>>(count, "a table", "entries")) return false;
    items.clear();
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string key;
      V value;
      if (!read(key) || !read(value)) return false;
      // The writer emits keys in the map's order, so anything else is not its output.
      if (!items.empty() && !(items.rbegin()->first < key)) {
        return fail("a table's keys are repeated or out of order");
      }
      items.emplace_hint(items.end(), std::move(key), std::move(value));
    }
    return true;
  }
  template <Archived T>
  bool read(T& value) {
    return std::apply([&](auto... member) { return (read(value.*member) && ...); },
                      Fields<T>::list);
  }

 private:
  template <class Item>
  static constexpr std::size_t item_size() {
    if constexpr (std::is_same_v<Item, char>) {
      return 1;
    } else if constexpr (requires { typename Item::first_type; }) {
      return min_encoded_size<typename Item::first_type>() +
             min_encoded_size<typename Item::second_type>();
    } else {
      return min_encoded_size<Item>();
    }
  }

  // `what` names the thing counted and its items: "a text of N bytes", "a list of N items".
  template <class Item>
  bool read_count(std::uint32_t& count, const char* what, const char* items) {
    if (!read_u32(count)) return false;
    if (count > remaining() / item_size<Item>()) {
      return fail(std::string(what) + " of " + std::to_string(count) + " " + items +
                  " does not fit in the " + std::to_string(remaining()) + " bytes left");
    }
    return true;
  }

  bool read_u8(std::uint8_t& value, const char* what) {
    if (!need(1, what)) return false;
    value = byte_at(position_);
    position_ += 1;
    return true;
  }

  std::uint8_t byte_at(std::size_t index) const {
    return static_cast<std::uint8_t>(static_cast<unsigned char>(bytes_[index]));
  }

  bool need(std::size_t size, const char* what) {
    if (size <= remaining()) return true;
    return fail(std::string("it ends in the middle of ") + what);
  }

  bool fail(const std::string& problem) {
    error_ = problem + " (at byte " + std::to_string(position_) + " of the payload)";
    return false;
  }

  std::string_view bytes_;
  std::size_t position_ = 0;
  std::string error_;
};

}  // namespace runback::archive

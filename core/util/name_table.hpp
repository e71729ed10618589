#pragma once
// The names of an enum's values, written once as a table and read both ways: a value's name for
// output (JSON, text) and the value a name stands for when reading input. One table per enum
// keeps the two directions, and the order of the names in messages, from drifting apart.
//
//   constexpr NameTable<TimePoint, 3> kTimePointNames{{
//       {TimePoint::during, "during"}, {TimePoint::after, "after"}, ...}};
//   name_of(TimePoint::after, kTimePointNames)        // "after"
//   value_named("after", kTimePointNames)             // TimePoint::after
//   names_in(kTimePointNames)                         // {"during", "after", ...}, for
//                                                     // "expected ..." and did_you_mean()

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace runback {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, const char*>, N>;

// The name of `value`, or "" for a value the table lacks (a complete table has every value; the
// unit tests of each table check that).
template <class E, std::size_t N>
constexpr const char* name_of(E value, const NameTable<E, N>& table) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return "";
}

// The value named exactly `name`, or nothing.
template <class E, std::size_t N>
constexpr std::optional<E> value_named(std::string_view name, const NameTable<E, N>& table) {
  for (const auto& [entry, entry_name] : table) {
    if (name == entry_name) return entry;
  }
  return std::nullopt;
}

// Every name, in the table's order: what a message lists as expected, and the candidates for
// did_you_mean() (util/suggest.hpp).
template <class E, std::size_t N>
std::vector<std::string> names_in(const NameTable<E, N>& table) {
  std::vector<std::string> names;
  names.reserve(N);
  for (const auto& entry : table) names.emplace_back(entry.second);
  return names;
}

}  // namespace runback

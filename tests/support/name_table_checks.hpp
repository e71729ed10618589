#pragma once
// A check shared by the tests of every enum's name table (util/name_table.hpp).

#include <catch2/catch.hpp>
#include <cstddef>
#include <string>

#include "util/name_table.hpp"

namespace runback::testing {

// Every value of an enum whose values run 0..N-1 has a name that reads back as itself.
template <class E, std::size_t N>
void check_complete(const NameTable<E, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    const E value = static_cast<E>(i);
    const std::string name = name_of(value, table);
    INFO(i << ": " << name);
    CHECK_FALSE(name.empty());
    CHECK(value_named(name, table) == value);
  }
}

}  // namespace runback::testing

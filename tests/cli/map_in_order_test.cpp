#include "map_in_order.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>

using runback::cli::map_in_order;

namespace {

// Hands out 0, 1, ... count - 1, then nothing.
struct Counter {
  int count;
  int next_value = 0;
  std::optional<int> operator()() {
    if (next_value >= count) return std::nullopt;
    return next_value++;
  }
};

// Uneven work, so that later items often finish before earlier ones.
void jitter(int value) {
  std::this_thread::sleep_for(std::chrono::microseconds((value * 7919) % 13 * 50));
}

}  // namespace

TEST_CASE("map_in_order gives every result once, in the items' order, whatever the threads",
          "[cli][map_in_order]") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (int count : {0, 1, 2, 17, 300}) {
      std::vector<std::string> seen;
      std::atomic<int> max_worker = 0;
      map_in_order(
          threads, 4, Counter{count},
          [&](int& value, unsigned worker) {
            jitter(value);
            int known = max_worker;
            while (int(worker) > known && !max_worker.compare_exchange_weak(known, int(worker))) {
            }
            return std::to_string(value * 2);
          },
          [&](std::string& result) { seen.push_back(result); });
      REQUIRE(seen.size() == std::size_t(count));
      for (int i = 0; i < count; ++i) CHECK(seen[std::size_t(i)] == std::to_string(i * 2));
      CHECK(max_worker < int(threads));
    }
  }
}

TEST_CASE("map_in_order keeps at most max_waiting items between taking and consuming",
          "[cli][map_in_order]") {
  std::atomic<int> taken = 0;
  int consumed = 0;
  int worst = 0;
  std::atomic<bool> over = false;
  Counter counter{200};
  map_in_order(
      4, 6,
      [&]() {
        auto value = counter();
        if (value) ++taken;
        return value;
      },
      [&](int& value, unsigned) {
        jitter(value);
        return value;
      },
      [&](int&) {
        ++consumed;
        worst = std::max(worst, taken - consumed);
        if (taken - consumed > 6) over = true;
        std::this_thread::sleep_for(std::chrono::microseconds(100));  // a slow writer
      });
  CHECK(consumed == 200);
  CHECK_FALSE(over);
  CHECK(worst >= 2);  // the bound was reached, so the check above means something
}

TEST_CASE("map_in_order rethrows what work or consume threw, after the threads have stopped",
          "[cli][map_in_order]") {
  SECTION("from work") {
    std::atomic<int> worked = 0;
    CHECK_THROWS_WITH(map_in_order(
                          3, 4, Counter{1000},
                          [&](int& value, unsigned) {
                            ++worked;
                            if (value == 50) throw std::runtime_error("item 50 failed");
                            return value;
                          },
                          [](int&) {}),
                      "item 50 failed");
    CHECK(worked < 1000);  // the others stopped
  }
  SECTION("from consume") {
    int consumed = 0;
    CHECK_THROWS_WITH(map_in_order(
                          2, 4, Counter{1000}, [](int& value, unsigned) { return value; },
                          [&](int& value) {
                            ++consumed;
                            if (value == 10) throw std::runtime_error("cannot write");
                          }),
                      "cannot write");
    CHECK(consumed == 11);
  }
  SECTION("from next") {
    int handed = 0;
    CHECK_THROWS_WITH(map_in_order(
                          2, 4,
                          [&]() -> std::optional<int> {
                            if (handed == 5) throw std::runtime_error("the store failed");
                            return handed++;
                          },
                          [](int& value, unsigned) { return value; }, [](int&) {}),
                      "the store failed");
  }
}

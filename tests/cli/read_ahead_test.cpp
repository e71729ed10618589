#include "read_ahead.hpp"

#include <atomic>
#include <catch2/catch.hpp>

using runback::cli::ReadAhead;

TEST_CASE("read-ahead hands over every item in order", "[cli][read_ahead]") {
  for (int count : {0, 1, 63, 64, 65, 10000}) {
    ReadAhead<int> ahead([count](const ReadAhead<int>::Emit& emit) {
      for (int i = 0; i < count; ++i) emit(int(i));
    });
    int expected = 0;
    while (auto batch = ahead.next()) {
      CHECK_FALSE(batch->empty());
      for (int value : *batch) CHECK(value == expected++);
    }
    ahead.wait_until_done();
    CHECK(expected == count);
  }
}

TEST_CASE("read-ahead keeps at most a few batches waiting", "[cli][read_ahead]") {
  std::atomic<int> produced = 0;
  ReadAhead<int> ahead(
      [&](const ReadAhead<int>::Emit& emit) {
        for (int i = 0; i < 1000; ++i) {
          emit(int(i));
          ++produced;
        }
      },
      10, 2);
  auto first = ahead.next();
  REQUIRE(first);
  // Two batches may wait and one may be filling: the producer cannot run far ahead.
  for (int spin = 0; spin < 1000 && produced < 40; ++spin) std::this_thread::yield();
  CHECK(produced <= 40);
}

TEST_CASE("a consumer that stops early does not hang the producer", "[cli][read_ahead]") {
  std::atomic<bool> finished = false;
  {
    ReadAhead<int> ahead(
        [&](const ReadAhead<int>::Emit& emit) {
          for (int i = 0; i < 100000; ++i) emit(int(i));
          finished = true;
        },
        8, 1);
    REQUIRE(ahead.next());
  }
  CHECK(finished);
}

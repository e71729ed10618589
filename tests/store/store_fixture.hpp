#pragma once
// Helpers for the store tests: a database with runners and programmes made through the Store
// API (so the tests do not depend on `runback start`), and a content dump to compare.

#include <catch2/catch.hpp>
#include <string>

#include "io/environment.hpp"
#include "store/store.hpp"
#include "support/run_process.hpp"

namespace runback::testing {

inline Programme sample_programme(const std::string& protocol_id = "achilles-midportion") {
  Programme p;
  p.protocol_id = protocol_id;
  p.protocol_version = "1.0.0";
  p.protocol_snapshot = "format: 1\nid: " + protocol_id + "\ntitle: \"Test\"\n";
  p.plugin_name = "";
  p.start_date = make_date(2026, 1, 5);
  p.starting_stage = 1;
  p.params = {{"baseline_cadence", "168"}};
  p.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
  return p;
}

inline Store open_test_store(const std::string& path) {
  auto store = Store::open(path, OpenMode::create_if_missing);
  REQUIRE(store.ok());
  return std::move(*store);
}

// A database at `path` with these runners, each following the sample programme.
inline void seed_runners(const std::string& path, const std::vector<std::string>& names) {
  Store store = open_test_store(path);
  for (const auto& name : names)
    REQUIRE(store.start_programme(name, sample_programme(), false).ok());
}

// The database's content as SQL text (sqlite3 .dump), to show a command changed nothing.
inline std::string dump_database(const std::string& path) {
  auto result = run_process({"/usr/bin/sqlite3", path, ".dump"});
  REQUIRE(result.exit_code == 0);
  return result.out;
}

inline Date real_today() {
  return SystemClock().today();
}

// A clock that stamps the store's changes with a time the test sets (the day is today's).
class StampClock final : public Clock {
 public:
  explicit StampClock(std::string at = "2026-01-01T00:00:00Z") : stamp(std::move(at)) {}
  Date today() const override { return SystemClock().today(); }
  std::string utc_timestamp() const override { return stamp; }

  std::string stamp;
};

}  // namespace runback::testing

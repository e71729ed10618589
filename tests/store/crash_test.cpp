// Nothing logged is lost: a stream of `runback log` processes is killed with SIGKILL at random
// moments; afterwards the database passes integrity_check and every log whose command exited 0
// is there, exactly.

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "spawn.hpp"
#include "store/statement.hpp"
#include "store/store_access.hpp"
#include "store_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

std::string integrity(Store& store) {
  auto check = Statement::prepare(StoreAccess::database(store), "PRAGMA integrity_check");
  REQUIRE(check.ok());
  REQUIRE(*check->step());
  return check->column_text(0);
}

struct Writer {
  Spawned process;
  Date date;
  int pain = 0;
  std::string note;
  std::chrono::steady_clock::time_point started;
};

}  // namespace

TEST_CASE("killing writers at random moments loses no confirmed log", "[store][crash]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  seed_runners(db, {"ana"});
  std::mt19937 random(20261121);
  const Date today = real_today();
  constexpr int kWriters = 120;
  constexpr int kInFlight = 3;
  std::vector<Writer> running;
  std::vector<Writer> confirmed;
  int killed = 0, next = 0;
  auto start_one = [&] {
    Writer w;
    w.date = today - std::chrono::days{next + 1};
    w.pain = next % 11;
    w.note = "writer " + std::to_string(next) + " ✓ \"quoted\"";
    w.started = std::chrono::steady_clock::now();
    w.process = spawn_runback({"--db", db, "log", format_date(w.date), "--session", "done",
                               "--pain-during", std::to_string(w.pain), "--note", w.note},
                              dir.file("err-" + std::to_string(next)));
    ++next;
    running.push_back(std::move(w));
  };
  // Kill times spread over twice what one log takes here (an ASan build is much slower), so
  // some writers die before, some during and some after their commit.
  auto fastest = std::chrono::steady_clock::duration::max();
  for (int i = 0; i < 3; ++i) {
    start_one();
    REQUIRE(wait_for(running.back().process.pid) == 0);
    fastest = std::min(fastest, std::chrono::steady_clock::now() - running.back().started);
    confirmed.push_back(running.back());
    running.clear();
  }
  const int max_delay_us =
      int(1.5 * double(std::chrono::duration_cast<std::chrono::microseconds>(fastest).count()));
  while (next < kWriters || !running.empty()) {
    while (next < kWriters && int(running.size()) < kInFlight) start_one();
    // Let the oldest run for a random moment, from not at all to well past its commit.
    Writer w = std::move(running.front());
    running.erase(running.begin());
    std::this_thread::sleep_until(
        w.started +
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, max_delay_us)(random)));
    kill(w.process.pid, SIGKILL);
    const int status = wait_for(w.process.pid);
    if (status == 0) {
      confirmed.push_back(w);
    } else {
      REQUIRE(status == 128 + SIGKILL);  // any other failure is a bug
      ++killed;
    }
    CHECK(read_text(w.process.err_path).find("locked") == std::string::npos);
  }
  INFO(confirmed.size() << " confirmed, " << killed << " killed");
  CHECK(killed > 0);
  CHECK(!confirmed.empty());

  Store store = open_test_store(db);
  CHECK(integrity(store) == "ok");
  const std::int64_t ana = store.resolve_runner("ana")->id;
  for (const Writer& w : confirmed) {
    auto log = store.log_for(ana, w.date);
    REQUIRE(log.ok());
    INFO(format_date(w.date));
    REQUIRE(log->has_value());
    CHECK((*log)->pain_during == w.pain);
    CHECK((*log)->note == w.note);
  }
}

TEST_CASE("four writers at once: no lock error reaches the user, every entry is kept",
          "[store][concurrency]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const std::vector<std::string> runners = {"ana", "ben", "cleo", "dan"};
  seed_runners(db, runners);
  const Date today = real_today();
  constexpr int kPerWriter = 25;
  std::vector<int> done(runners.size(), 0);
  std::vector<Spawned> lanes(runners.size());
  auto launch = [&](std::size_t lane) {
    const int i = done[lane];
    lanes[lane] =
        spawn_runback({"--db", db, "--runner", runners[lane], "log",
                       format_date(today - std::chrono::days{i}), "--pain-during",
                       std::to_string(i % 11), "--note", runners[lane] + " " + std::to_string(i)},
                      dir.file("err-" + std::to_string(lane)));
  };
  for (std::size_t lane = 0; lane < runners.size(); ++lane) launch(lane);
  std::size_t active = runners.size();
  while (active > 0) {
    int status = 0;
    const pid_t pid = wait(&status);
    REQUIRE(pid > 0);
    for (std::size_t lane = 0; lane < runners.size(); ++lane) {
      if (lanes[lane].pid != pid) continue;
      const std::string err = read_text(lanes[lane].err_path);
      INFO(runners[lane] << " #" << done[lane] << ": " << err);
      REQUIRE(WIFEXITED(status));
      REQUIRE(WEXITSTATUS(status) == 0);
      CHECK(err.find("locked") == std::string::npos);
      if (++done[lane] < kPerWriter) {
        launch(lane);
      } else {
        --active;
      }
    }
  }
  Store store = open_test_store(db);
  CHECK(integrity(store) == "ok");
  auto all = store.all_records();
  REQUIRE(all.ok());
  REQUIRE(all->size() == runners.size());
  for (const auto& records : *all) {
    CHECK(records.logs.size() == std::size_t(kPerWriter));
    for (const auto& log : records.logs) {
      const int i = int((today - log.date).count());
      CHECK(log.note == records.runner.name + " " + std::to_string(i));
    }
  }
}

// How fast Store::all_records loads a caseload: the planner's `week --all` reads every runner's
// records at once (its target: 10,000 runners x 6 months of logs at >= 20,000 runners/s for the
// whole process). Usage: all_records_bench DB  (make DB with records_bench.sh's caseload step).

#include <chrono>
#include <cstdio>

#include "store/store.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: all_records_bench DB\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  auto store = runback::Store::open(argv[1], runback::OpenMode::existing_only);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().c_str());
    return 1;
  }
  auto all = store->all_records();
  if (!all) {
    std::fprintf(stderr, "%s\n", all.error().c_str());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t logs = 0;
  for (const auto& records : *all) logs += records.logs.size();
  std::printf("%zu runners, %zu logs in %.3f s: %.0f runners/s\n", all->size(), logs, seconds,
              double(all->size()) / seconds);
  return 0;
}

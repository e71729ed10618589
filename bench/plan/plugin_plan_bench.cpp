// Micro-benchmark of the planner with a real plugin: the achilles plugin, loaded from the build
// tree, asked for its verdict at every checkpoint and for exercises, cues and questions on the
// days laid out. Beside bench_plan (the planner alone), the difference is the plugin host's cost
// and the plugin's own; the host's should not grow with the history at each call.
// CASELOAD=1 plans as `runback week --all` does (no day details: verdicts only), where the
// achilles plugin's own work per call is small, so the host's share shows.
//
//   ./build/bench/plan/bench_plan_plugin [repetitions]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "plugin/loaded_plugin.hpp"

using namespace runback;
using Days = std::chrono::days;

namespace {

// As bench_plan's runner, who also answers the plugin's checkpoint questions now and then.
std::vector<DayLog> history(Date start, int days, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<DayLog> logs;
  for (int d = 0; d < days; d += 2 + int(rng() % 2)) {
    DayLog log = test::session(start + Days{d}, int(rng() % 4), rng() % 10 == 0 ? 1 : 0, 0);
    if (rng() % 3 == 0) {
      log.answers["heel-raises"] = std::to_string(10 + rng() % 20);
      log.answers["morning-stiffness"] = std::to_string(rng() % 3);
    }
    logs.push_back(log);
  }
  return logs;
}

}  // namespace

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? std::atoi(argv[1]) : 200;
  auto loaded = LoadedPlugin::load(std::string(RUNBACK_BUILT_PLUGIN_DIR) + "/achilles.so");
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().c_str());
    return 1;
  }
  const PlanExtension* plugin = loaded->get();
  Protocol protocol = test::achilles_protocol();
  // Enough stages that a long history never completes the programme.
  protocol.stages = test::run_walk_stages(400);
  PluginRef ref;
  ref.name = "achilles";
  protocol.plugin = ref;
  const Date start = make_date(2024, 1, 1);
  std::printf("%-14s %8s %14s %16s\n", "history (days)", "logs", "us per plan", "ns per day");
  for (int days : {30, 90, 180, 365, 730, 1460}) {
    const std::vector<DayLog> logs = history(start, days, 42);
    Programme programme = test::programme_for(protocol, start);
    const std::vector<Clearance> clearances;
    const Date today = start + Days{days};
    const int explain = std::getenv("EXPLAIN_ALL") ? -1 : 5;
    const bool caseload = std::getenv("CASELOAD") != nullptr;
    std::size_t sink = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < repetitions; ++i) {
      PlanRequest request{protocol, plugin,           programme, logs, clearances,
                          today,    monday_of(today), 7,         0,    explain};
      request.day_details = !caseload;
      sink += make_plan(request).decisions.size();
    }
    const auto t1 = std::chrono::steady_clock::now();
    const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / repetitions;
    std::printf("%-14d %8zu %14.1f %16.1f\n", days, logs.size(), us, us * 1000 / days);
    if (sink == 0) return 1;
  }
  return 0;
}

// Micro-benchmark of the caseload's JSON (`runback week --all --format json`): one runner's week
// as a nlohmann DOM dumped to a string, against the direct writer (report/week_json_writer.hpp), on
// the same plans: the shipped protocols in turn, 6 months of Monday, Wednesday and Friday runs
// as bench/plan/make_caseload writes them, planned as the caseload plans them.
//
//   ./build/bench/plan/bench_caseload_json [runners] [passes]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "io/file_system.hpp"
#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "protocol/loader.hpp"
#include "report/plan_json.hpp"
#include "report/week_json_writer.hpp"
#include "runback_syntax.hpp"

using namespace runback;
using runback::cli::runback_syntax;
using Days = std::chrono::days;

namespace {

std::vector<DayLog> six_months(Date end, std::mt19937_64& rng) {
  std::vector<DayLog> logs;
  for (Date day = end - Days{181}; day <= end; day += Days{1}) {
    const std::chrono::weekday wd{day};
    if (wd != std::chrono::Monday && wd != std::chrono::Wednesday && wd != std::chrono::Friday)
      continue;
    const bool flare = rng() % 12 == 0;
    DayLog log = test::session(day, flare ? 4 + int(rng() % 3) : int(rng() % 3), flare ? 2 : 0,
                               flare ? 3 : int(rng() % 2));
    logs.push_back(log);
  }
  return logs;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int runners = argc > 1 ? std::atoi(argv[1]) : 4000;
  const int passes = argc > 2 ? std::atoi(argv[2]) : 5;
  RealFileSystem fs;
  std::vector<Protocol> protocols;
  for (const char* id :
       {"general-return", "achilles-midportion", "hip-gluteal", "patellofemoral"}) {
    auto loaded =
        load_protocol_file(fs, std::string(RUNBACK_SOURCE_PROTOCOL_DIR) + "/" + id + ".yaml");
    if (!loaded.protocol) {
      std::fprintf(stderr, "cannot load %s\n", id);
      return 1;
    }
    protocols.push_back(std::move(*loaded.protocol));
  }
  // A plugin that never objects, so plugin protocols' runners move up as in the caseload.
  test::FakeExtension plugin;
  const Date today = make_date(2026, 11, 20);
  std::mt19937_64 rng(7);
  struct Runner {
    const Protocol* protocol;
    std::string name;
    Plan plan;
  };
  std::vector<Runner> planned;
  for (int r = 0; r < runners; ++r) {
    const Protocol& protocol = protocols[std::size_t(r) % protocols.size()];
    const std::vector<DayLog> logs = six_months(today, rng);
    const Programme programme = test::programme_for(protocol, logs.front().date);
    if (protocol.plugin) plugin.plugin_name = protocol.plugin->name;
    const PlanRequest request{protocol,
                              protocol.plugin ? &plugin : nullptr,
                              programme,
                              logs,
                              {},
                              today,
                              monday_of(today),
                              7,
                              730,
                              1,
                              false};
    char name[32];
    std::snprintf(name, sizeof name, "runner-%05d", r + 1);
    planned.push_back({&protocol, name, make_plan(request)});
  }

  std::size_t bytes = 0;
  double dom_best = 1e9, writer_best = 1e9;
  for (int pass = 0; pass < passes; ++pass) {
    bytes = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const Runner& r : planned)
      bytes += week_body_json(*r.protocol, r.plan, r.name, runback_syntax()).dump().size();
    dom_best = std::min(dom_best, seconds_since(t0));

    std::size_t written = 0;
    WeekJsonCache cache;  // a new command's cache: the first runner of each protocol fills it
    std::string out;
    t0 = std::chrono::steady_clock::now();
    for (const Runner& r : planned) {
      out.clear();
      append_week_body_json(out, *r.protocol, r.plan, r.name, runback_syntax(), cache);
      written += out.size();
    }
    writer_best = std::min(writer_best, seconds_since(t0));
    if (written != bytes) {
      std::fprintf(stderr, "the writer wrote %zu bytes, the DOM %zu\n", written, bytes);
      return 1;
    }
  }
  WeekJsonCache cache;
  for (const Runner& r : planned) {
    std::string out;
    append_week_body_json(out, *r.protocol, r.plan, r.name, runback_syntax(), cache);
    if (out != week_body_json(*r.protocol, r.plan, r.name, runback_syntax()).dump()) {
      std::fprintf(stderr, "%s: the writer's bytes differ from the DOM's\n", r.name.c_str());
      return 1;
    }
  }
  const double n = runners;
  std::printf("%d runners, %.0f bytes of JSON each; best of %d passes\n", runners, bytes / n,
              passes);
  std::printf("%-22s %10s %14s\n", "", "us/runner", "runners/s");
  std::printf("%-22s %10.2f %14.0f\n", "DOM + dump()", dom_best * 1e6 / n, n / dom_best);
  std::printf("%-22s %10.2f %14.0f\n", "direct writer", writer_best * 1e6 / n, n / writer_best);
  std::printf("speed-up: %.1fx\n", dom_best / writer_best);
  return 0;
}

// Builds a records database for the planner's benchmarks: RUNNERS runners on the shipped
// protocols (in turn), each with DAYS days of logs up to END: runs on Monday, Wednesday and
// Friday with low pain and now and then a flare, next-morning scores, a red flag and clearance
// now and then. Usage: make_caseload DB PROTOCOL_DIR RUNNERS DAYS END [PLUGIN_DIR]
// With PLUGIN_DIR, each programme records its plugin's library (name, version, digest and path)
// as `runback start` does; without it, the name and version 1.0.0 only.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>

#include "io/file_system.hpp"
#include "plugin/plugin_host.hpp"
#include "protocol/loader.hpp"
#include "store/store.hpp"

using namespace runback;
using Days = std::chrono::days;

int main(int argc, char** argv) {
  if (argc != 6 && argc != 7) {
    std::fprintf(stderr, "usage: make_caseload DB PROTOCOL_DIR RUNNERS DAYS END [PLUGIN_DIR]\n");
    return 2;
  }
  const int runners = std::atoi(argv[3]);
  const int days = std::atoi(argv[4]);
  auto end = parse_date(argv[5]);
  if (!end) return 2;
  RealFileSystem fs;
  std::optional<PluginHost> plugins;
  if (argc == 7) plugins.emplace(fs, std::vector<PluginDir>{{argv[6], "--plugin-dir"}});
  std::map<std::string, Result<PluginIdentity>> identities;  // by plugin name
  std::vector<Protocol> protocols;
  for (const char* id :
       {"general-return", "achilles-midportion", "hip-gluteal", "patellofemoral"}) {
    auto loaded = load_protocol_file(fs, std::string(argv[2]) + "/" + id + ".yaml");
    if (!loaded.protocol) {
      std::fprintf(stderr, "cannot load %s\n", id);
      return 1;
    }
    protocols.push_back(std::move(*loaded.protocol));
  }
  auto store = Store::open(argv[1], OpenMode::create_if_missing);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().c_str());
    return 1;
  }
  std::mt19937_64 rng(7);
  const Date start = *end - Days{days - 1};
  for (int r = 0; r < runners; ++r) {
    const Protocol& protocol = protocols[std::size_t(r) % protocols.size()];
    Programme programme;
    programme.protocol_id = protocol.id;
    programme.protocol_version = protocol.version;
    programme.protocol_snapshot = protocol.source_text;
    if (protocol.plugin) {
      programme.plugin_name = protocol.plugin->name;
      programme.plugin_version = "1.0.0";
      if (plugins) {
        auto it = identities.find(protocol.plugin->name);
        if (it == identities.end()) {  // once a plugin: a digest reads the whole library
          it = identities.emplace(protocol.plugin->name, plugins->identify(protocol.plugin->name))
                   .first;
        }
        const Result<PluginIdentity>& identity = it->second;
        if (!identity) {
          std::fprintf(stderr, "%s\n", identity.error().c_str());
          return 1;
        }
        programme.plugin_version = identity->version;
        programme.plugin_digest = identity->digest;
        programme.plugin_path = identity->path;
      }
      if (protocol.plugin->name == "knee") programme.params["baseline_cadence"] = "164";
    }
    programme.start_date = start;
    programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
    char name[32];
    std::snprintf(name, sizeof name, "runner-%05d", r + 1);
    auto started = store->start_programme(name, programme, false);
    if (!started) {
      std::fprintf(stderr, "%s\n", started.error().c_str());
      return 1;
    }
    std::vector<LogRow> rows;
    std::vector<Clearance> clearances;
    for (Date day = start; day <= *end; day += Days{1}) {
      const std::chrono::weekday wd{day};
      if (wd != std::chrono::Monday && wd != std::chrono::Wednesday && wd != std::chrono::Friday)
        continue;
      LogRow row;
      row.date = day;
      row.session = SessionOutcome::done;
      const bool flare = rng() % 12 == 0;
      row.pain_during = flare ? 4 + int(rng() % 3) : int(rng() % 3);
      row.pain_after = flare ? 3 : int(rng() % 2);
      row.pain_next_morning = flare ? 2 : 0;
      if (rng() % 400 == 0) {
        row.red_flags = {"night-pain"};
        if (day + Days{3} <= *end) clearances.push_back({day + Days{3}, "Dr Bench", ""});
      }
      rows.push_back(row);
    }
    if (auto logged = store->record_logs(started->runner_id, rows, false); !logged) {
      std::fprintf(stderr, "%s\n", logged.error().c_str());
      return 1;
    }
    for (const Clearance& c : clearances) {
      if (auto done = store->record_clearance(started->runner_id, c); !done) return 1;
    }
  }
  return 0;
}

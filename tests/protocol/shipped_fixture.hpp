#pragma once
// The protocols runback ships, loaded for tests, and what those tests measure of them.

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "io/file_system.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol.hpp"
#include "protocol/safety.hpp"

namespace runback::testing {

// The format-1 protocols: the tests below that measure stages by `session` and weekly runs read
// these. The format-2 ones (session lists, walk-only days, a calendar) are checked on their own
// terms in shipped_protocols_test.cpp and, by scripted histories, in
// tests/plan/shipped_format2_test.cpp.
inline const std::vector<std::string> kShipped = {"achilles-midportion", "patellofemoral",
                                                  "hip-gluteal", "general-return"};
inline const std::vector<std::string> kShippedFormat2 = {"post-acl-run-walk",
                                                         "bone-stress-walk-jog"};

inline std::vector<std::string> all_shipped() {
  std::vector<std::string> all = kShipped;
  all.insert(all.end(), kShippedFormat2.begin(), kShippedFormat2.end());
  return all;
}

inline std::string shipped_path(const std::string& id) {
  return std::string(RUNBACK_SOURCE_DIR) + "/protocols/" + id + ".yaml";
}

inline std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += format_diagnostic(d) + "\n";
  return out;
}

// Loads a shipped protocol, failing the test (with every diagnostic) unless it loads with no
// errors and no warnings.
inline Protocol load_shipped(const std::string& id) {
  RealFileSystem fs;
  LoadResult result = load_protocol_file(fs, shipped_path(id));
  INFO(describe(result.diagnostics));
  REQUIRE(result.protocol.has_value());
  CHECK(result.diagnostics.empty());
  return *result.protocol;
}

// Running in a session, in seconds. Distances are converted at an easy pace: runners coming back
// from injury jog at roughly 5 to 8 min/km, so ramps are checked at both ends of that range.
inline double run_seconds(const Session& session, double seconds_per_km) {
  double total = 0;
  for (const auto& block : session.blocks) {
    if (!block.run) continue;  // a walk-only block (format 2)
    const double one = block.run->kind == Amount::Kind::time
                           ? block.run->value
                           : block.run->value / 1000.0 * seconds_per_km;
    total += one * block.repeat;
  }
  return total;
}

inline bool has_walk_breaks(const Session& session) {
  return std::any_of(session.blocks.begin(), session.blocks.end(),
                     [](const IntervalBlock& b) { return b.walk.has_value(); });
}

inline bool is_continuous(const Session& session) {
  return session.blocks.size() == 1 && !session.blocks[0].walk.has_value() &&
         session.blocks[0].repeat == 1;
}

inline void check_limit_within_core(const std::optional<PainLimit>& limit,
                                    const std::string& where) {
  if (!limit) return;
  INFO(where);
  CHECK((limit->max || limit->max_rise));
  if (limit->max) {
    CHECK(*limit->max >= 0);
    CHECK(*limit->max <= safety::kMaxPainLimit);
  }
  if (limit->max_rise) {
    CHECK(*limit->max_rise >= 0);
    CHECK(*limit->max_rise <= safety::kMaxPainRise);
  }
}

// Every `ref` the protocol holds, with where it sits.
inline std::vector<std::pair<std::string, std::string>> all_refs(const Protocol& p) {
  std::vector<std::pair<std::string, std::string>> refs;
  auto add = [&](const std::string& ref, const std::string& where) {
    if (!ref.empty()) refs.emplace_back(ref, where);
  };
  for (const auto& c : p.entry_criteria) add(c.ref, "entry_criteria " + c.id);
  if (p.start.entry_test) add(p.start.entry_test->ref, "start.entry_test");
  add(p.frequency.ref, "frequency");
  add(p.frequency.sessions_ref, "frequency.sessions_per_week");
  add(p.frequency.rest_ref, "frequency.min_rest_days");
  if (p.calendar) {
    add(p.calendar->ref, "calendar");
    if (p.calendar->bad_day) add(p.calendar->bad_day->ref, "calendar.bad_day");
  }
  add(p.progression.ref, "progression");
  for (const auto& b : p.progression.breaks) add(b.ref, "breaks " + std::to_string(b.days));
  if (p.pain.during) add(p.pain.during->ref, "pain.during");
  if (p.pain.after) add(p.pain.after->ref, "pain.after");
  if (p.pain.next_morning) add(p.pain.next_morning->ref, "pain.next_morning");
  for (const auto& r : p.responses) add(r.ref, "responses " + r.name);
  for (const auto& f : p.red_flags) add(f.ref, "red_flags " + f.id);
  for (const auto& s : p.stages) {
    add(s.ref, "stages " + s.id);
    add(s.intensity.ref, "stages " + s.id + ".intensity");
    add(s.frequency.ref, "stages " + s.id + ".frequency");
    for (const auto& e : s.exercises) add(e.ref, "stages " + s.id + " exercise " + e.name);
  }
  for (const auto& e : p.exercises) add(e.ref, "exercises " + e.name);
  for (const auto& r : p.recovery) add(r.ref, "recovery " + r.name);
  if (p.plugin) add(p.plugin->ref, "plugin");
  return refs;
}

}  // namespace runback::testing

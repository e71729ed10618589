// The safety invariants over many random symptom histories, across every protocol available. A
// failing history is shrunk and printed. RUNBACK_PROPERTY_HISTORIES lowers the count (sanitizer
// builds); the default is the full 100,000.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "plan/fixtures.hpp"
#include "plan/random_history.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using namespace runback::test;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

long history_count() {
  if (const char* text = std::getenv("RUNBACK_PROPERTY_HISTORIES")) {
    const long n = std::strtol(text, nullptr, 10);
    if (n > 0) return n;
  }
#ifdef RUNBACK_PROPERTY_DEFAULT_HISTORIES
  return RUNBACK_PROPERTY_DEFAULT_HISTORIES;
#else
  return 100000;
#endif
}

std::uint64_t base_seed() {
  if (const char* text = std::getenv("RUNBACK_PROPERTY_SEED")) {
    return std::strtoull(text, nullptr, 10);
  }
  return 20261124;
}

std::vector<Protocol> protocols_under_test(std::mt19937_64& rng) {
  std::vector<Protocol> protocols = all_fixture_protocols();
  for (const Protocol& shipped : shipped_protocols()) protocols.push_back(shipped);
  for (int i = 0; i < 24; ++i) protocols.push_back(random_protocol(rng));
  // Calendar programmes (format 2): the bone-stress example and random calendars.
  protocols.push_back(testing::load_text(
      read_file(std::string(RUNBACK_SOURCE_DIR) + "/tests/protocol/valid/format2-calendar.yaml")));
  for (int i = 0; i < 8; ++i) protocols.push_back(random_calendar_protocol(rng));
  return protocols;
}

// Runs `count` random histories over `protocols` (the i-th over protocol i mod their number),
// shrinking and printing the first that breaks an invariant. Returns how many passed.
long check_histories(const std::vector<Protocol>& protocols, std::uint64_t seed,
                     std::uint64_t stream, long count) {
  long checked = 0;
  for (long i = 0; i < count; ++i) {
    std::mt19937_64 rng(seed * 1000003ULL + stream + std::uint64_t(i));
    const Protocol& protocol = protocols[std::size_t(i) % protocols.size()];
    const History history = random_history(protocol, rng);
    if (!violations(history).empty()) {
      const History small = shrink(history);
      std::ostringstream report;
      report << "history " << i << " (seed " << seed << ") breaks the invariants; shrunk:\n"
             << describe(small) << "decisions:\n"
             << describe_decisions(small) << "violations:\n";
      for (const Violation& v : violations(small)) {
        report << "  " << v.invariant << ": " << v.detail << "\n";
      }
      FAIL(report.str());
    }
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("the safety invariants hold for random symptom histories", "[plan][property]") {
  const std::uint64_t seed = base_seed();
  std::mt19937_64 protocol_rng(seed);
  const std::vector<Protocol> protocols = protocols_under_test(protocol_rng);
  const long count = history_count();
  const long checked = check_histories(protocols, seed, 0, count);
  CHECK(checked == count);
  WARN(checked << " random histories over " << protocols.size() << " protocols");
}

// Format 2 alone: each protocol draws a random half of the families (docs/protocol-format.md,
// "## Format 2"), so that every family meets the others in several protocols; the invariants
// checked include the protocol's own pace (stage-rate), red flags, calendar recovery days, the
// weekly cap, and the warm-up and spanning responses (response-caution).
TEST_CASE("format 2: the safety invariants hold over random format-2 protocols using every family",
          "[plan][property][format2]") {
  const std::uint64_t seed = base_seed();
  std::mt19937_64 protocol_rng(seed ^ 0xf2f2f2f2ULL);
  std::vector<Protocol> protocols;
  std::vector<int> uses(kFamilyCount, 0);
  for (int i = 0; i < 48; ++i) {
    Families families;
    // Half the families each, a calendar a quarter of the time (it takes no ladder and no
    // session lists, which would then be rare).
    for (std::size_t f = 0; f < kFamilyCount; ++f) {
      families[f] = protocol_rng() % (Family(f) == Family::calendar ? 4 : 2) == 0;
    }
    protocols.push_back(random_format2_protocol(protocol_rng, families));
    for (std::size_t f = 0; f < kFamilyCount; ++f) uses[f] += families[f] ? 1 : 0;
  }
  std::ostringstream counts;
  for (std::size_t f = 0; f < kFamilyCount; ++f) {
    counts << "\n  family " << family_name(Family(f)) << ": " << uses[f] << " protocols";
    CHECK(uses[f] >= 4);
  }
  WARN(protocols.size() << " random format-2 protocols; each family used by:" << counts.str());
  const long count = history_count();
  const long checked = check_histories(protocols, seed, 0xf2000000000ULL, count);
  CHECK(checked == count);
  WARN(checked << " random histories over " << protocols.size() << " format-2 protocols");
}

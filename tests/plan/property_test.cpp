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

}  // namespace

TEST_CASE("the safety invariants hold for random symptom histories", "[plan][property]") {
  const std::uint64_t seed = base_seed();
  std::mt19937_64 protocol_rng(seed);
  const std::vector<Protocol> protocols = protocols_under_test(protocol_rng);
  const long count = history_count();
  long checked = 0;
  for (long i = 0; i < count; ++i) {
    std::mt19937_64 rng(seed * 1000003ULL + std::uint64_t(i));
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
  CHECK(checked == count);
  WARN(checked << " random histories over " << protocols.size() << " protocols");
}

#pragma once
// Random symptom histories for the planner's property test: a protocol, a programme, a log and
// clearances, with a seeded generator; shrinking to a small failing history; printing one.

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "plan/invariants.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"

namespace runback::test {

// A plugin whose verdicts are a fixed function of the seed and the log's date and values, so the
// invariant checker can ask it again and get the same answer.
class RandomVerdictExtension final : public PlanExtension {
 public:
  explicit RandomVerdictExtension(std::uint64_t seed) : seed_(seed) {}
  std::string name() const override { return "random"; }
  std::string version() const override { return "1.0.0"; }
  std::vector<Diagnostic> validate(const PluginRef&) const override { return {}; }
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override;
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext&) const override;
  Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext&) const override;
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override;

 private:
  std::uint64_t seed_;
};

struct History {
  Protocol protocol;
  Programme programme;
  std::vector<DayLog> logs;
  std::vector<Clearance> clearances;
  Date today;
  std::optional<std::uint64_t> plugin_seed;  // a plugin is loaded (when the protocol names one)
};

// A protocol with random stages, frequencies, limits (some beyond the core's, which the core must
// clamp), responses and breaks.
Protocol random_protocol(std::mt19937_64& rng);
// The same with a calendar (format 2): each stage on its own day, gaps of 1 to 4 days (shorter
// than the shortest break rule, as the loader demands), recovery days in some gaps, and a
// bad-day rule most of the time.
Protocol random_calendar_protocol(std::mt19937_64& rng);
History random_history(const Protocol& protocol, std::mt19937_64& rng);

// The invariants the plan for `history` breaks (empty: none).
std::vector<Violation> violations(const History& history);
// A smaller history that still breaks an invariant: logs dropped, values lowered.
History shrink(History history);
std::string describe(const History& history);
// The planner's decisions for the history, one a line.
std::string describe_decisions(const History& history);

}  // namespace runback::test

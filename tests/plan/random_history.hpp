#pragma once
// Random symptom histories for the planner's property test: a protocol, a programme, a log and
// clearances, with a seeded generator; shrinking to a small failing history; printing one.

#include <bitset>
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
  // Its questions never depend on the context; half the seeds say so.
  bool questions_fixed() const override { return seed_ / 2 % 2 == 0; }

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

// Format 2's families (docs/protocol-format.md, "## Format 2") as random format-2 protocols draw
// them: 1 pace, 2 session lists, 3 calendars, 4 walk-only sessions, 5 block keys (`until`,
// `start_with: walk`, speeds, effort), 6 the warm-up, 7 rules that span sessions (`in_last`,
// `after_setback`, `rising`), 8 by-week rules, 9 a goal with a ladder and a weekly cap, 10
// `decide: after_session`, 11a up-to frequencies, 11e options and stage alternatives.
enum class Family {
  pace,
  session_lists,
  calendar,
  walk_only,
  block_keys,
  warmup,
  spanning,
  by_week,
  goal_ladder_cap,
  decide_after,
  up_to,
  alternatives,
};
inline constexpr std::size_t kFamilyCount = 12;
using Families = std::bitset<kFamilyCount>;
std::string family_name(Family family);
// A format-2 protocol using the `families` asked for, as far as they go together (a calendar
// takes no ladder and no session lists; a walk-only first stage needs a second stage):
// `families` comes back as the ones the protocol uses.
Protocol random_format2_protocol(std::mt19937_64& rng, Families& families);

// A runner's history: a goal and an option when the protocol has them (the protocol is
// personalised with them, protocol/personalise.hpp), warm-up values when it uses the warm-up.
History random_history(const Protocol& protocol, std::mt19937_64& rng);

// The invariants the plan for `history` breaks (empty: none).
std::vector<Violation> violations(const History& history);
// A smaller history that still breaks an invariant: logs dropped, values lowered.
History shrink(History history);
std::string describe(const History& history);
// The planner's decisions for the history, one a line.
std::string describe_decisions(const History& history);

}  // namespace runback::test

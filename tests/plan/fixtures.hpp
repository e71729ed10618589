#pragma once
// Protocols built in C++ for the planner's tests, mirroring the rule families of
// /work/shared/clinical-basis.md, and a scriptable fake plugin.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"

namespace runback::test {

// `count` stages of "run i+1 min / walk 1 min × 5", 3 runs a week, a rest day between runs, two
// good sessions to move up.
std::vector<Stage> run_walk_stages(int count);

// Pain-monitoring model (Silbernagel 2007, [1]): during ≤ 5, no rise the next morning; a rise the
// next morning steps back one stage. Breaks: 7 days steps back 1, 28 days restarts.
Protocol achilles_protocol();
// TREK (patellofemoral, [1]): ≤ 2 during, back to the pre-run level 60 min after, no rise the
// next morning. No responses: a passed limit means repeat.
Protocol knee_protocol();
// Soreness rules (Fees 1998 running variant, [1]): sore during -> 1 day off and one step down;
// sore after or the next day -> 1 day off and repeat. A partial session counts.
Protocol soreness_protocol();
// Every protocol above.
std::vector<Protocol> all_fixture_protocols();
// The protocols shipped in the source tree's protocols/ (loaded with the real loader).
std::vector<Protocol> shipped_protocols();

Programme programme_for(const Protocol& protocol, Date start, int starting_stage = 0);

// A day's log of a done session with the given scores (-1: not logged).
DayLog session(Date date, int during, int next_morning, int after = -1);

// A plugin whose verdict, exercises and cues come from functions the test sets.
class FakeExtension final : public PlanExtension {
 public:
  std::string plugin_name = "fake";
  std::function<Result<Verdict>(const ExtensionContext&, const DayLog&)> on_verdict =
      [](const ExtensionContext&, const DayLog&) -> Result<Verdict> { return Verdict{}; };
  std::function<Result<std::vector<Exercise>>(const ExtensionContext&)> on_exercises =
      [](const ExtensionContext&) -> Result<std::vector<Exercise>> {
    return std::vector<Exercise>{};
  };
  std::vector<SessionCue> cues;
  std::vector<CheckpointQuestion> question_list;
  bool fixed_questions = false;  // questions_fixed()
  mutable int questions_asked = 0;

  std::string name() const override { return plugin_name; }
  std::string version() const override { return "1.0.0"; }
  std::vector<Diagnostic> validate(const PluginRef&) const override { return {}; }
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override {
    return on_exercises(context);
  }
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext&) const override {
    return cues;
  }
  Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext&) const override {
    ++questions_asked;
    return question_list;
  }
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override {
    return on_verdict(context, log);
  }
  bool questions_fixed() const override { return fixed_questions; }
};

}  // namespace runback::test

#include <catch2/catch.hpp>

#include "plan/checkpoint.hpp"
#include "plan/decision.hpp"
#include "plan/simulate.hpp"
#include "support/name_table_checks.hpp"

using namespace runback;

namespace {

Reason reason(const char* rule, ActionKind kind) {
  return Reason{rule, "", Action{kind, kind == ActionKind::step_back ? 1 : 0, 0}, ""};
}

std::vector<std::string> rules(const std::vector<Reason>& reasons) {
  std::vector<std::string> out;
  for (const Reason& r : reasons) out.push_back(r.rule);
  return out;
}

}  // namespace

TEST_CASE("most_cautious_first puts stop before step back before repeat, keeping ties in order",
          "[plan][checkpoint]") {
  std::vector<Reason> reasons = {
      reason("repeat 1", ActionKind::repeat),       reason("step back 1", ActionKind::step_back),
      reason("repeat 2", ActionKind::repeat),       reason("stop 1", ActionKind::stop),
      reason("step back 2", ActionKind::step_back), reason("proceed 1", ActionKind::proceed),
      reason("stop 2", ActionKind::stop),           reason("repeat 3", ActionKind::repeat)};
  most_cautious_first(reasons);
  CHECK(rules(reasons) == std::vector<std::string>{"stop 1", "stop 2", "step back 1", "step back 2",
                                                   "repeat 1", "repeat 2", "repeat 3",
                                                   "proceed 1"});

  std::vector<Reason> none;
  most_cautious_first(none);
  CHECK(none.empty());
  std::vector<Reason> one = {reason("only", ActionKind::repeat)};
  most_cautious_first(one);
  CHECK(rules(one) == std::vector<std::string>{"only"});
}

TEST_CASE("the planner's name tables cover every value", "[plan][names]") {
  testing::check_complete(kTimePointWords);
  testing::check_complete(kDecisionKindNames);
  testing::check_complete(kSymptomProfileNames);
  CHECK(time_point_words(TimePoint::next_morning) == "the next morning");
  CHECK(decision_kind_name(DecisionKind::break_back) == "break_back");
  CHECK(profile_name(SymptomProfile::stall) == "stall");
  CHECK(names_in(kSymptomProfileNames) == std::vector<std::string>{"steady", "flare", "stall"});
}

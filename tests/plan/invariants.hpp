#pragma once
// The safety invariants, checked from the outside: given what the planner was asked and what it
// produced, does the plan keep every rule the core promises, whatever the protocol and plugin?
// Written apart from the planner's own logic (it recounts from the raw logs), so that a mistake in
// one is caught by the other. Used by the property test over random symptom histories.

#include <string>
#include <vector>

#include "plan/plan.hpp"
#include "plan/planner.hpp"

namespace runback {

struct Violation {
  std::string invariant;  // "stage-rate", "advance-after-failure", "red-flag", "run-spacing",
                          // "weekly-sessions", "plugin-caution", "pain-limit", "stage-range",
                          // "calendar-recovery", "weekly-cap", "response-caution"
  std::string detail;     // what happened, with dates
};

std::vector<Violation> check_invariants(const PlanRequest& request, const Plan& plan);

}  // namespace runback

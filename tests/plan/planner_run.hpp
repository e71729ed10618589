#pragma once
// A runner's programme for the planner's scripted-history tests: a protocol started on a Monday,
// the logs and clearances a test writes, and the plan for a date.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"

namespace runback::test {

inline const Date kMonday = make_date(2026, 11, 2);  // a Monday

// The day `offset` days from kMonday.
inline Date day(int offset) {
  return kMonday + std::chrono::days{offset};
}

struct Run {
  Protocol protocol;
  Programme programme;
  std::vector<DayLog> logs;
  std::vector<Clearance> clearances;
  const PlanExtension* extension = nullptr;

  // The plan on `today`, laying out `window` days from that week's Monday.
  Plan plan(Date today, int window = 7) const {
    PlanRequest request{protocol,   extension, programme,        logs,
                        clearances, today,     monday_of(today), window};
    return make_plan(request);
  }
};

// A programme of `protocol` started on kMonday.
inline Run start(Protocol protocol, int starting_stage = 0) {
  Programme programme = programme_for(protocol, kMonday, starting_stage);
  return Run{std::move(protocol), programme, {}, {}, nullptr};
}

inline const Decision& last(const Plan& plan) {
  REQUIRE_FALSE(plan.decisions.empty());
  return plan.decisions.back();
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The days laid out with a run on them.
inline std::vector<Date> run_days(const Plan& plan) {
  std::vector<Date> out;
  for (const auto& d : plan.days) {
    if (d.run) out.push_back(d.date);
  }
  return out;
}

}  // namespace runback::test

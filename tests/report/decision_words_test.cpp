// The planner's explanations spell no command; the reports add, to a stop's, how to record the
// clearance that ends it, in the command line's words.

#include "report/decision_words.hpp"

#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "runback_syntax.hpp"

using namespace runback;
using namespace runback::test;
using runback::cli::runback_syntax;

TEST_CASE("a stop's explanation tells how to record the clearance", "[report][decision]") {
  const Protocol protocol = achilles_protocol();
  DayLog flag;
  flag.date = make_date(2026, 11, 3);
  flag.red_flags = {"night-pain"};
  const PlanRequest request{protocol,
                            nullptr,
                            programme_for(protocol, make_date(2026, 11, 2)),
                            {session(make_date(2026, 11, 2), 1, 0), flag},
                            {},
                            make_date(2026, 11, 4),
                            make_date(2026, 11, 2)};
  const Plan plan = make_plan(request);
  const Decision& stop = plan.decisions.back();
  REQUIRE(stop.kind == DecisionKind::stop);
  CHECK(explanation_text(stop, runback_syntax()) ==
        "Stop running for now and see your physiotherapist: you logged pain at night, or pain "
        "that wakes you on 2026-11-03. Once they clear you, record it with `runback clear --by "
        "\"NAME\" --date DATE` (the day they saw you).");
}

TEST_CASE("other explanations are the planner's own", "[report][decision]") {
  Decision repeat;
  repeat.kind = DecisionKind::repeat;
  repeat.explanation = "Repeat stage 2: pain during the run was 5/10.";
  CHECK(explanation_text(repeat, runback_syntax()) == repeat.explanation);
  Decision unexplained;  // a stop the planner was not asked to explain gains nothing
  unexplained.kind = DecisionKind::stop;
  CHECK(explanation_text(unexplained, runback_syntax()).empty());
}

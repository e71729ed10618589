// The caseload's facts about one runner, from their plan, and the order that puts whoever needs
// attention first.

#include "report/caseload_summary.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "report/caseload_text.hpp"

using namespace runback;
using namespace runback::test;

namespace {

const Date kStart = make_date(2026, 11, 2);  // a Monday

RunnerAttention attention_on(const Protocol& protocol, const std::vector<DayLog>& logs, Date today,
                             int starting_stage = 0) {
  const Programme programme = programme_for(protocol, kStart, starting_stage);
  const std::vector<Clearance> clearances;
  const PlanRequest request{protocol, nullptr, programme, logs, clearances, today, today, 0};
  return attention_of("ana", programme, logs, make_plan(request), today);
}

RunnerAttention runner(std::string name, int days_silent, int setbacks = 0, bool stopped = false) {
  RunnerAttention r;
  r.name = std::move(name);
  r.planned = true;
  r.days_silent = days_silent;
  r.setbacks = setbacks;
  r.stopped = stopped;
  return r;
}

std::vector<std::string> in_order(std::vector<RunnerAttention> runners) {
  std::sort(runners.begin(), runners.end(), needs_attention_before);
  std::vector<std::string> names;
  for (const auto& r : runners) names.push_back(r.name);
  return names;
}

}  // namespace

TEST_CASE("a runner's attention facts come from their plan and logs up to the date",
          "[report][caseload]") {
  const Protocol protocol = achilles_protocol();
  // Stage 3; a good run, then one whose next morning was worse: a step back.
  const std::vector<DayLog> logs = {session(kStart, 1, 0), session(make_date(2026, 11, 4), 2, 2),
                                    session(make_date(2026, 11, 20), 9, 9)};
  const RunnerAttention r = attention_on(protocol, logs, make_date(2026, 11, 6), 2);
  CHECK(r.planned);
  CHECK(r.stage_number == 2);
  CHECK(r.stage_count == int(protocol.stages.size()));
  CHECK_FALSE(r.stopped);
  CHECK(r.last_log == make_date(2026, 11, 4));  // the log of the 20th is after the date
  CHECK(r.days_silent == 2);
  CHECK(r.setbacks == 1);
  CHECK(r.pain == std::vector<int>{1, 2});
  CHECK(pain_trend_text(r.pain) == "1 2 up");
  CHECK(r.tier() == AttentionTier::setbacks);
  CHECK(attention_text(r) == "1 setback in 14 days");

  // Fourteen days on, the step back has left the window.
  const RunnerAttention later = attention_on(protocol, logs, make_date(2026, 11, 18), 2);
  CHECK(later.setbacks == 0);
  CHECK(later.days_silent == 14);
  CHECK(later.tier() == AttentionTier::silent);
  CHECK(attention_text(later) == "no log for 14 days");
}

TEST_CASE("an open red flag is named, and its stop counts as a setback", "[report][caseload]") {
  DayLog flag;
  flag.date = make_date(2026, 11, 5);
  flag.red_flags = {"night-pain"};
  const RunnerAttention r =
      attention_on(achilles_protocol(), {session(kStart, 1, 0), flag}, make_date(2026, 11, 9));
  CHECK(r.stopped);
  CHECK(r.stopped_on == flag.date);
  CHECK(r.red_flags == std::vector<std::string>{"night-pain"});
  CHECK(r.setbacks == 1);
  CHECK_FALSE(r.next_run);
  CHECK(r.tier() == AttentionTier::stopped);
  CHECK(attention_text(r) == "STOPPED since Thu 5 Nov: red flag night-pain, until cleared");
  CHECK(next_run_cell(r, make_date(2026, 11, 9)) == "on hold");
}

TEST_CASE("silence counts from the start for a runner who never logged, and from a missed run",
          "[report][caseload]") {
  const Protocol protocol = achilles_protocol();
  const RunnerAttention never = attention_on(protocol, {}, make_date(2026, 11, 10));
  CHECK_FALSE(never.last_log);
  CHECK(never.days_silent == 8);
  CHECK(never.tier() == AttentionTier::silent);
  CHECK(last_log_cell(never) == "never");
  CHECK(attention_text(never) == "nothing logged in 8 days");

  // Before the start, nothing is due.
  const RunnerAttention early = attention_on(protocol, {}, make_date(2026, 10, 30));
  CHECK(early.days_silent == 0);
  CHECK(early.tier() == AttentionTier::steady);

  // Five days is no silence by itself, but a planned run passed with nothing logged.
  const RunnerAttention missed =
      attention_on(protocol, {session(kStart, 1, 0)}, make_date(2026, 11, 7));
  CHECK(missed.days_silent == 5);
  CHECK(missed.missed_since_last_log);
  CHECK(missed.tier() == AttentionTier::silent);
}

TEST_CASE("a plugin that failed while planning is named in the runner's row",
          "[report][caseload]") {
  Protocol protocol = achilles_protocol();
  protocol.plugin = PluginRef{"knee", {}, {}};
  Programme programme = programme_for(protocol, kStart, 0);
  programme.plugin_name = "knee";
  const std::vector<DayLog> logs = {session(kStart, 1, 0)};
  Plan plan;
  plan.status.stage_count = int(protocol.stages.size());
  const Date today = make_date(2026, 11, 3);
  CHECK(attention_of("ana", programme, logs, plan, today).failed_plugin.empty());

  plan.plugin_failures = {"plugin 'knee' (/p/knee.so): stopped with signal 11"};
  const RunnerAttention r = attention_of("ana", programme, logs, plan, today);
  CHECK(r.failed_plugin == "knee");
  CHECK(attention_text(r) == "plugin 'knee' failed");
}

TEST_CASE("a checkpoint's missing values are what the caseload awaits", "[report][caseload]") {
  const RunnerAttention r =
      attention_on(achilles_protocol(), {session(kStart, 2, -1)}, make_date(2026, 11, 3));
  CHECK(r.waiting_for == kStart);
  CHECK(std::find(r.awaited.begin(), r.awaited.end(), "next-morning pain") != r.awaited.end());
  CHECK(attention_text(r) == "needs next-morning pain");
  CHECK(last_log_cell(r) == "yesterday");
  CHECK_FALSE(r.waiting_fails);
  CHECK(r.tier() == AttentionTier::steady);
}

TEST_CASE("a run whose values already fail it is a setback to see before its morning comes",
          "[report][caseload]") {
  const RunnerAttention r =
      attention_on(achilles_protocol(), {session(kStart, 6, -1)}, make_date(2026, 11, 3));
  CHECK(r.waiting_for == kStart);
  CHECK(r.waiting_fails);
  CHECK(r.setbacks == 0);  // not decided yet
  CHECK(r.tier() == AttentionTier::setbacks);
  CHECK(attention_text(r) == "the run on Mon 2 Nov did not pass; needs next-morning pain");
}

TEST_CASE("the order: stopped, then silent longest first, then setbacks, then by name",
          "[report][caseload]") {
  CHECK(
      in_order({runner("zoe", 0), runner("yan", 1, 2), runner("xia", 9), runner("wil", 0, 0, true),
                runner("vic", 12), runner("uma", 1, 1), runner("abe", 0)}) ==
      std::vector<std::string>{"wil", "vic", "xia", "yan", "uma", "abe", "zoe"});
  RunnerAttention none;
  none.name = "aaron";
  CHECK(in_order({none, runner("bea", 0)}) == std::vector<std::string>{"bea", "aaron"});
  // A programme that cannot be planned gives the runner no guidance: right after the stops.
  const RunnerAttention cannot =
      attention_without_plan("carl", "not planned: another plugin", /*programme_running=*/true);
  CHECK(cannot.tier() == AttentionTier::unplanned);
  CHECK(attention_tier_name(cannot.tier()) == "unplanned");
  CHECK(attention_text(cannot) == "not planned: another plugin");
  CHECK(in_order({none, runner("xia", 9), cannot, runner("wil", 0, 0, true)}) ==
        std::vector<std::string>{"wil", "carl", "xia", "aaron"});
  CHECK(attention_without_plan("dee", "no programme running", false).tier() ==
        AttentionTier::no_plan);
  RunnerAttention done = runner("cy", 30);
  done.complete = true;  // a finished programme is not silence
  CHECK(done.tier() == AttentionTier::steady);
}

TEST_CASE("the pain trend reads in a plain terminal", "[report][caseload]") {
  CHECK(pain_trend_text({}) == "-");
  CHECK(pain_trend_text({3}) == "3");
  CHECK(pain_trend_text({4, 2, 1}) == "4 2 1 down");
  CHECK(pain_trend_text({2, 5, 2}) == "2 5 2 flat");
}

TEST_CASE("the caseload table fits 80 columns, a long note on a line of its own",
          "[report][caseload]") {
  RunnerAttention stopped = runner("Alexandra", 1, 1, true);
  stopped.stage_number = 4;
  stopped.stage_count = 13;
  stopped.stopped_on = make_date(2026, 11, 30);
  stopped.red_flags = {"night-pain", "pain-at-rest"};
  stopped.pain = {2, 3, 6};
  stopped.last_log = make_date(2026, 11, 30);
  const std::string table = caseload_table({stopped, runner("Bo", 0)}, make_date(2026, 12, 1));
  std::size_t begin = 0;
  while (begin < table.size()) {
    const std::size_t end = table.find('\n', begin);
    CHECK(end - begin <= 80);
    begin = end + 1;
  }
  CHECK(table.find("\n    STOPPED since Mon 30 Nov: red flag night-pain, pain-at-rest, until "
                   "cleared;\n    also 1 setback in 14 days\n") != std::string::npos);
}

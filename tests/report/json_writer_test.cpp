// The two JsonWriters against each other: the text writer must append exactly the bytes of the
// tree writer's value dumped, for any sequence of events and for every plan document.

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "plan/simulate.hpp"
#include "report/json_text_writer.hpp"
#include "report/json_tree_writer.hpp"
#include "report/protocol_parts.hpp"
#include "report/simulation_document.hpp"
#include "report/status_document.hpp"
#include "report/week_document.hpp"
#include "runback_syntax.hpp"

using namespace runback;
using namespace runback::test;
using runback::cli::runback_syntax;

static_assert(JsonWriter<JsonTextWriter>);
static_assert(JsonWriter<JsonTreeWriter>);

namespace {

// Every kind of event, nested, with texts and numbers that need care.
template <JsonWriter W>
void write_sample(W& w) {
  w.begin_object();
  w.key("text");
  w.string("Zoë \"Z\"\t\x01 🏃");
  w.key("whole");
  w.integer(-42);
  w.key("count");
  w.unsigned_integer(std::numeric_limits<std::uint64_t>::max());
  w.key("number");
  w.number(600);
  w.key("fraction");
  w.number(0.1);
  w.key("not_a_number");
  w.number(std::nan(""));
  w.key("yes");
  w.boolean(true);
  w.key("nothing");
  w.null();
  w.key("empty_object");
  w.begin_object();
  w.end_object();
  w.key("list");
  w.begin_array();
  w.integer(1);
  w.begin_object();
  w.text_key("key \"quoted\" é");
  w.string("");
  w.end_object();
  w.begin_array();
  w.end_array();
  w.null();
  w.end_array();
  w.end_object();
}

template <typename Write>
void check_same_bytes(Write write) {
  JsonTreeWriter tree;
  write(tree);
  std::string text = "[";  // the text writer appends: what is there already stays
  JsonTextWriter writer(text);
  write(writer);
  CHECK(text.substr(1) == std::move(tree).take().dump());
}

}  // namespace

TEST_CASE("the text writer writes the bytes of the tree writer's dump()", "[report][json]") {
  check_same_bytes([](auto& w) { write_sample(w); });
  std::string text;
  JsonTextWriter writer(text);
  write_sample(writer);
  CHECK(text ==
        "{\"text\":\"Zoë \\\"Z\\\"\\t\\u0001 🏃\",\"whole\":-42,\"count\":18446744073709551615,"
        "\"number\":600.0,\"fraction\":0.1,\"not_a_number\":null,\"yes\":true,\"nothing\":null,"
        "\"empty_object\":{},\"list\":[1,{\"key \\\"quoted\\\" é\":\"\"},[],null]}");
}

TEST_CASE("the tree writer keeps keys in the order written", "[report][json]") {
  JsonTreeWriter w;
  w.begin_object();
  w.key("z");
  w.integer(1);
  w.key("a");
  w.begin_array();
  w.string("x");
  w.end_array();
  w.end_object();
  CHECK(std::move(w).take().dump() == "{\"z\":1,\"a\":[\"x\"]}");
}

TEST_CASE("the text writer copies text it wrote earlier, as a value or as members",
          "[report][json]") {
  const Protocol protocol = achilles_protocol();
  std::string stage_ref, run_members;
  JsonTextWriter ref_writer(stage_ref), members_writer(run_members);
  write_stage_ref(ref_writer, protocol.stages[1], 1);
  write_stage_run_members(members_writer, protocol.stages[1]);
  CHECK(stage_ref.rfind("{\"number\":2,\"id\":", 0) == 0);
  CHECK(run_members.rfind("\"session\":\"", 0) == 0);

  std::string copied, written;
  JsonTextWriter copy(copied), write(written);
  const LiveProtocolParts parts(protocol);
  copy.begin_object();
  write.begin_object();
  copy.key("stage");
  copy.raw_value(stage_ref);
  write.key("stage");
  parts.stage_ref(write, 1);
  copy.raw_members(run_members);
  parts.stage_run_members(write, 1);
  copy.raw_members("");  // nothing to copy: no stray comma
  copy.key("end");
  copy.null();
  write.key("end");
  write.null();
  copy.end_object();
  write.end_object();
  CHECK(copied == written);
}

TEST_CASE("every plan document has the same bytes through both writers", "[report][json]") {
  const Protocol protocol = achilles_protocol();
  const Programme programme = programme_for(protocol, make_date(2026, 11, 2));
  const std::vector<DayLog> logs = {session(make_date(2026, 11, 2), 1, 1),
                                    session(make_date(2026, 11, 4), 6, 4)};
  const PlanRequest request{
      protocol, nullptr, programme, logs, {}, make_date(2026, 11, 6), make_date(2026, 11, 2)};
  const Plan plan = make_plan(request);
  REQUIRE_FALSE(plan.decisions.empty());
  const LiveProtocolParts parts(protocol);
  const CommandSyntax& commands = runback_syntax();

  check_same_bytes([&](auto& w) { write_decision(w, commands, plan.decisions.back()); });
  check_same_bytes([&](auto& w) { write_standing(w, parts, commands, plan); });
  check_same_bytes([&](auto& w) { write_red_flags(w, protocol); });
  check_same_bytes([&](auto& w) { write_status(w, parts, commands, plan, "Sam", 5); });
  check_same_bytes([&](auto& w) {
    w.begin_object();
    write_week_members(w, parts, commands, plan, "Sam");
    w.end_object();
  });
  SimulationRequest simulation{
      protocol, nullptr, make_date(2026, 11, 2), 0, {}, SymptomProfile::flare, 7, 365, {}, {}};
  const Simulation simulated = simulate(simulation);
  check_same_bytes(
      [&](auto& w) { write_simulation(w, protocol, commands, simulated, "flare", 7); });
}

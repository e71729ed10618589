// The plugin host converts a plan's history once and then only what is new (the context's
// history_id); a plugin must still see, at every call, exactly what the context held. The
// recorder test plugin notes what it saw; a spy between the planner and the loaded plugin notes
// what each context held; the two must agree call by call.
#include <boost/dll/shared_library.hpp>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "plugin_fixture.hpp"
#include "recorder/recorded_call.hpp"

using namespace runback;
using namespace runback::testing;
using Days = std::chrono::days;

namespace {

const std::string kRecorder = RUNBACK_RECORDER_PLUGIN;

const std::shared_ptr<const LoadedPlugin>& recorder_plugin() {
  static const auto plugin = load_plugin(kRecorder);
  return plugin;
}

// The recorder's notes, through its extra exported functions (the same library instance the
// host loaded: the loader hands out one copy per path).
class Recordings {
 public:
  Recordings()
      : library_(kRecorder, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local) {
    library_.get<recorder::ResetFn>("recorder_reset")();
  }
  std::vector<recorder::Call> take() {
    std::vector<recorder::Call> out;
    const auto count = library_.get<recorder::CountFn>("recorder_count")();
    const auto at = library_.get<recorder::AtFn>("recorder_at");
    for (std::size_t i = 0; i < count; ++i) out.push_back(*at(i));
    library_.get<recorder::ResetFn>("recorder_reset")();
    return out;
  }

 private:
  boost::dll::shared_library library_;
};

std::int32_t abi_date(Date date) {
  return static_cast<std::int32_t>(date.time_since_epoch().count());
}

void add_log(recorder::Digest& digest, const DayLog& log) {
  recorder::add_log(digest, abi_date(log.date), log.session ? int(*log.session) : -1,
                    log.pain_during.value_or(-1), log.pain_after.value_or(-1),
                    log.pain_next_morning.value_or(-1), log.stiffness_minutes.value_or(-1),
                    log.swelling ? 1 : 0, log.limp ? 1 : 0, std::int64_t(log.red_flags.size()),
                    log.answers);
}

// What the recorder should note for a call with `context`, computed from the context itself.
recorder::Call expected_call(recorder::HookKind hook, const ExtensionContext& context,
                             const DayLog* day) {
  recorder::Call call;
  call.hook = hook;
  call.date = abi_date(context.date);
  call.log_count = context.logs.size();
  call.checkpoint_count = context.checkpoints.size();
  recorder::Digest logs, checkpoints, params;
  for (const DayLog& log : context.logs) add_log(logs, log);
  for (const CheckpointSummary& checkpoint : context.checkpoints) {
    for (std::int64_t n :
         {std::int64_t(abi_date(checkpoint.date)), std::int64_t(checkpoint.stage_index),
          std::int64_t(checkpoint.outcome)}) {
      checkpoints.add(n);
    }
  }
  // The recorder's two parameters, in its table's order, with their defaults.
  std::string tag = "plain", runner = "anonymous";
  if (context.protocol.plugin) {
    if (auto it = context.protocol.plugin->params.find("tag");
        it != context.protocol.plugin->params.end()) {
      tag = it->second.text;
    }
  }
  if (auto it = context.programme.params.find("runner"); it != context.programme.params.end()) {
    runner = it->second;
  }
  for (const std::string& text : {std::string("tag"), tag, std::string("runner"), runner}) {
    params.add(std::string_view(text));
  }
  call.logs = logs.value;
  call.checkpoints = checkpoints.value;
  call.params = params.value;
  if (!context.logs.empty()) {
    call.first_log_date = abi_date(context.logs.front().date);
    call.last_log_date = abi_date(context.logs.back().date);
    if (!context.logs.back().answers.empty()) {
      const std::string value = context.logs.back().answers.rbegin()->second.substr(0, 63);
      std::copy(value.begin(), value.end(), call.last_answer);
    }
  }
  if (day != nullptr) {
    recorder::Digest digest;
    add_log(digest, *day);
    call.day = digest.value;
  }
  return call;
}

std::string describe(const recorder::Call& call) {
  std::ostringstream out;
  out << "hook " << call.hook << " on " << call.date << ": " << call.log_count << " logs ("
      << call.first_log_date << ".." << call.last_log_date << ", last answer '" << call.last_answer
      << "'), " << call.checkpoint_count << " checkpoints, digests " << call.logs << " / "
      << call.checkpoints << " / " << call.params << " / " << call.day;
  return out.str();
}

bool same(const recorder::Call& a, const recorder::Call& b) {
  return a.hook == b.hook && a.date == b.date && a.log_count == b.log_count &&
         a.checkpoint_count == b.checkpoint_count && a.first_log_date == b.first_log_date &&
         a.last_log_date == b.last_log_date &&
         std::string_view(a.last_answer) == std::string_view(b.last_answer) && a.logs == b.logs &&
         a.checkpoints == b.checkpoints && a.params == b.params && a.day == b.day;
}

void check_calls(const std::vector<recorder::Call>& seen,
                 const std::vector<recorder::Call>& expected) {
  REQUIRE(seen.size() == expected.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    INFO("call " << i << "\n  the plugin saw: " << describe(seen[i])
                 << "\n  the context had: " << describe(expected[i]));
    REQUIRE(same(seen[i], expected[i]));
  }
}

// Between the planner and the loaded plugin: notes what each context held, then forwards.
class Spy final : public PlanExtension {
 public:
  explicit Spy(std::shared_ptr<const LoadedPlugin> real) : real_(std::move(real)) {}

  std::string name() const override { return real_->name(); }
  std::string version() const override { return real_->version(); }
  std::vector<Diagnostic> validate(const PluginRef& ref) const override {
    return real_->validate(ref);
  }
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override {
    note(recorder::kExercises, context, nullptr);
    return real_->exercises(context);
  }
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext& context) const override {
    note(recorder::kSessionCues, context, nullptr);
    return real_->session_cues(context);
  }
  Result<std::vector<CheckpointQuestion>> questions(
      const ExtensionContext& context) const override {
    note(recorder::kQuestions, context, nullptr);
    return real_->questions(context);
  }
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override {
    note(recorder::kVerdict, context, &log);
    return real_->verdict(context, log);
  }

  mutable std::vector<recorder::Call> expected;
  mutable std::set<std::uint64_t> history_ids;
  // Per history: the addresses its logs were seen at (more than one: the vector reallocated).
  mutable std::map<std::uint64_t, std::set<const DayLog*>> log_addresses;

 private:
  void note(recorder::HookKind hook, const ExtensionContext& context, const DayLog* day) const {
    expected.push_back(expected_call(hook, context, day));
    history_ids.insert(context.history_id);
    if (!context.logs.empty()) log_addresses[context.history_id].insert(context.logs.data());
  }

  std::shared_ptr<const LoadedPlugin> real_;
};

Protocol recorder_protocol(const std::string& tag) {
  Protocol protocol = test::achilles_protocol();
  protocol.stages = test::run_walk_stages(400);  // never completed
  PluginRef ref;
  ref.name = "recorder";
  ref.params["tag"] = PluginParam{tag, {"test.yaml", 40, 5}};
  protocol.plugin = ref;
  return protocol;
}

// A log every day: runs every other day, morning pain between, answers on most days, some
// long enough to live on the heap and some short enough to live inside the string.
std::vector<DayLog> history(Date start, int days, const std::string& who) {
  std::vector<DayLog> logs;
  for (int d = 0; d < days; ++d) {
    DayLog log = test::session(start + Days{d}, d % 7 == 0 ? 6 : 1, 0);
    if (d % 2 == 1) {  // a morning without a run
      log = DayLog{};
      log.date = start + Days{d};
      log.pain_next_morning = d % 3;
    }
    log.swelling = d % 11 == 0;
    log.limp = d % 13 == 0;
    if (d % 3 != 2) log.answers["heel-raises"] = std::to_string(10 + d % 17);
    if (d % 4 == 1) {
      log.answers["remark"] =
          who + " wrote a remark long enough to need the heap, on day " + std::to_string(d);
    }
    logs.push_back(log);
  }
  return logs;
}

Plan plan_for(const PlanExtension& extension, const Protocol& protocol, const Programme& programme,
              const std::vector<DayLog>& logs, Date today, int window_offset) {
  const std::vector<Clearance> clearances;
  PlanRequest request{protocol,
                      &extension,
                      programme,
                      logs,
                      clearances,
                      today,
                      monday_of(today + Days{window_offset}),
                      14,
                      730,
                      5};
  return make_plan(request);
}

}  // namespace

TEST_CASE(
    "a plugin sees every log and checkpoint of a long plan - after the planner's vector "
    "reallocated",
    "[plugin][history]") {
  Recordings recordings;
  Spy spy(recorder_plugin());
  const Protocol protocol = recorder_protocol("a protocol tag long enough to need the heap");
  const Date start = make_date(2025, 1, 6);
  Programme programme = test::programme_for(protocol, start);
  programme.params["runner"] = "sam";
  const auto logs = history(start, 400, "sam");
  // The days laid out lie 200 days into the projection: by then the planner's own vector of
  // logs (reserved for the real ones and a little more) has had to grow.
  const Plan plan = plan_for(spy, protocol, programme, logs, start + Days{399}, 200);

  CHECK(plan.decisions.size() > 100);
  check_calls(recordings.take(), spy.expected);
  CHECK(spy.expected.size() > 200);  // a verdict per session, and the days laid out
  CHECK(spy.history_ids.count(0) == 0);
  bool reallocated = false;
  for (const auto& [id, addresses] : spy.log_addresses) reallocated |= addresses.size() > 1;
  CHECK(reallocated);
  bool checkpoints_seen = false;
  for (const auto& call : spy.expected) checkpoints_seen |= call.checkpoint_count > 100;
  CHECK(checkpoints_seen);
}

TEST_CASE(
    "two runners planned one after the other with one loaded plugin see only their own "
    "history",
    "[plugin][history]") {
  Recordings recordings;
  Spy spy(recorder_plugin());
  const Protocol protocol = recorder_protocol("clinic");
  const Date start = make_date(2025, 3, 3);
  Programme sam = test::programme_for(protocol, start);
  sam.params["runner"] = "sam";
  Programme alex = test::programme_for(protocol, start + Days{30});
  alex.params["runner"] = "alex";
  const auto sam_logs = history(start, 300, "sam");
  const auto alex_logs = history(start + Days{30}, 120, "alex");

  plan_for(spy, protocol, sam, sam_logs, start + Days{299}, 0);
  const auto after_sam = spy.history_ids;
  plan_for(spy, protocol, alex, alex_logs, start + Days{149}, 0);
  // And Sam again: a new plan, a new history, however alike.
  plan_for(spy, protocol, sam, sam_logs, start + Days{299}, 0);

  check_calls(recordings.take(), spy.expected);
  CHECK(spy.history_ids.size() >= 3);
  CHECK(spy.history_ids.size() > after_sam.size());
  CHECK(spy.history_ids.count(0) == 0);
}

TEST_CASE("calls without a history id convert everything - whatever changed between them",
          "[plugin][history]") {
  Recordings recordings;
  const auto& plugin = recorder_plugin();
  PlanFixture fixture("recorder", {{"tag", "zero"}});
  std::vector<recorder::Call> expected;
  auto ask = [&](int day) {
    const ExtensionContext context = fixture.on(day);
    REQUIRE(context.history_id == 0);
    REQUIRE(plugin->exercises(context).ok());
    expected.push_back(expected_call(recorder::kExercises, context, nullptr));
    REQUIRE(plugin->verdict(context, context.logs.back()).ok());
    expected.push_back(expected_call(recorder::kVerdict, context, &context.logs.back()));
  };
  for (int day = 0; day < 40; ++day) {
    fixture.log(day, {{"heel-raises", std::to_string(day)}});
    if (day % 5 == 0) fixture.checkpoint(day, ActionKind::repeat);
    ask(day);
  }
  // Changed in the middle, then shorter, then a checkpoint rewritten: no promise without an id.
  fixture.logs[10].answers["heel-raises"] = "changed in the middle of the history, at length";
  fixture.logs[10].pain_during = 4;
  ask(39);
  fixture.logs.resize(20);
  fixture.checkpoints.resize(2);
  ask(19);
  fixture.checkpoints[1].outcome = ActionKind::step_back;
  ask(19);
  check_calls(recordings.take(), expected);
}

TEST_CASE(
    "a history that grows call by call is converted correctly - across reallocations and "
    "between calls without an id",
    "[plugin][history]") {
  Recordings recordings;
  const auto& plugin = recorder_plugin();
  PlanFixture fixture("recorder", {}, {{"runner", "kim"}});
  PlanFixture other("recorder", {{"tag", "other"}});
  other.log(0, {{"heel-raises", "3"}});
  const std::uint64_t id = next_history_id();
  std::vector<recorder::Call> expected;
  std::set<const DayLog*> addresses;
  for (int day = 0; day < 300; ++day) {
    fixture.log(day, {{"heel-raises", std::to_string(day % 20)},
                      {"long", "an answer too long for the small-string buffer, day " +
                                   std::to_string(day)}});
    if (day % 7 == 6)
      fixture.checkpoint(day, day % 14 == 6 ? ActionKind::proceed : ActionKind::repeat);
    ExtensionContext context = fixture.on(day);
    context.history_id = id;
    addresses.insert(fixture.logs.data());
    REQUIRE(plugin->verdict(context, fixture.logs.back()).ok());
    expected.push_back(expected_call(recorder::kVerdict, context, &fixture.logs.back()));
    if (day % 50 == 0) {
      // A call without an id in between must neither see this history nor disturb it.
      const ExtensionContext unrelated = other.on(0);
      REQUIRE(plugin->session_cues(unrelated).ok());
      expected.push_back(expected_call(recorder::kSessionCues, unrelated, nullptr));
    }
  }
  CHECK(addresses.size() > 5);  // the vector moved several times
  check_calls(recordings.take(), expected);
}

TEST_CASE("a history that breaks the history id's promise is converted again",
          "[plugin][history]") {
  Recordings recordings;
  const auto& plugin = recorder_plugin();
  PlanFixture fixture("recorder");
  const std::uint64_t id = next_history_id();
  std::vector<recorder::Call> expected;
  auto ask = [&](int day) {
    ExtensionContext context = fixture.on(day);
    context.history_id = id;
    REQUIRE(plugin->questions(context).ok());
    expected.push_back(expected_call(recorder::kQuestions, context, nullptr));
  };
  for (int day = 0; day < 30; ++day) fixture.log(day, {{"heel-raises", std::to_string(day)}});
  fixture.checkpoint(3, ActionKind::repeat);
  ask(29);
  fixture.logs.resize(12);  // shorter
  ask(11);
  fixture.logs.back().date = fixture.day(40);  // the last one seen replaced
  fixture.logs.back().answers["heel-raises"] = "replaced";
  ask(40);
  fixture.checkpoints.back().outcome = ActionKind::stop;  // the last checkpoint rewritten
  ask(40);
  check_calls(recordings.take(), expected);
}

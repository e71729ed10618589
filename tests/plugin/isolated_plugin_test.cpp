// Plugins run in a plugin host process: the same answers as in this process, and whatever a
// plugin does wrong in a hook (crash, abort, exit, hang, runaway memory, stray output) becomes
// an error naming the plugin and its file, while runback carries on.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "plugin/isolated_plugin.hpp"
#include "plugin/plugin_host.hpp"
#include "plugin_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

IsolationOptions options(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  IsolationOptions o;
  o.host_executable = RUNBACK_PLUGIN_HOST_EXE;
  o.timeout = timeout;
  o.memory_mb = 300;
  o.stderr_line = [](std::string_view) {};
  return o;
}

std::shared_ptr<IsolatedPlugin> isolated(const std::string& path,
                                         const IsolationOptions& o = options()) {
  auto started = IsolatedPlugin::start(path, o);
  if (!started) FAIL(started.error());
  return *started;
}

std::string iso_path(const std::string& how) {
  return broken_dir("iso-" + how) + "/iso-" + how + ".so";
}

// The error of a verdict for a day's log.
std::string verdict_error(const IsolatedPlugin& plugin, const PlanFixture& fixture) {
  auto verdict = plugin.verdict(fixture.on(7), fixture.logs.back());
  REQUIRE_FALSE(verdict.ok());
  CHECK(verdict.error_kind() == ErrorKind::plugin);
  return verdict.error();
}

}  // namespace

TEST_CASE("isolated plugin: the shipped plugins answer as they do in process, day after day") {
  for (const char* name : {"achilles", "knee", "hip"}) {
    INFO(name);
    const std::map<std::string, std::string> programme =
        std::string(name) == "knee"
            ? std::map<std::string, std::string>{{"baseline_cadence", "160"}}
            : std::map<std::string, std::string>{};
    PlanFixture fixture(name, {}, programme);
    const auto direct = load_plugin(built_plugin(name));
    const auto hosted = isolated(built_plugin(name));
    CHECK(hosted->info().name == direct->info().name);
    CHECK(hosted->info().version == direct->info().version);
    CHECK(hosted->info().hooks == direct->info().hooks);
    CHECK(hosted->info().params.size() == direct->info().params.size());
    CHECK(hosted->validate(*fixture.protocol.plugin).size() ==
          direct->validate(*fixture.protocol.plugin).size());
    CHECK(hosted->check_programme_params({{"nonsense", "1"}}) ==
          direct->check_programme_params({{"nonsense", "1"}}));
    const std::uint64_t history = next_history_id();
    for (int d = 0; d < 40; ++d) {
      auto& log = fixture.log(d, {{"heel-raises", "25"}, {"morning-stiffness", "5"}});
      log.pain_during = d % 4;
      log.pain_next_morning = d % 3;
      if (d % 7 == 6) fixture.checkpoint(d, d % 14 == 6 ? ActionKind::proceed : ActionKind::repeat);
      ExtensionContext context = fixture.on(d, d / 14);
      context.history_id = history;
      auto a = direct->exercises(context);
      auto b = hosted->exercises(context);
      REQUIRE(a.ok() == b.ok());
      if (a) CHECK(*a == *b);
      auto qa = direct->questions(context);
      auto qb = hosted->questions(context);
      REQUIRE(qa.ok() == qb.ok());
      if (qa) {
        REQUIRE(qa->size() == qb->size());
        for (std::size_t i = 0; i < qa->size(); ++i) CHECK((*qa)[i].key == (*qb)[i].key);
      }
      auto ca = direct->session_cues(context);
      auto cb = hosted->session_cues(context);
      REQUIRE(ca.ok() == cb.ok());
      if (ca) {
        REQUIRE(ca->size() == cb->size());
        for (std::size_t i = 0; i < ca->size(); ++i) CHECK((*ca)[i].text == (*cb)[i].text);
      }
      auto va = direct->verdict(context, log);
      auto vb = hosted->verdict(context, log);
      REQUIRE(va.ok() == vb.ok());
      if (va) {
        CHECK(va->action == vb->action);
        CHECK(va->why == vb->why);
      } else {
        CHECK(va.error() == vb.error());
      }
    }
  }
}

TEST_CASE("isolated plugin: a batch of calls gets one answer per call, in order") {
  PlanFixture fixture("achilles");
  fixture.log(0);
  const auto hosted = isolated(built_plugin("achilles"));
  const ExtensionContext context = fixture.on(0);
  const std::vector<HookCall> calls{{Hook::exercises, &context, nullptr},
                                    {Hook::questions, &context, nullptr},
                                    {Hook::verdict, &context, &fixture.logs[0]}};
  auto replies = hosted->call_batch(calls);
  REQUIRE(replies.size() == 3);
  REQUIRE(replies[0].ok());
  CHECK(replies[0]->exercises.size() == 2);
  REQUIRE(replies[1].ok());
  CHECK_FALSE(replies[1]->questions.empty());
  CHECK(replies[2].ok());
}

TEST_CASE("isolated plugin: the host outlives the thread that started it") {
  // `week --all` starts hosts from worker threads, which may end before the command does.
  PlanFixture fixture("achilles");
  fixture.log(0);
  std::shared_ptr<IsolatedPlugin> hosted;
  std::thread([&] { hosted = isolated(built_plugin("achilles")); }).join();
  REQUIRE(hosted);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // longer than a watchdog's poll
  const auto verdict = hosted->verdict(fixture.on(0), fixture.logs[0]);
  CHECK(verdict.ok());
  if (!verdict.ok()) FAIL(verdict.error());
}

TEST_CASE("isolated plugin: a crash in a hook is an error naming the plugin, the signal and hook") {
  PlanFixture fixture("iso-crash");
  fixture.log(7);
  const auto plugin = isolated(iso_path("crash"));
  CHECK(plugin->exercises(fixture.on(0)).ok());  // the other hooks work until then
  const std::string error = verdict_error(*plugin, fixture);
  CHECK(error == "plugin 'iso-crash' (" + iso_path("crash") +
                     "): stopped with signal 11 (segmentation fault) during `verdict`");
  SECTION("and every later call fails at once with the same message (no restart)") {
    auto later = plugin->exercises(fixture.on(0));
    REQUIRE_FALSE(later.ok());
    CHECK(later.error() == error);
  }
}

TEST_CASE("isolated plugin: abort, exit and stray output in a hook are errors too") {
  PlanFixture fixture("iso");
  fixture.log(7);
  CHECK(verdict_error(*isolated(iso_path("abort")), fixture) ==
        "plugin 'iso-abort' (" + iso_path("abort") +
            "): stopped with signal 6 (aborted) during `verdict`");
  CHECK(verdict_error(*isolated(iso_path("exit")), fixture) ==
        "plugin 'iso-exit' (" + iso_path("exit") + "): exited with status 0 during `verdict`");
  const auto printing = isolated(iso_path("print"));
  CHECK(verdict_error(*printing, fixture) ==
        "plugin 'iso-print' (" + iso_path("print") +
            "): wrote to standard output during `verdict`: '{\"not\": \"runback's "
            "output\"}\\n' (plugins must not print; use stderr)");
  // Printing does not kill the host: the next call is answered.
  CHECK(printing->exercises(fixture.on(0)).ok());
}

TEST_CASE("isolated plugin: in a batch, the call that misbehaves is the one named") {
  // The host sends a batch's replies together; those before a failing call still arrive first.
  PlanFixture fixture("iso");
  fixture.log(7);
  const ExtensionContext context = fixture.on(7);
  const std::vector<HookCall> calls{{Hook::exercises, &context, nullptr},
                                    {Hook::questions, &context, nullptr},
                                    {Hook::verdict, &context, &fixture.logs.back()},
                                    {Hook::exercises, &context, nullptr}};
  auto batch = [&](const std::string& how, const IsolationOptions& o = options()) {
    auto replies = isolated(iso_path(how), o)->call_batch(calls);
    REQUIRE(replies.size() == calls.size());
    CHECK(replies[0].ok());
    CHECK(replies[1].ok());
    REQUIRE_FALSE(replies[2].ok());
    return replies;
  };
  const std::string crash = "plugin 'iso-crash' (" + iso_path("crash") +
                            "): stopped with signal 11 (segmentation fault) during `verdict`";
  auto crashed = batch("crash");
  CHECK(crashed[2].error() == crash);
  CHECK(crashed[3].error() == crash);  // the host is gone
  CHECK(batch("abort")[2].error() == "plugin 'iso-abort' (" + iso_path("abort") +
                                         "): stopped with signal 6 (aborted) during `verdict`");
  CHECK(batch("exit")[2].error() ==
        "plugin 'iso-exit' (" + iso_path("exit") + "): exited with status 0 during `verdict`");
  auto hung = batch("hang", options(std::chrono::milliseconds(300)));
  CHECK(hung[2].error() == "plugin 'iso-hang' (" + iso_path("hang") +
                               "): did not answer within 300 ms (the limit: "
                               "RUNBACK_PLUGIN_TIMEOUT) and was stopped during `verdict`");
  auto printed = batch("print");
  CHECK_THAT(printed[2].error(), Catch::StartsWith("plugin 'iso-print' (" + iso_path("print") +
                                                   "): wrote to standard output during "
                                                   "`verdict`: "));
  CHECK(printed[3].ok());  // printing is the call's fault, not the host's end
}

TEST_CASE("isolated plugin: a hook that never returns is stopped at the time limit") {
  PlanFixture fixture("iso-hang");
  fixture.log(7);
  const auto plugin = isolated(iso_path("hang"), options(std::chrono::milliseconds(300)));
  CHECK(verdict_error(*plugin, fixture) ==
        "plugin 'iso-hang' (" + iso_path("hang") +
            "): did not answer within 300 ms (the limit: RUNBACK_PLUGIN_TIMEOUT) and was stopped "
            "during `verdict`");
}

TEST_CASE("isolated plugin: memory allocated without end meets the limit, not runback") {
  PlanFixture fixture("iso-memory");
  fixture.log(7);
  const std::string error = verdict_error(*isolated(iso_path("memory")), fixture);
  CHECK_THAT(error, Catch::StartsWith("plugin 'iso-memory' (" + iso_path("memory") + "): "));
  CHECK_THAT(error, Catch::Contains("verdict"));
}

TEST_CASE("isolated plugin: a crash while loading fails that plugin only") {
  const RealFileSystem fs;
  const PluginHost host(
      fs,
      {{broken_dir("iso-static-crash"), "--plugin-dir"}, {RUNBACK_BUILT_PLUGIN_DIR, "build tree"}},
      options());
  auto knee = host.find("knee");
  REQUIRE(knee.ok());
  REQUIRE(host.failures().size() == 1);
  CHECK(host.failures()[0].reason ==
        "plugin 'iso-static-crash' (" + iso_path("static-crash") +
            "): stopped with signal 11 (segmentation fault) while loading");
  CHECK(host.plugins().size() == 3);
  PlanFixture fixture("knee", {}, {{"baseline_cadence", "160"}});
  CHECK((*knee)->session_cues(fixture.on(0)).ok());
}

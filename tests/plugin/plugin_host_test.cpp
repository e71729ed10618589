#include <catch2/catch.hpp>
#include <fstream>

#include "plugin/plugin_host.hpp"
#include "plugin_fixture.hpp"
#include "support/fake_file_system.hpp"

using namespace runback;
using namespace runback::testing;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const RealFileSystem real_fs;

// A host over one broken case's directory and the built plugins.
PluginHost host_with(const std::string& broken_case) {
  return PluginHost(real_fs, {{broken_dir(broken_case), "--plugin-dir"},
                              {RUNBACK_BUILT_PLUGIN_DIR, "build tree"}});
}

std::vector<std::string> names(const PluginHost& host) {
  std::vector<std::string> out;
  for (const auto& plugin : host.plugins()) out.push_back(plugin->name());
  return out;
}

// The one failure of a host built by host_with, after checking the good plugins still load.
std::string only_failure(const PluginHost& host) {
  CHECK(names(host) == std::vector<std::string>{"achilles", "hip", "knee"});
  REQUIRE(host.failures().size() == 1);
  return host.failures()[0].reason;
}

}  // namespace

TEST_CASE("plugins are searched for in the documented order") {
  FakeFileSystem fs;
  fs.add_file("/build/CMakeCache.txt", "");
  MapEnvironment env({{"RUNBACK_PLUGIN_PATH", "/a::/b"}, {"XDG_DATA_HOME", "/data"}});
  const auto dirs = plugin_search_dirs(fs, env, {"/x", "/y"}, "/build/cli/runback");
  REQUIRE(dirs.size() >= 7);
  const std::vector<std::pair<std::string, std::string>> expected{
      {"/x", "--plugin-dir"},
      {"/y", "--plugin-dir"},
      {"/a", "RUNBACK_PLUGIN_PATH"},
      {"/b", "RUNBACK_PLUGIN_PATH"},
      {"/data/runback/plugins", "user data"},
      {"/build/plugins", "build tree"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(dirs[i].path == expected[i].first);
    CHECK(dirs[i].origin == expected[i].second);
  }
  CHECK(dirs[6].origin == "installed");
  CHECK(dirs.back().path == std::string(RUNBACK_INSTALL_LIBDIR) + "/runback/plugins");
}

TEST_CASE("without a build tree or XDG_DATA_HOME - HOME and the installed dirs are searched") {
  FakeFileSystem fs;
  MapEnvironment env(std::map<std::string, std::string>{{"HOME", "/home/r"}});
  const auto dirs = plugin_search_dirs(fs, env, {}, "/opt/runback/bin/runback");
  REQUIRE(dirs.size() >= 2);
  CHECK(dirs[0].path == "/home/r/.local/share/runback/plugins");
  for (const auto& dir : dirs) CHECK(dir.origin != "build tree");
  CHECK(dirs[1].origin == "installed");
}

TEST_CASE("the built plugins load with their names - versions and hooks") {
  PluginHost host(real_fs, {{RUNBACK_BUILT_PLUGIN_DIR, "build tree"}});
  REQUIRE(names(host) == std::vector<std::string>{"achilles", "hip", "knee"});
  CHECK(host.failures().empty());
  const auto knee = host.find_plugin("knee");
  REQUIRE(knee.ok());
  const PluginInfo& info = (*knee)->info();
  CHECK(info.version == "1.0.0");
  CHECK(to_string(info.abi) == "1.2");
  CHECK(info.path == built_plugin("knee"));
  CHECK(info.hooks ==
        std::vector<std::string>{"exercises", "session_cues", "verdict", "fixed_questions"});
  CHECK((*knee)->questions_fixed());
  CHECK(info.params.size() == 4);
}

TEST_CASE("a broken plugin is refused with its name and path - and the others still load") {
  SECTION("a text file named .so") {
    const auto host = host_with("not-a-library");
    CHECK(only_failure(host) == "plugin 'not-a-library' (" + broken_dir("not-a-library") +
                                    "/not-a-library.so): it cannot be loaded as a shared "
                                    "library: file too short");
  }
  SECTION("a link to a file that is not there") {
    const auto host = host_with("missing");
    CHECK(only_failure(host) == "plugin 'gone' (" + broken_dir("missing") +
                                    "/gone.so): the file is missing (a link to nothing)");
  }
  SECTION("a library without the entry symbol") {
    const auto host = host_with("no-entry");
    CHECK(only_failure(host) ==
          "plugin 'no-entry' (" + broken_dir("no-entry") +
              "/no-entry.so): it is a shared library but not a runback plugin: it has no "
              "'runback_plugin_entry' function (plugins declare one with RUNBACK_DECLARE_PLUGIN)");
  }
  SECTION("another ABI major version") {
    const auto host = host_with("abi-major");
    CHECK(only_failure(host) ==
          "plugin 'abi-major' (" + broken_dir("abi-major") +
              "/abi-major.so): it was built for plugin ABI 2.0, but this runback speaks plugin "
              "ABI 1.2; rebuild the plugin against the runback 1.x SDK");
  }
  SECTION("a newer ABI minor version") {
    const auto host = host_with("abi-minor");
    CHECK(only_failure(host) ==
          "plugin 'abi-minor' (" + broken_dir("abi-minor") +
              "/abi-minor.so): it was built for plugin ABI 1.99, newer than this runback's "
              "plugin ABI 1.2; update runback, or rebuild the plugin against the SDK of this "
              "runback");
  }
  SECTION("an empty name") {
    const auto host = host_with("nameless");
    CHECK(only_failure(host) ==
          "plugin 'nameless' (" + broken_dir("nameless") +
              "/nameless.so): it declares no valid name (expected [a-z0-9-]+, at most 64 "
              "characters)");
  }
  SECTION("a descriptor too small for its ABI") {
    const auto host = host_with("tiny");
    CHECK_THAT(only_failure(host),
               StartsWith("plugin 'tiny' (" + broken_dir("tiny") +
                          "/tiny.so): its descriptor is 24 bytes, smaller than ABI 1.2 "
                          "requires"));
  }
  SECTION("questions both fixed and per checkpoint") {
    const auto host = host_with("two-questions");
    CHECK(only_failure(host) ==
          "plugin 'two-questions' (" + broken_dir("two-questions") +
              "/two-questions.so): it provides both `questions` and `fixed_questions`; a "
              "plugin's questions are either the same at every checkpoint (fixed_questions) or "
              "made for each one (questions)");
  }
  SECTION("an unresolved symbol, refused at load rather than at first call") {
    const auto host = host_with("unresolved");
    CHECK(only_failure(host) == "plugin 'unresolved' (" + broken_dir("unresolved") +
                                    "/unresolved.so): it cannot be loaded as a shared library: "
                                    "undefined symbol: runback_test_function_nobody_defines");
  }
  SECTION("a parameter table that contradicts itself") {
    const auto host = host_with("bad-schema");
    CHECK(only_failure(host) ==
          "plugin 'bad-schema' (" + broken_dir("bad-schema") +
              "/bad-schema.so): parameter 'sets' has a default that does not fit it: 50 is out "
              "of range (expected 1..20 sets)");
  }
  SECTION("two plugins with the same name: the first wins") {
    PluginHost host(real_fs, {{broken_dir("twins"), "--plugin-dir"}});
    REQUIRE(names(host) == std::vector<std::string>{"twin"});
    CHECK(host.plugins()[0]->version() == "1.0.0");
    REQUIRE(host.failures().size() == 1);
    CHECK(host.failures()[0].reason ==
          "plugin 'twin' (" + broken_dir("twins") +
              "/twin-b.so): another plugin named 'twin' was found first, at " +
              broken_dir("twins") + "/twin-a.so; this one is not used");
  }
}

TEST_CASE("plugin limits from the environment are taken as given or refused, never defaulted") {
  auto options = [](std::map<std::string, std::string> vars) {
    return plugin_isolation(MapEnvironment(std::move(vars)), "");
  };
  SECTION("values in range") {
    const auto given = options({{"RUNBACK_PLUGIN_TIMEOUT", "2.5"},
                                {"RUNBACK_PLUGIN_MEMORY_MB", "0"},
                                {"RUNBACK_PLUGINS_IN_PROCESS", "0"}});
    REQUIRE(given);
    CHECK(given->misconfigured.empty());
    CHECK(given->timeout == std::chrono::milliseconds(2500));
    CHECK(given->memory_mb == 0);
    CHECK_FALSE(options({{"RUNBACK_PLUGINS_IN_PROCESS", "1"}}).has_value());
    CHECK(options({{"RUNBACK_PLUGIN_TIMEOUT", "0.001"}})->misconfigured.empty());
    CHECK(options({{"RUNBACK_PLUGIN_MEMORY_MB", "1048576"}})->misconfigured.empty());
  }
  SECTION("values out of range or not numbers") {
    const std::string timeout =
        "' is not a number of seconds from 0.001 to 86400 (a plugin's time per call), e.g. "
        "RUNBACK_PLUGIN_TIMEOUT=30";
    for (const char* text : {"1h", "0", "-5", "86401", "5s", " 5"}) {
      CHECK(options({{"RUNBACK_PLUGIN_TIMEOUT", text}})->misconfigured ==
            "RUNBACK_PLUGIN_TIMEOUT: '" + std::string(text) + timeout);
    }
    const std::string memory =
        "' is not a whole number of megabytes from 0 (no limit) to 1048576 (a plugin host's "
        "memory), e.g. RUNBACK_PLUGIN_MEMORY_MB=2048";
    for (const char* text : {"lots", "-1", "1048577", "2G", "1.5"}) {
      CHECK(options({{"RUNBACK_PLUGIN_MEMORY_MB", text}})->misconfigured ==
            "RUNBACK_PLUGIN_MEMORY_MB: '" + std::string(text) + memory);
    }
    CHECK(options({{"RUNBACK_PLUGINS_IN_PROCESS", "true"}})->misconfigured ==
          "RUNBACK_PLUGINS_IN_PROCESS: 'true' is neither 1 (plugins inside runback) nor 0 (each "
          "in a plugin host process, the default)");
  }
  SECTION("with a value refused, no plugin is loaded and asking for one says why") {
    auto refused = options({{"RUNBACK_PLUGIN_TIMEOUT", "1h"}});
    const std::string why = refused->misconfigured;
    const PluginHost host(real_fs, {{RUNBACK_BUILT_PLUGIN_DIR, "build tree"}}, *refused);
    CHECK(host.misconfigured() == why);
    const auto knee = host.find("knee");
    REQUIRE_FALSE(knee.ok());
    CHECK(knee.error() == why);
    CHECK(knee.error_kind() == ErrorKind::bad_input);
    CHECK(host.plugins().empty());
    REQUIRE(host.failures().size() == 1);
    CHECK(host.failures()[0].reason == why);
  }
}

TEST_CASE("a plugin directory the user named but that does not exist is reported") {
  PluginHost host(
      real_fs, {{"/nonexistent/plugins", "--plugin-dir"}, {"/nonexistent/default", "user data"}});
  CHECK(host.plugins().empty());
  REQUIRE(host.failures().size() == 1);
  CHECK(host.failures()[0].reason ==
        "/nonexistent/plugins: the plugin directory (from --plugin-dir) does not exist");
}

TEST_CASE("only absolute paths are loaded") {
  auto loaded = LoadedPlugin::load("plugins/knee.so");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error() == "plugin 'knee' (plugins/knee.so): the path must be absolute");
}

TEST_CASE("finding a plugin by name says why it is not there") {
  const auto host = host_with("abi-major");
  auto typo = host.find("kne");
  REQUIRE_FALSE(typo.ok());
  CHECK_THAT(typo.error(), StartsWith("no plugin named 'kne' (did you mean 'knee'?) (looked in " +
                                      broken_dir("abi-major") + ", "));
  auto broken = host.find("abi-major");
  REQUIRE_FALSE(broken.ok());
  CHECK_THAT(broken.error(), StartsWith("plugin 'abi-major' (") && Contains("ABI 2.0"));
  CHECK(host.find("achilles").ok());
}

TEST_CASE("a plugin's library stays loaded while an object it created is alive") {
  std::shared_ptr<const PlanExtension> knee;
  {
    PluginHost host(real_fs, {{RUNBACK_BUILT_PLUGIN_DIR, "build tree"}});
    auto found = host.find("knee");
    REQUIRE(found.ok());
    knee = *found;
  }  // the host and its handles are gone
  PlanFixture fixture("knee", {}, {{"baseline_cadence", "160"}});
  const auto cues = knee->session_cues(fixture.on(0));
  REQUIRE(cues.ok());
  REQUIRE(cues->size() == 1);
  CHECK(knee->name() == "knee");
}

namespace {

bool is_mapped(const std::string& path) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    if (line.find(path) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a plugin's library is unloaded once nothing that came from it is alive") {
  // twin-a.so has no STB_GNU_UNIQUE symbols, which would pin it in memory for good.
  const std::string path = broken_dir("twins") + "/twin-a.so";
  auto mapped = [&] { return is_mapped(path); };
  std::shared_ptr<const PlanExtension> twin;
  {
    PluginHost host(real_fs, {{broken_dir("twins"), "--plugin-dir"}});
    twin = *host.find("twin");
  }
  CHECK(mapped());
  CHECK(twin->version() == "1.0.0");
  twin.reset();
  CHECK_FALSE(mapped());
}

TEST_CASE("a hook that throws is contained and reported") {
  const PluginHost host(real_fs, {{broken_dir("throwing"), "--plugin-dir"},
                                  {broken_dir("raw-throw"), "--plugin-dir"},
                                  {broken_dir("raw-throw-own-runtime"), "--plugin-dir"},
                                  {RUNBACK_BUILT_PLUGIN_DIR, "build tree"}});
  const auto throwing = host.find("throwing");
  REQUIRE(throwing.ok());
  const std::string label = "plugin 'throwing' (" + broken_dir("throwing") + "/throwing.so): ";
  PlanFixture fixture("throwing");
  const auto context = fixture.on(3);
  CHECK((*throwing)->exercises(context).error() ==
        label + "the exercises hook failed: exercises are made of glass");
  CHECK((*throwing)->session_cues(context).error() ==
        label + "the session_cues hook failed: an exception that is not a std::exception");
  CHECK((*throwing)->questions(context).error() ==
        label + "the questions hook failed: questions are made of glass");
  CHECK((*throwing)->verdict(context, fixture.log(3)).error() ==
        label + "the verdict hook failed: verdict is made of glass");
  const auto diagnostics = (*throwing)->validate(*fixture.protocol.plugin);
  REQUIRE(diagnostics.size() == 1);
  CHECK(format_diagnostic(diagnostics[0]) ==
        "test.yaml:30:3: error: plugin: " + label +
            "the validate hook failed: validate is made of glass");

  // An exception thrown straight through the C boundary, without the SDK's C++ layer.
  const auto raw = host.find("raw-throw");
  REQUIRE(raw.ok());
  CHECK((*raw)->exercises(context).error() ==
        "plugin 'raw-throw' (" + broken_dir("raw-throw") +
            "/raw-throw.so): the exercises hook threw an exception: escaped through the C "
            "boundary");

  // The same from a plugin that carries its own C++ runtime, as runback_add_plugin builds them.
  const auto own_runtime = host.find("raw-throw-own-runtime");
  REQUIRE(own_runtime.ok());
  CHECK((*own_runtime)->exercises(context).error() ==
        "plugin 'raw-throw-own-runtime' (" + broken_dir("raw-throw-own-runtime") +
            "/raw-throw-own-runtime.so): the exercises hook threw an exception: escaped through "
            "the C boundary");

  // The process goes on, and so do the other plugins.
  PlanFixture achilles_fixture("achilles");
  CHECK((*host.find("achilles"))->exercises(achilles_fixture.on(0)).ok());
}

TEST_CASE("nonsense returned from a hook is refused - naming the plugin and its path") {
  const PluginHost host(real_fs, {{broken_dir("nonsense"), "--plugin-dir"}});
  const auto nonsense = host.find("nonsense");
  REQUIRE(nonsense.ok());
  const std::string label = "plugin 'nonsense' (" + broken_dir("nonsense") + "/nonsense.so): ";
  auto with_mode = [](const std::string& mode) {
    return PlanFixture("nonsense", {{"mode", mode}});
  };

  auto reps = with_mode("negative-reps");
  CHECK((*nonsense)->exercises(reps.on(0)).error() ==
        label +
            "the exercises hook returned nonsense: exercise 1 ('Heel drop') has -3 reps (expected "
            "1..200)");
  auto empty = with_mode("empty-name");
  CHECK((*nonsense)->exercises(empty.on(0)).error() ==
        label + "the exercises hook returned nonsense: exercise 1 has an empty name");
  auto nan = with_mode("nan-cadence");
  CHECK((*nonsense)->session_cues(nan.on(0)).error() ==
        label +
            "the session_cues hook returned nonsense: cue 1 has a cadence of NaN steps/min "
            "(expected 100..240)");
  auto question = with_mode("bad-question");
  CHECK((*nonsense)->questions(question.on(0)).error() ==
        label +
            "the questions hook returned nonsense: question 1 has no valid key (expected "
            "[a-z0-9_-]+)");
  auto verdict = with_mode("bad-verdict");
  CHECK((*nonsense)->verdict(verdict.on(0), verdict.log(0)).error() ==
        label +
            "the verdict hook returned nonsense: the verdict kind 7 does not exist (expected "
            "proceed, repeat, step_back, stop or wait)");
  auto silent = with_mode("silent-repeat");
  CHECK((*nonsense)->verdict(silent.on(0), silent.log(0)).error() ==
        label +
            "the verdict hook returned nonsense: a verdict that holds the runner back without "
            "saying why");
  // An unknown mode never reaches the plugin: the host checks the value first.
  auto unknown = with_mode("chaos");
  CHECK((*nonsense)->exercises(unknown.on(0)).error() ==
        label +
            "parameter 'mode': 'chaos' is not one of negative-reps | "
            "empty-name | nan-cadence | bad-verdict | silent-repeat | bad-question");
}

TEST_CASE("in a directory, the file named after a plugin is tried first and is the plugin") {
  const std::string dir = broken_dir("named-twin");
  const std::string other = dir + "/twin-a.so";
  const std::string mid = dir + "/twin-m.so";
  const std::string named = dir + "/twin.so";
  SECTION("finding it loads no other library of its directory") {
    const PluginHost host(real_fs, {{dir, "--plugin-dir"}});
    const auto twin = host.find("twin");
    REQUIRE(twin.ok());
    CHECK((*twin)->version() == "3.0.0");
    CHECK_FALSE(is_mapped(other));
    CHECK_FALSE(is_mapped(mid));
  }
  SECTION("listing agrees, though twin-a.so comes first in the directory") {
    const PluginHost host(real_fs, {{dir, "--plugin-dir"}});
    REQUIRE(names(host) == std::vector<std::string>{"twin", "mid"});
    CHECK(host.plugins()[0]->version() == "3.0.0");
    REQUIRE(host.failures().size() == 1);
    CHECK(host.failures()[0].reason ==
          "plugin 'twin' (" + other +
              "): another plugin named 'twin' is in the same directory as " + named +
              ", the file named after it; this one is not used");
    CHECK(host.find("twin").value()->version() == "3.0.0");
  }
  SECTION("found first under another file's name, it is still the named file's") {
    const PluginHost host(real_fs, {{dir, "--plugin-dir"}});
    // `mid` has no mid.so: the directory is loaded in order, twin-a.so (a twin) before it.
    REQUIRE(host.find("mid").ok());
    CHECK(is_mapped(other));
    CHECK_FALSE(is_mapped(named));
    const auto twin = host.find_plugin("twin");
    REQUIRE(twin.ok());
    CHECK((*twin)->version() == "3.0.0");
    CHECK((*twin)->info().path == named);
  }
}

TEST_CASE("finding a plugin loads no candidate after it - listing loads them all") {
  const std::string later = broken_dir("twins") + "/twin-b.so";
  const PluginHost host(real_fs, {{broken_dir("twins"), "--plugin-dir"}});
  const auto twin = host.find("twin");
  REQUIRE(twin.ok());
  CHECK((*twin)->version() == "1.0.0");  // twin-a.so, the first with the name
  CHECK_FALSE(is_mapped(later));
  // The same host still reports the later twin once asked for everything.
  REQUIRE(host.failures().size() == 1);
  CHECK(host.failures()[0].path == later);
  CHECK(host.find("twin").ok());
  CHECK(host.find("nobody").error().find("no plugin named 'nobody'") == 0);
}

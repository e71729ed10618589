#include <catch2/catch.hpp>
#include <filesystem>

#include "protocol/catalog.hpp"
#include "support/fake_file_system.hpp"

using namespace runback;

namespace {

std::string protocol_yaml(const std::string& id, const std::string& title) {
  return "id: " + id + "\ntitle: " + title + "\nversion: '1.0'\ncondition: c\n" +
         "pain: {next_morning: {max_rise: 0}}\n" +
         "stages: [{id: s1, intensity: {rpe: 3}, session: {blocks: [{run: 1 min}]}}]\n";
}

const std::string kInstalled = std::string(RUNBACK_INSTALL_DATADIR) + "/runback/protocols";

}  // namespace

// The installed protocols next to a binary at `executable_path`, as the installed layout has them.
std::string next_to(const std::string& executable_path) {
  return (std::filesystem::path(executable_path).parent_path() / RUNBACK_PROTOCOL_DIR_FROM_BINDIR)
      .lexically_normal()
      .string();
}

TEST_CASE("protocol search dirs: flags, user config, installed, then source tree",
          "[protocol][catalog]") {
  testing::FakeFileSystem fs;
  MapEnvironment env({{"XDG_CONFIG_HOME", "/cfg"}, {"HOME", "/home/r"}});
  auto dirs = protocol_search_dirs(fs, env, {"/mine", "/other"}, "/opt/rb/bin/runback");
  REQUIRE(dirs.size() == 5);
  CHECK(dirs[0].path == "/mine");
  CHECK(dirs[0].origin == "--protocol-dir");
  CHECK(dirs[1].path == "/other");
  CHECK(dirs[2].path == "/cfg/runback/protocols");
  CHECK(dirs[2].origin == "user config");
  // Relative to the binary before the configured prefix, as for plugins.
  CHECK(dirs[3].path == next_to("/opt/rb/bin/runback"));
  CHECK(dirs[3].path.rfind("/opt/rb/", 0) == 0);
  CHECK(dirs[3].origin == "installed");
  CHECK(dirs[4].path == kInstalled);
  CHECK(dirs[4].origin == "installed");

  // Without XDG_CONFIG_HOME, $HOME/.config; from a build tree, the source protocols too.
  MapEnvironment home_only(std::map<std::string, std::string>{{"HOME", "/home/r"}});
  fs.add_file("/src/build/CMakeCache.txt", "");
  dirs = protocol_search_dirs(fs, home_only, {}, "/src/build/cli/runback");
  REQUIRE(dirs.size() == 4);
  CHECK(dirs[0].path == "/home/r/.config/runback/protocols");
  CHECK(dirs[3].path == RUNBACK_SOURCE_PROTOCOL_DIR);
  CHECK(dirs[3].origin == "source tree");

  // Three levels up at most.
  CHECK(protocol_search_dirs(fs, home_only, {}, "/src/build/a/b/c/runback").size() == 4);
  CHECK(protocol_search_dirs(fs, home_only, {}, "/src/build/a/b/c/d/runback").size() == 3);
  CHECK(protocol_search_dirs(fs, MapEnvironment(std::map<std::string, std::string>{}), {}, "")
            .size() == 1);
}

TEST_CASE("an installation staged or moved elsewhere finds the protocols next to its binary",
          "[protocol][catalog]") {
  testing::FakeFileSystem fs;
  const std::string runback = "/stage/usr/local/bin/runback";
  fs.add_file(next_to(runback) + "/knee.yaml", protocol_yaml("knee-pfp", "Knee"));
  const MapEnvironment env(std::map<std::string, std::string>{{"HOME", "/home/r"}});
  const auto dirs = protocol_search_dirs(fs, env, {}, runback);
  auto found = find_protocol(fs, dirs, "knee-pfp");
  REQUIRE(found.protocol);
  CHECK(found.protocol->source_path == next_to(runback) + "/knee.yaml");
  const auto listed = list_protocols(fs, dirs);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].origin == "installed");
}

TEST_CASE("list_protocols: first id wins, later ones are shadowed, broken files are listed",
          "[protocol][catalog]") {
  testing::FakeFileSystem fs;
  fs.add_file("/a/knee.yaml", protocol_yaml("knee", "Knee A"));
  fs.add_file("/a/broken.yaml", "id: [");
  fs.add_file("/a/notes.txt", "not a protocol");
  fs.add_file("/b/knee-copy.yaml", protocol_yaml("knee", "Knee B"));
  fs.add_file("/b/hip.yaml", protocol_yaml("hip", "Hip"));
  const auto entries = list_protocols(
      fs, {{"/a", "--protocol-dir"}, {"/missing", "user config"}, {"/b", "installed"}});
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].id == "broken");
  CHECK_FALSE(entries[0].valid);
  CHECK(entries[0].path == "/a/broken.yaml");
  CHECK(entries[1].id == "knee");
  CHECK(entries[1].title == "Knee A");
  CHECK(entries[1].version == "1.0");
  CHECK(entries[1].origin == "--protocol-dir");
  CHECK(entries[1].shadows == std::vector<std::string>{"/b/knee-copy.yaml"});
  CHECK(entries[2].id == "hip");
  CHECK(entries[2].origin == "installed");
}

TEST_CASE("find_protocol by id, by file, and with a suggestion when unknown",
          "[protocol][catalog]") {
  testing::FakeFileSystem fs;
  fs.add_file("/a/knee.yaml", protocol_yaml("knee-pfp", "Knee"));
  fs.add_file("/a/hip.yaml", "id: hip\n");
  const std::vector<ProtocolDir> dirs{{"/a", "--protocol-dir"}, {"/b", "installed"}};

  auto by_id = find_protocol(fs, dirs, "knee-pfp");
  REQUIRE(by_id.protocol);
  CHECK(by_id.protocol->source_path == "/a/knee.yaml");

  auto by_file = find_protocol(fs, dirs, "/a/knee.yaml");
  REQUIRE(by_file.protocol);
  CHECK(by_file.protocol->id == "knee-pfp");

  // A file named after the id that has errors: its errors are the answer.
  auto broken = find_protocol(fs, dirs, "hip");
  CHECK_FALSE(broken.protocol);
  REQUIRE_FALSE(broken.diagnostics.empty());
  CHECK(broken.diagnostics[0].where.file == "/a/hip.yaml");
  CHECK(broken.error_kind == ErrorKind::bad_input);

  auto unknown = find_protocol(fs, dirs, "knee-pf");
  CHECK_FALSE(unknown.protocol);
  REQUIRE(unknown.diagnostics.size() == 1);
  CHECK(unknown.diagnostics[0].message ==
        "no protocol has the id 'knee-pf' (did you mean 'knee-pfp'?); looked in /a "
        "(--protocol-dir), /b (installed); 'runback protocol list' shows them all");
  CHECK(unknown.error_kind == ErrorKind::not_found);

  // A word no id is close to, but protocols are about (their title, condition or plugin): they
  // are named, where a spelling suggestion had nothing to offer.
  fs.add_file("/a/ankle.yaml", protocol_yaml("ank-03", "Sprained ankle, run-walk"));
  auto about = find_protocol(fs, dirs, "Ankle");
  REQUIRE(about.diagnostics.size() == 1);
  CHECK_THAT(about.diagnostics[0].message,
             Catch::StartsWith("no protocol has the id 'Ankle' (protocols about 'Ankle': ank-03); "
                               "looked in /a"));
  // Only at the start of a word: "nee" is not about "Knee".
  auto inside = find_protocol(fs, dirs, "nee");
  REQUIRE(inside.diagnostics.size() == 1);
  CHECK_THAT(inside.diagnostics[0].message,
             Catch::StartsWith("no protocol has the id 'nee'; looked in"));

  // The same when a valid protocol with the id comes later on the path: the broken file first on
  // the path is the one meant, and is not passed over.
  fs.add_file("/b/hip.yaml", protocol_yaml("hip", "Hip, older"));
  auto shadowing = find_protocol(fs, dirs, "hip");
  CHECK_FALSE(shadowing.protocol);
  REQUIRE_FALSE(shadowing.diagnostics.empty());
  CHECK(shadowing.diagnostics[0].where.file == "/a/hip.yaml");
  // A valid protocol earlier on the path still wins over a broken file named after it later.
  fs.add_file("/b/knee-pfp.yaml", "id: [");
  CHECK(find_protocol(fs, dirs, "knee-pfp").protocol);

  auto missing_file = find_protocol(fs, dirs, "nothere.yaml");
  REQUIRE(missing_file.diagnostics.size() == 1);
  CHECK(format_diagnostic(missing_file.diagnostics[0]) == "nothere.yaml: error: no such file");
  CHECK(missing_file.error_kind == ErrorKind::not_found);
}

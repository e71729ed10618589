// A programme keeps the plugin it started with (extension/programme_plugin.hpp), checked with a
// fake catalog that serves an impostor: the same name, another version or other bytes.

#include "extension/programme_plugin.hpp"

#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "store/store_fixture.hpp"

using namespace runback;
using runback::testing::TempDir;

namespace {

const PluginIdentity kStarted{"knee", "1.0.0", "00000000000000aa", "/path/a/knee.so"};
const PluginIdentity kImpostor{"knee", "6.6.6", "00000000000000bb", "/path/b/knee.so"};
const PluginIdentity kRebuilt{"knee", "1.0.0", "00000000000000cc", "/path/a/knee.so"};

// Serves one extension under its name, identified as `identity` says.
class FakeCatalog final : public ExtensionCatalog {
 public:
  explicit FakeCatalog(PluginIdentity identity) : identity_(std::move(identity)) {
    extension_->plugin_name = identity_.name;
  }
  Result<std::shared_ptr<const PlanExtension>> find(const std::string& name) const override {
    ++finds;
    if (name != identity_.name)
      return Error{"no plugin named '" + name + "'", ErrorKind::not_found};
    return std::shared_ptr<const PlanExtension>(extension_);
  }
  Result<PluginIdentity> identify(const std::string& name) const override {
    ++identifies;
    if (name != identity_.name)
      return Error{"no plugin named '" + name + "'", ErrorKind::not_found};
    return identity_;
  }
  mutable int finds = 0;
  mutable int identifies = 0;

 private:
  PluginIdentity identity_;
  std::shared_ptr<test::FakeExtension> extension_ = std::make_shared<test::FakeExtension>();
};

Programme recorded_with(const PluginIdentity& plugin) {
  Programme p = runback::testing::sample_programme("knee-pfp");
  p.plugin_name = plugin.name;
  p.plugin_version = plugin.version;
  p.plugin_digest = plugin.digest;
  p.plugin_path = plugin.path;
  return p;
}

const std::string kUpgrade = "runback program upgrade --runner ana";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("another version, or other bytes under the same version, is a different plugin",
          "[extension][plugin-identity]") {
  CHECK(plugin_change(kStarted, kStarted) == PluginChange::none);
  CHECK(plugin_change(kStarted, kImpostor) == PluginChange::version);
  CHECK(plugin_change(kStarted, kRebuilt) == PluginChange::library);
  // The same library installed elsewhere is the same plugin: the path is for messages.
  PluginIdentity moved = kStarted;
  moved.path = "/usr/lib/runback/plugins/knee.so";
  CHECK(plugin_change(kStarted, moved) == PluginChange::none);
  // Programmes from before the digest was recorded: the version is checked, the bytes are not.
  const PluginIdentity legacy{"knee", "1.0.0", "", ""};
  CHECK(plugin_change(legacy, kRebuilt) == PluginChange::none);
  CHECK(plugin_change(legacy, kImpostor) == PluginChange::version);
  // Nothing recorded at all (upgraded before versions were recorded): nothing to compare.
  CHECK(plugin_change({"knee", "", "", ""}, kImpostor) == PluginChange::none);

  CHECK(plugin_to_record(legacy, kStarted));  // `program upgrade` records the library
  CHECK_FALSE(plugin_to_record(kStarted, moved));
  CHECK(plugin_to_record(kStarted, kRebuilt));
}

TEST_CASE("an impostor is refused for the runner, with both plugins and the way out named",
          "[extension][plugin-identity]") {
  FakeCatalog catalog(kImpostor);
  ProgrammePlugins plugins(catalog);
  auto found = plugins.for_programme("ana", recorded_with(kStarted), "knee", kUpgrade);
  REQUIRE_FALSE(found.ok());
  CHECK(found.error_kind() == ErrorKind::conflict);
  const std::string& message = found.error();
  CHECK(has(message,
            "ana's programme started with the plugin 'knee' 1.0.0 (/path/a/knee.so, "
            "digest 00000000000000aa)"));
  CHECK(has(message,
            "the plugin now found as 'knee' is 6.6.6 (/path/b/knee.so, digest "
            "00000000000000bb)"));
  CHECK(has(message, "`runback program upgrade --runner ana`"));
  CHECK(has(message, "RUNBACK_PLUGIN_PATH"));
}

TEST_CASE("a rebuilt library under the same version is refused as changed",
          "[extension][plugin-identity]") {
  FakeCatalog catalog(kRebuilt);
  ProgrammePlugins plugins(catalog);
  auto found = plugins.for_programme("ana", recorded_with(kStarted), "knee", kUpgrade);
  REQUIRE_FALSE(found.ok());
  CHECK(found.error_kind() == ErrorKind::conflict);
  CHECK(has(found.error(), "digest 00000000000000aa"));
  CHECK(has(found.error(),
            "'knee' 1.0.0 (/path/a/knee.so, digest 00000000000000cc) has the same "
            "version but other bytes"));
}

TEST_CASE(
    "in a caseload only the runner whose plugin changed is refused; each plugin is "
    "identified once",
    "[extension][plugin-identity]") {
  FakeCatalog catalog(kImpostor);
  ProgrammePlugins plugins(catalog);
  // ben started on the plugin found now; cy before runback recorded libraries, on 6.6.6.
  auto ben = plugins.for_programme("ben", recorded_with(kImpostor), "knee", kUpgrade);
  auto ana = plugins.for_programme("ana", recorded_with(kStarted), "knee", kUpgrade);
  auto cy = plugins.for_programme("cy", recorded_with({"knee", "6.6.6", "", ""}), "knee", kUpgrade);
  CHECK(ben.ok());
  CHECK_FALSE(ana.ok());
  CHECK(cy.ok());
  CHECK(catalog.finds == 1);
  CHECK(catalog.identifies == 1);
  // A plugin not found is the catalog's error, not a refusal: nothing was compared.
  auto missing = plugins.for_programme("dee", recorded_with(kStarted), "hip", kUpgrade);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error_kind() == ErrorKind::not_found);
}

TEST_CASE("a catalog without files identifies a plugin by its name and version",
          "[extension][plugin-identity]") {
  // The default ExtensionCatalog::identify, as fakes and the demo have it.
  class Plain final : public ExtensionCatalog {
   public:
    Result<std::shared_ptr<const PlanExtension>> find(const std::string&) const override {
      return std::shared_ptr<const PlanExtension>(std::make_shared<test::FakeExtension>());
    }
  } plain;
  auto identity = plain.identify("fake");
  REQUIRE(identity.ok());
  CHECK(*identity == PluginIdentity{"fake", "1.0.0", "", ""});
}

TEST_CASE("program upgrade's record moves the runner to the plugin found now",
          "[extension][plugin-identity][store]") {
  TempDir dir;
  Store store = runback::testing::open_test_store(dir.file("r.db"));
  REQUIRE(store.start_programme("ana", recorded_with(kStarted), false).ok());
  REQUIRE(store.start_programme("ben", recorded_with(kImpostor), false).ok());
  FakeCatalog catalog(kImpostor);
  {
    ProgrammePlugins plugins(catalog);
    auto ana = store.records_for("ana");
    REQUIRE(ana.ok());
    CHECK(recorded_plugin(ana->programme) == kStarted);
    CHECK_FALSE(plugins.for_programme("ana", ana->programme, "knee", kUpgrade).ok());
  }
  const auto ana = store.records_for("ana");
  REQUIRE(store
              .upgrade_programme(ana->runner.id, ana->programme.protocol_version,
                                 ana->programme.protocol_snapshot, kImpostor,
                                 ana->programme.starting_stage)
              .ok());
  auto moved = store.records_for("ana");
  REQUIRE(moved.ok());
  CHECK(recorded_plugin(moved->programme) == kImpostor);
  ProgrammePlugins plugins(catalog);
  CHECK(plugins.for_programme("ana", moved->programme, "knee", kUpgrade).ok());
  // The move is in the audit trail, old and new.
  auto audit = store.audit(ana->runner.id);
  REQUIRE(audit.ok());
  std::map<std::string, std::pair<std::string, std::string>> changed;
  for (const auto& entry : *audit) {
    changed[entry.field] = {entry.old_value.value_or(""), entry.new_value.value_or("")};
  }
  CHECK(changed.at("plugin_version") == std::pair<std::string, std::string>{"1.0.0", "6.6.6"});
  CHECK(changed.at("plugin_digest") ==
        std::pair<std::string, std::string>{"00000000000000aa", "00000000000000bb"});
  CHECK(changed.at("plugin_path") ==
        std::pair<std::string, std::string>{"/path/a/knee.so", "/path/b/knee.so"});
  CHECK(changed.count("protocol_snapshot") == 0);
  // ben was never touched.
  CHECK(recorded_plugin(store.records_for("ben")->programme) == kImpostor);
}

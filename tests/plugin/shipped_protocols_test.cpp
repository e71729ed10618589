// Every shipped protocol that names a plugin names one of ours, with parameters it accepts.
#include <catch2/catch.hpp>
#include <filesystem>

#include "plugin/plugin_host.hpp"
#include "protocol/loader.hpp"

using namespace runback;

TEST_CASE("the shipped protocols' plugin parameters are valid for their plugins") {
  const RealFileSystem fs;
  const PluginHost host(fs, {{RUNBACK_BUILT_PLUGIN_DIR, "build tree"}});
  const std::string dir = std::string(RUNBACK_SOURCE_DIR) + "/protocols";
  for (const auto& name : fs.list_directory(dir)) {
    if (std::filesystem::path(name).extension() != ".yaml") continue;
    const auto loaded = load_protocol_file(fs, dir + "/" + name);
    INFO(name);
    CHECK(loaded.protocol);  // the loader's own tests say why not
    if (!loaded.protocol || !loaded.protocol->plugin) continue;
    const auto plugin = host.find(loaded.protocol->plugin->name);
    REQUIRE(plugin.ok());
    for (const auto& d : (*plugin)->validate(*loaded.protocol->plugin)) {
      FAIL_CHECK(format_diagnostic(d));
    }
  }
}

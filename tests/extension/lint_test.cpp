#include <catch2/catch.hpp>

#include "extension/lint.hpp"

using namespace runback;

namespace {

class ParamChecker final : public PlanExtension {
 public:
  std::string name() const override { return "achilles"; }
  std::string version() const override { return "1.0"; }
  std::vector<Diagnostic> validate(const PluginRef& ref) const override {
    std::vector<Diagnostic> out;
    for (const auto& [key, param] : ref.params) {
      if (key != "start_load_kg") {
        out.push_back({Severity::error, param.where, "plugin.params." + key, "unknown parameter"});
      }
    }
    return out;
  }
  Result<std::vector<Exercise>> exercises(const ExtensionContext&) const override {
    return std::vector<Exercise>{};
  }
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext&) const override {
    return std::vector<SessionCue>{};
  }
  Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext&) const override {
    return std::vector<CheckpointQuestion>{};
  }
  Result<Verdict> verdict(const ExtensionContext&, const DayLog&) const override {
    return Verdict{};
  }
};

class OneExtension final : public ExtensionCatalog {
 public:
  Result<std::shared_ptr<const PlanExtension>> find(const std::string& name) const override {
    if (name == "achilles") return std::shared_ptr<const PlanExtension>(new ParamChecker);
    if (name == "crashing") {
      return Error{"plugin 'crashing' (/p/crashing.so): crashed while loading", ErrorKind::plugin};
    }
    if (name == "limited") {
      return Error{"RUNBACK_PLUGIN_TIMEOUT: '1h' is not a number of seconds", ErrorKind::bad_input};
    }
    return Error{"no plugin named '" + name + "'", ErrorKind::not_found};
  }
};

Protocol with_plugin(const std::string& name) {
  Protocol protocol;
  protocol.plugin = PluginRef{name, {{"style", {"fast", {"p.yaml", 9, 12}}}}, {"p.yaml", 8, 9}};
  return protocol;
}

}  // namespace

TEST_CASE("lint warns when a protocol's plugin cannot be checked", "[protocol][lint]") {
  CHECK(lint_protocol(Protocol{}, nullptr).empty());
  const auto unchecked = lint_protocol(with_plugin("achilles"), nullptr);
  REQUIRE(unchecked.size() == 1);
  CHECK(format_diagnostic(unchecked[0]) ==
        "p.yaml:8:9: warning: plugin.name: plugin 'achilles' is not installed; its parameters "
        "were not checked");

  OneExtension catalog;
  const auto missing = lint_protocol(with_plugin("knee"), &catalog);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].severity == Severity::warning);
  CHECK(missing[0].message ==
        "plugin 'knee' is not available: no plugin named 'knee'; its parameters were not "
        "checked");
}

TEST_CASE("lint fails a protocol whose plugin is there but cannot be loaded", "[protocol][lint]") {
  OneExtension catalog;
  const auto broken = lint_protocol(with_plugin("crashing"), &catalog);
  REQUIRE(broken.size() == 1);
  CHECK(format_diagnostic(broken[0]) ==
        "p.yaml:8:9: error: plugin.name: plugin 'crashing' is not available: plugin 'crashing' "
        "(/p/crashing.so): crashed while loading; its parameters were not checked");
  // Limits set to what they cannot be (plugin_host.hpp) fail every plan alike.
  const auto limited = lint_protocol(with_plugin("limited"), &catalog);
  REQUIRE(limited.size() == 1);
  CHECK(limited[0].severity == Severity::error);
}

TEST_CASE("lint passes on what the plugin says of its parameters", "[protocol][lint]") {
  OneExtension catalog;
  const auto found = lint_protocol(with_plugin("achilles"), &catalog);
  REQUIRE(found.size() == 1);
  CHECK(format_diagnostic(found[0]) ==
        "p.yaml:9:12: error: plugin.params.style: unknown parameter");
}

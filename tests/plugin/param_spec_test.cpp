#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <sstream>

#include "plugin/param_spec.hpp"
#include "runback/plugin.hpp"

using namespace runback;
namespace sdk = runback::sdk;

namespace {

const rb_param_spec kSpecs[] = {
    sdk::choice("programme", "alfredson", "alfredson|hsr", "Which programme"),
    sdk::number("load_step_kg", "5", 0, 5, "kg", "Load added each clean week"),
    sdk::integer("min_heel_raises", "10", 1, 30, "raises", "Fewest raises to move on"),
    sdk::boolean("metronome", "true", "Whether to cue a metronome"),
    sdk::per_runner(sdk::required(
        sdk::number("baseline_cadence", "170", 120, 220, "steps/min", "Cadence before"))),
    sdk::required(sdk::text("side", nullptr, "Which side hurts")),
};

std::vector<ParamSpec> specs() {
  auto read = read_param_specs(kSpecs, std::size(kSpecs));
  REQUIRE(read.ok());
  return *read;
}

PluginRef ref(std::map<std::string, std::string> values) {
  PluginRef out;
  out.name = "achilles";
  out.where = {"p.yaml", 40, 3};
  int line = 41;
  for (const auto& [key, value] : values) {
    out.params[key] = PluginParam{value, {"p.yaml", line++, 15}};
  }
  return out;
}

}  // namespace

TEST_CASE("a parameter table is read with its types - ranges and defaults") {
  const auto all = specs();
  REQUIRE(all.size() == 6);
  CHECK(all[0].type == ParamType::enumeration);
  CHECK(all[0].allowed == std::vector<std::string>{"alfredson", "hsr"});
  CHECK(all[1].min == 0);
  CHECK(all[1].max == 5);
  CHECK(all[1].default_value == "5");
  CHECK(all[4].scope == ParamScope::programme);
  CHECK(all[4].required);
  CHECK_FALSE(all[4].default_value);  // required() drops the default
  CHECK(describe_range(all[1]) == "0..5 kg");
  CHECK(describe_range(all[0]) == "alfredson | hsr");
}

TEST_CASE("a parameter table that contradicts itself is refused") {
  SECTION("default out of its own range") {
    const rb_param_spec bad[] = {sdk::integer("sets", "50", 1, 20, "", "Sets")};
    auto read = read_param_specs(bad, 1);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error() ==
          "parameter 'sets' has a default that does not fit it: 50 is out of range (expected "
          "1..20)");
  }
  SECTION("duplicate names") {
    const rb_param_spec bad[] = {sdk::text("a", "", "A"), sdk::text("a", "", "A again")};
    CHECK(read_param_specs(bad, 2).error() == "parameter 'a' is declared twice");
  }
  SECTION("a bad name") {
    const rb_param_spec bad[] = {sdk::text("Bad Name", "", "A")};
    CHECK(read_param_specs(bad, 1).error() ==
          "parameter 1 has no valid name (expected [a-z0-9_]+)");
  }
  SECTION("no description") {
    const rb_param_spec bad[] = {sdk::text("a", "", "")};
    CHECK(read_param_specs(bad, 1).error() == "parameter 'a' has no description");
  }
  SECTION("an unknown type") {
    rb_param_spec bad[] = {sdk::text("a", "", "A")};
    bad[0].type = 9;
    CHECK(read_param_specs(bad, 1).error() == "parameter 'a' has an unknown type 9");
  }
}

TEST_CASE("values are checked against their type and range") {
  const auto all = specs();
  CHECK_FALSE(check_param_value(all[2], "15"));
  CHECK(check_param_value(all[2], "15.5") ==
        "'15.5' is not a whole number (expected 1..30 raises)");
  CHECK(check_param_value(all[2], "40") == "40 is out of range (expected 1..30 raises)");
  CHECK(check_param_value(all[1], "nan") == "'nan' is not a number (expected 0..5 kg)");
  CHECK(check_param_value(all[1], "2.5") == std::nullopt);
  CHECK(check_param_value(all[3], "yes") == "'yes' is not true or false");
  CHECK(check_param_value(all[0], "alfredsen") ==
        "'alfredsen' is not one of alfredson | hsr (did you mean 'alfredson'?)");
}

TEST_CASE("protocol parameters get diagnostics at their YAML location") {
  const auto all = specs();
  const auto diagnostics = check_protocol_params(
      "achilles", all,
      ref({{"load_step_kgs", "5"}, {"min_heel_raises", "0"}, {"baseline_cadence", "170"}}));
  REQUIRE(diagnostics.size() == 4);
  CHECK(format_diagnostic(diagnostics[0]) ==
        "p.yaml:41:15: error: plugin.params.baseline_cadence: 'baseline_cadence' is set for each "
        "runner when their programme starts (runback start --param baseline_cadence=VALUE), not "
        "in the protocol");
  CHECK(format_diagnostic(diagnostics[1]) ==
        "p.yaml:42:15: error: plugin.params.load_step_kgs: plugin 'achilles' has no parameter "
        "'load_step_kgs' (did you mean 'load_step_kg'?)");
  CHECK(format_diagnostic(diagnostics[2]) ==
        "p.yaml:43:15: error: plugin.params.min_heel_raises: 0 is out of range (expected 1..30 "
        "raises)");
  CHECK(format_diagnostic(diagnostics[3]) ==
        "p.yaml:40:3: error: plugin.params: plugin 'achilles' needs the parameter 'side' "
        "(string): Which side hurts");
}

TEST_CASE("valid protocol parameters give no diagnostics") {
  CHECK(check_protocol_params("achilles", specs(), ref({{"side", "left"}, {"programme", "hsr"}}))
            .empty());
}

TEST_CASE("programme parameters are checked per runner") {
  const auto all = specs();
  CHECK(check_programme_params("knee", all, {{"baseline_cadence", "165"}}).empty());
  const auto problems =
      check_programme_params("knee", all, {{"baseline_cadense", "165"}, {"programme", "hsr"}});
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] ==
        "--param baseline_cadense: plugin 'knee' has no parameter 'baseline_cadense' (did you "
        "mean 'baseline_cadence'?)");
  CHECK(problems[1] ==
        "--param programme: 'programme' is set by the protocol (plugin.params), not for each "
        "runner");
  CHECK(problems[2] ==
        "plugin 'knee' needs --param baseline_cadence=VALUE (120..220 steps/min): Cadence before");
  // Nothing close: the parameters a runner can be given are listed.
  CHECK(
      check_programme_params("knee", all, {{"cadence", "165"}, {"baseline_cadence", "165"}}) ==
      std::vector<std::string>{
          "--param cadence: plugin 'knee' has no parameter 'cadence'; it takes baseline_cadence"});
  CHECK(check_programme_params("knee", all, {{"baseline_cadence", "300"}}) ==
        std::vector<std::string>{
            "--param baseline_cadence: 300 is out of range (expected 120..220 steps/min)"});
}

TEST_CASE("resolved parameters fill in defaults and refuse what is missing") {
  const auto all = specs();
  const PluginRef r = ref({{"side", "left"}, {"programme", "hsr"}});
  auto values = resolve_params(all, &r, {{"baseline_cadence", "160"}}, true);
  REQUIRE(values.ok());
  CHECK(*values == ParamValues{{"programme", "hsr"},
                               {"load_step_kg", "5"},
                               {"min_heel_raises", "10"},
                               {"metronome", "true"},
                               {"baseline_cadence", "160"},
                               {"side", "left"}});
  auto missing = resolve_params(all, &r, {}, true);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error() ==
        "it needs the parameter 'baseline_cadence' (set it when starting the programme: "
        "--param baseline_cadence=VALUE)");
  // At lint time programme values are unknown: they are left out, not refused.
  CHECK(resolve_params(all, &r, {}, false).ok());
}

TEST_CASE("ranges write their numbers as an ostream does", "[param_spec]") {
  auto range = [](double min, double max) {
    ParamSpec spec;
    spec.type = ParamType::number;
    spec.min = min;
    spec.max = max;
    return describe_range(spec);
  };
  CHECK(range(0.5, 1.25) == "0.5..1.25");
  CHECK(range(2.0, 60) == "2..60");
  CHECK(range(1e6, 1234567) == "1e+06..1.23457e+06");
  CHECK(range(1e-5, 0.0001) == "1e-05..0.0001");
  CHECK(range(-0.0, 123456.7) == "-0..123457");
  auto streamed = [](double value) {
    std::ostringstream out;
    out << value;
    return out.str();
  };
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> exponent(-12, 12);
  for (int i = 0; i < 2000; ++i) {
    const double value = std::pow(10.0, exponent(rng)) * (i % 3 == 0 ? -1 : 1);
    const double whole = std::round(value);
    INFO(value);
    CHECK(range(value, whole) == streamed(value) + ".." + streamed(whole));
  }
}

TEST_CASE("parameter types and scopes have their SDK names", "[plugin][params]") {
  CHECK(type_name(ParamType::integer) == "integer");
  CHECK(type_name(ParamType::number) == "number");
  CHECK(type_name(ParamType::boolean) == "boolean");
  CHECK(type_name(ParamType::string) == "string");
  CHECK(type_name(ParamType::enumeration) == "enum");
  CHECK(scope_name(ParamScope::protocol) == "protocol");
  CHECK(scope_name(ParamScope::programme) == "programme");
}

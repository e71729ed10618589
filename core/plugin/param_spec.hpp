#pragma once
// A plugin's parameters as it publishes them, and the host's checks of the values a protocol or
// a programme gives them. The host checks types, ranges, allowed values, required and unknown
// keys itself, so every plugin gets the same diagnostics and no plugin sees a malformed value.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "protocol/protocol.hpp"
#include "runback/plugin_abi.h"
#include "util/result.hpp"

namespace runback {

enum class ParamType { integer, number, boolean, string, enumeration };
enum class ParamScope { protocol, programme };

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::string;
  ParamScope scope = ParamScope::protocol;
  bool required = false;
  std::optional<std::string> default_value;
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> allowed;  // for enumeration
  std::string unit;
  std::string description;
};

std::string type_name(ParamType type);     // "integer", ..., "enum"
std::string scope_name(ParamScope scope);  // "protocol", "programme"
// "1..60 kg", "alfredson | hsr", "" when unconstrained.
std::string describe_range(const ParamSpec& spec);

// Copies a plugin's parameter table, refusing a table that makes no sense (a bad name or type,
// a duplicate, a default outside its own range).
Result<std::vector<ParamSpec>> read_param_specs(const rb_param_spec* specs, std::size_t count);

// Why `value` does not fit `spec`, or nothing when it does.
std::optional<std::string> check_param_value(const ParamSpec& spec, const std::string& value);

// The protocol's `plugin.params`, checked against the specs; diagnostics point at the YAML.
std::vector<Diagnostic> check_protocol_params(const std::string& plugin_name,
                                              const std::vector<ParamSpec>& specs,
                                              const PluginRef& ref);

// A programme's `--param KEY=VALUE`s, checked against the specs; one message per problem.
std::vector<std::string> check_programme_params(const std::string& plugin_name,
                                                const std::vector<ParamSpec>& specs,
                                                const std::map<std::string, std::string>& params);

using ParamValues = std::vector<std::pair<std::string, std::string>>;

// The values hooks see: protocol-scope ones from `ref`, programme-scope ones from
// `programme_params` (when `with_programme`), defaults otherwise. An error when a value is
// invalid or a required one is missing ("parameter 'x': ...", "it needs the parameter 'x' ...").
Result<ParamValues> resolve_params(const std::vector<ParamSpec>& specs, const PluginRef* ref,
                                   const std::map<std::string, std::string>& programme_params,
                                   bool with_programme);

}  // namespace runback

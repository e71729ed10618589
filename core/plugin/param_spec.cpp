#include "plugin/param_spec.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>

#include "util/name_table.hpp"
#include "util/suggest.hpp"

namespace runback {

namespace {

constexpr NameTable<ParamType, 5> kParamTypeNames{{{ParamType::integer, "integer"},
                                                   {ParamType::number, "number"},
                                                   {ParamType::boolean, "boolean"},
                                                   {ParamType::string, "string"},
                                                   {ParamType::enumeration, "enum"}}};
constexpr NameTable<ParamScope, 2> kParamScopeNames{
    {{ParamScope::protocol, "protocol"}, {ParamScope::programme, "programme"}}};

bool is_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// As `std::ostream << value` writes it ("%g": 6 significant digits, "5", "0.5", "1e+06"), without
// an ostringstream's locale set-up: the host checks parameters at every plugin call.
std::string format_number(double value) {
  char buffer[32];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6).ptr;
  return std::string(buffer, end);
}

std::vector<std::string> split_allowed(const char* allowed) {
  std::vector<std::string> values;
  if (allowed == nullptr) return values;
  std::string current;
  for (const char* c = allowed; *c != '\0'; ++c) {
    if (*c == '|') {
      values.push_back(current);
      current.clear();
    } else if (*c != ' ') {
      current += *c;
    }
  }
  values.push_back(current);
  return values;
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<long long> parse_integer(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (end != text.c_str() + text.size() || errno != 0) return std::nullopt;
  return value;
}

std::vector<std::string> names_of(const std::vector<ParamSpec>& specs) {
  std::vector<std::string> names;
  for (const auto& spec : specs) names.push_back(spec.name);
  return names;
}

const ParamSpec* find_spec(const std::vector<ParamSpec>& specs, const std::string& name) {
  for (const auto& spec : specs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace

std::string type_name(ParamType type) {
  return name_of(type, kParamTypeNames);
}

std::string scope_name(ParamScope scope) {
  return name_of(scope, kParamScopeNames);
}

std::string describe_range(const ParamSpec& spec) {
  const std::string unit = spec.unit.empty() ? "" : " " + spec.unit;
  switch (spec.type) {
    case ParamType::integer:
    case ParamType::number:
      if (spec.min && spec.max) {
        return format_number(*spec.min) + ".." + format_number(*spec.max) + unit;
      }
      if (spec.min) return "at least " + format_number(*spec.min) + unit;
      if (spec.max) return "at most " + format_number(*spec.max) + unit;
      return "";
    case ParamType::boolean:
      return "true | false";
    case ParamType::enumeration: {
      std::string out;
      for (const auto& value : spec.allowed) out += (out.empty() ? "" : " | ") + value;
      return out;
    }
    case ParamType::string:
      return "";
  }
  return "";
}

std::optional<std::string> check_param_value(const ParamSpec& spec, const std::string& value) {
  // The range is text for the messages; a value that fits needs none.
  const auto range = [&spec] { return describe_range(spec); };
  switch (spec.type) {
    case ParamType::integer: {
      const auto parsed = parse_integer(value);
      if (!parsed) return "'" + value + "' is not a whole number (expected " + range() + ")";
      if ((spec.min && double(*parsed) < *spec.min) || (spec.max && double(*parsed) > *spec.max)) {
        return value + " is out of range (expected " + range() + ")";
      }
      return std::nullopt;
    }
    case ParamType::number: {
      const auto parsed = parse_number(value);
      if (!parsed) return "'" + value + "' is not a number (expected " + range() + ")";
      if ((spec.min && *parsed < *spec.min) || (spec.max && *parsed > *spec.max)) {
        return value + " is out of range (expected " + range() + ")";
      }
      return std::nullopt;
    }
    case ParamType::boolean:
      if (value == "true" || value == "false") return std::nullopt;
      return "'" + value + "' is not true or false";
    case ParamType::enumeration:
      for (const auto& allowed : spec.allowed) {
        if (allowed == value) return std::nullopt;
      }
      return "'" + value + "' is not one of " + range() + did_you_mean(value, spec.allowed);
    case ParamType::string:
      return std::nullopt;
  }
  return std::nullopt;
}

Result<std::vector<ParamSpec>> read_param_specs(const rb_param_spec* specs, std::size_t count) {
  if (count > 0 && specs == nullptr) return Error{"its parameter table is missing"};
  if (count > 256) return Error{"it declares " + std::to_string(count) + " parameters"};
  std::vector<ParamSpec> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < count; ++i) {
    const rb_param_spec& raw = specs[i];
    const std::string where = "parameter " + std::to_string(i + 1);
    if (raw.name == nullptr || !is_name(raw.name)) {
      return Error{where + " has no valid name (expected [a-z0-9_]+)"};
    }
    ParamSpec spec;
    spec.name = raw.name;
    const std::string what = "parameter '" + spec.name + "'";
    if (!seen.insert(spec.name).second) return Error{what + " is declared twice"};
    if (raw.type < RB_PARAM_INTEGER || raw.type > RB_PARAM_ENUM) {
      return Error{what + " has an unknown type " + std::to_string(raw.type)};
    }
    spec.type = static_cast<ParamType>(raw.type);
    if (raw.scope != RB_SCOPE_PROTOCOL && raw.scope != RB_SCOPE_PROGRAMME) {
      return Error{what + " has an unknown scope " + std::to_string(raw.scope)};
    }
    spec.scope = static_cast<ParamScope>(raw.scope);
    spec.required = raw.required != 0;
    if (raw.description == nullptr || *raw.description == '\0') {
      return Error{what + " has no description"};
    }
    spec.description = raw.description;
    if (raw.unit != nullptr) spec.unit = raw.unit;
    if (spec.type == ParamType::integer || spec.type == ParamType::number) {
      if (raw.has_min) {
        if (!std::isfinite(raw.min)) return Error{what + " has a minimum that is not a number"};
        spec.min = raw.min;
      }
      if (raw.has_max) {
        if (!std::isfinite(raw.max)) return Error{what + " has a maximum that is not a number"};
        spec.max = raw.max;
      }
      if (spec.min && spec.max && *spec.min > *spec.max) {
        return Error{what + " has a minimum above its maximum"};
      }
    }
    if (spec.type == ParamType::enumeration) {
      spec.allowed = split_allowed(raw.allowed);
      for (const auto& value : spec.allowed) {
        if (value.empty()) return Error{what + " lists an empty allowed value"};
      }
    }
    if (!spec.required && raw.default_value != nullptr) {
      spec.default_value = raw.default_value;
      if (auto problem = check_param_value(spec, *spec.default_value)) {
        return Error{what + " has a default that does not fit it: " + *problem};
      }
    }
    out.push_back(std::move(spec));
  }
  return out;
}

std::vector<Diagnostic> check_protocol_params(const std::string& plugin_name,
                                              const std::vector<ParamSpec>& specs,
                                              const PluginRef& ref) {
  std::vector<Diagnostic> out;
  auto error = [&](const SourceLocation& where, const std::string& key, std::string message) {
    out.push_back({Severity::error, where, key, std::move(message)});
  };
  for (const auto& [name, param] : ref.params) {
    const std::string key = "plugin.params." + name;
    const ParamSpec* spec = find_spec(specs, name);
    if (spec == nullptr) {
      error(param.where, key,
            "plugin '" + plugin_name + "' has no parameter '" + name + "'" +
                did_you_mean(name, names_of(specs)));
      continue;
    }
    if (spec->scope == ParamScope::programme) {
      error(param.where, key,
            "'" + name +
                "' is set for each runner when their programme starts "
                "(runback start --param " +
                name + "=VALUE), not in the protocol");
      continue;
    }
    if (auto problem = check_param_value(*spec, param.text)) error(param.where, key, *problem);
  }
  for (const auto& spec : specs) {
    if (spec.required && spec.scope == ParamScope::protocol && !ref.params.count(spec.name)) {
      error(ref.where, "plugin.params",
            "plugin '" + plugin_name + "' needs the parameter '" + spec.name + "' (" +
                type_name(spec.type) + (describe_range(spec).empty() ? "" : ", ") +
                describe_range(spec) + "): " + spec.description);
    }
  }
  return out;
}

std::vector<std::string> check_programme_params(const std::string& plugin_name,
                                                const std::vector<ParamSpec>& specs,
                                                const std::map<std::string, std::string>& params) {
  std::vector<std::string> out;
  for (const auto& [name, value] : params) {
    const ParamSpec* spec = find_spec(specs, name);
    if (spec == nullptr) {
      std::string hint = did_you_mean(name, names_of(specs));
      if (hint.empty()) {
        // Nothing close: what a runner can be given, so the next try is not a guess.
        std::string takes;
        for (const auto& s : specs) {
          if (s.scope == ParamScope::programme) takes += (takes.empty() ? "" : ", ") + s.name;
        }
        hint = takes.empty() ? "; it takes none for each runner" : "; it takes " + takes;
      }
      out.push_back("--param " + name + ": plugin '" + plugin_name + "' has no parameter '" + name +
                    "'" + hint);
    } else if (spec->scope == ParamScope::protocol) {
      out.push_back("--param " + name + ": '" + name +
                    "' is set by the protocol (plugin.params), not for each runner");
    } else if (auto problem = check_param_value(*spec, value)) {
      out.push_back("--param " + name + ": " + *problem);
    }
  }
  for (const auto& spec : specs) {
    if (spec.required && spec.scope == ParamScope::programme && !params.count(spec.name)) {
      out.push_back("plugin '" + plugin_name + "' needs --param " + spec.name + "=VALUE (" +
                    describe_range(spec) + "): " + spec.description);
    }
  }
  return out;
}

Result<ParamValues> resolve_params(const std::vector<ParamSpec>& specs, const PluginRef* ref,
                                   const std::map<std::string, std::string>& programme_params,
                                   bool with_programme) {
  ParamValues values;
  for (const auto& spec : specs) {
    std::optional<std::string> value;
    if (spec.scope == ParamScope::protocol) {
      if (ref != nullptr) {
        if (auto it = ref->params.find(spec.name); it != ref->params.end()) {
          value = it->second.text;
        }
      }
    } else if (with_programme) {
      if (auto it = programme_params.find(spec.name); it != programme_params.end()) {
        value = it->second;
      }
    } else {
      continue;  // programme values are not known here (lint)
    }
    if (value) {
      if (auto problem = check_param_value(spec, *value)) {
        return Error{"parameter '" + spec.name + "': " + *problem};
      }
    } else if (spec.required) {
      return Error{"it needs the parameter '" + spec.name + "'" +
                   (spec.scope == ParamScope::programme
                        ? " (set it when starting the programme: --param " + spec.name + "=VALUE)"
                        : " in the protocol's plugin.params")};
    } else {
      value = spec.default_value;
    }
    if (value) values.emplace_back(spec.name, *value);
  }
  return values;
}

}  // namespace runback

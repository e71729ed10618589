// runback plugin list | info NAME: what plugins there are, what they do, what they take.
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "add_command.hpp"
#include "context.hpp"
#include "plugin/abi_version.hpp"
#include "plugin_host_for.hpp"

namespace runback::cli {

namespace {

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// Words of `text` in lines of at most `width` characters, each starting with `indent`.
std::string wrapped(const std::string& text, const std::string& indent, std::size_t width = 96) {
  std::istringstream words(text);
  std::string out, line, word;
  while (words >> word) {
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

nlohmann::json param_json(const ParamSpec& spec) {
  nlohmann::json out{{"name", spec.name},
                     {"type", type_name(spec.type)},
                     {"scope", scope_name(spec.scope)},
                     {"required", spec.required},
                     {"description", spec.description}};
  out["default"] = spec.default_value ? nlohmann::json(*spec.default_value) : nlohmann::json();
  out["min"] = spec.min ? nlohmann::json(*spec.min) : nlohmann::json();
  out["max"] = spec.max ? nlohmann::json(*spec.max) : nlohmann::json();
  out["allowed"] = spec.allowed;
  out["unit"] = spec.unit;
  return out;
}

nlohmann::json plugin_json(const PluginInfo& info) {
  return {
      {"name", info.name}, {"version", info.version},         {"abi_version", to_string(info.abi)},
      {"path", info.path}, {"description", info.description}, {"hooks", info.hooks}};
}

void list_plugins(Context& context, const std::string& format) {
  const PluginHost host = plugin_host_for(context);
  if (const std::string& problem = host.misconfigured(); !problem.empty()) {
    return fail(context, ErrorKind::bad_input, problem);
  }
  const auto& plugins = host.plugins();
  const auto& failures = host.failures();
  if (format == "json") {
    nlohmann::json out{{"schema", "runback.plugin-list/1"},
                       {"abi_version", to_string(host_abi_version())},
                       {"plugins", nlohmann::json::array()},
                       {"failed", nlohmann::json::array()},
                       {"searched", nlohmann::json::array()}};
    for (const auto& plugin : plugins) out["plugins"].push_back(plugin_json(plugin->info()));
    for (const auto& failure : failures) {
      out["failed"].push_back(
          {{"name", failure.name}, {"path", failure.path}, {"error", failure.reason}});
    }
    for (const auto& dir : host.dirs()) {
      out["searched"].push_back({{"path", dir.path}, {"origin", dir.origin}});
    }
    context.out << out.dump(2) << "\n";
    return;
  }
  for (const auto& plugin : plugins) {
    const PluginInfo& info = plugin->info();
    context.out << info.name << " " << info.version << "  (plugin ABI " << to_string(info.abi)
                << ")  " << info.path << "\n"
                << wrapped(info.description, "    ")
                << "    hooks: " << (info.hooks.empty() ? "none" : joined(info.hooks, ", "))
                << "\n";
  }
  if (plugins.empty()) {
    context.out << "No plugins found. Looked in:\n";
    for (const auto& dir : host.dirs()) {
      context.out << "  " << dir.path << " (" << dir.origin << ")\n";
    }
  }
  if (!failures.empty()) {
    context.out << "\n"
                << failures.size() << (failures.size() == 1 ? " plugin" : " plugins")
                << " could not be loaded:\n";
    for (const auto& failure : failures) context.out << "  " << failure.reason << "\n";
  }
}

void show_plugin(Context& context, const std::string& name, const std::string& format) {
  const PluginHost host = plugin_host_for(context);
  auto found = host.find_plugin(name);
  if (!found) return fail(context, found.failure());
  const PluginInfo& info = (*found)->info();
  if (format == "json") {
    nlohmann::json plugin = plugin_json(info);
    plugin["parameters"] = nlohmann::json::array();
    for (const auto& spec : info.params) plugin["parameters"].push_back(param_json(spec));
    context.out << nlohmann::json{{"schema", "runback.plugin-info/1"}, {"plugin", plugin}}.dump(2)
                << "\n";
    return;
  }
  context.out << info.name << " " << info.version << " (plugin ABI " << to_string(info.abi) << ")\n"
              << info.path << "\n"
              << wrapped(info.description, "")
              << "Hooks: " << (info.hooks.empty() ? "none" : joined(info.hooks, ", ")) << "\n";
  if (info.params.empty()) {
    context.out << "\nNo parameters.\n";
    return;
  }
  context.out << "\nParameters (set in a protocol under plugin.params; those marked per runner\n"
                 "are set when a programme starts: runback start --param NAME=VALUE):\n";
  for (const auto& spec : info.params) {
    std::string kind = type_name(spec.type);
    if (const std::string range = describe_range(spec); !range.empty()) kind += ", " + range;
    std::string when;
    if (spec.required) {
      when = "required";
    } else if (spec.default_value) {
      when = "default " + *spec.default_value;
    } else {
      when = "optional";
    }
    if (spec.scope == ParamScope::programme) when += ", per runner";
    context.out << "  " << spec.name << "  (" << kind << "; " << when << ")\n"
                << wrapped(spec.description, "      ");
  }
}

}  // namespace

void register_plugin_commands(CLI::App& app, Context& context) {
  add_command(
      app, "plugin", "List the plugins runback can load, or describe one",
      [&context](CLI::App& plugin) {
        plugin.require_subcommand(1);
        add_command(plugin, "list",
                    "Show each plugin found (name, version, ABI, path, hooks) and those "
                    "that failed",
                    [&context](CLI::App& list) {
                      auto format = std::make_shared<std::string>();
                      add_format_option(list, *format, {Format::text, Format::json});
                      list.callback([&context, format] { list_plugins(context, *format); });
                    });
        add_command(
            plugin, "info", "Describe a plugin and its parameters", [&context](CLI::App& info) {
              auto name = std::make_shared<std::string>();
              auto format = std::make_shared<std::string>();
              info.add_option("NAME", *name, "The plugin's name, as in `runback plugin list`")
                  ->required();
              add_format_option(info, *format, {Format::text, Format::json});
              info.callback([&context, name, format] { show_plugin(context, *name, *format); });
            });
      });
}

}  // namespace runback::cli

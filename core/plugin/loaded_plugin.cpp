#include "plugin/loaded_plugin.hpp"

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <exception>
#include <filesystem>

#include "plugin/converted_history.hpp"
#include "runback/plugin_abi.h"

namespace runback {

namespace {

// A plugin's name as it declares it, when it is a valid one ([a-z0-9-]+, at most 64).
std::optional<std::string> read_name(const char* name) {
  if (name == nullptr) return std::nullopt;
  std::string out;
  for (const char* c = name; *c != '\0'; ++c) {
    if (out.size() >= 64) return std::nullopt;
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-')) {
      return std::nullopt;
    }
    out += *c;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<std::string> read_line(const char* text) {
  if (text == nullptr || *text == '\0') return std::nullopt;
  std::string out;
  for (const char* c = text; *c != '\0' && out.size() < 500; ++c) out += *c;
  return out;
}

// The dynamic loader's own words from Boost.DLL's message, which wraps them as
// "...load() failed (dlerror system message: PATH: WHY): Bad file descriptor".
std::string loader_reason(const std::string& what, const std::string& path) {
  const std::string marker = "dlerror system message: ";
  const auto start = what.find(marker);
  const auto end = what.rfind("): ");
  if (start == std::string::npos || end == std::string::npos || end <= start) return what;
  std::string reason = what.substr(start + marker.size(), end - start - marker.size());
  if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);
  return reason.empty() ? what : reason;
}

// The smallest rb_plugin an ABI 1.x plugin may declare: everything up to the last 1.0 hook.
constexpr std::size_t kPluginSizeV1_0 = offsetof(rb_plugin, verdict) + sizeof(rb_plugin::verdict);
constexpr std::size_t kPluginSizeV1_2 =
    offsetof(rb_plugin, fixed_questions) + sizeof(rb_plugin::fixed_questions);

// ABI 1.2's hook only when the plugin was built for 1.2 or later (its descriptor has it).
decltype(rb_plugin::fixed_questions) fixed_questions_hook(const rb_plugin& api) {
  return api.abi_minor >= 2 && api.struct_size >= kPluginSizeV1_2 ? api.fixed_questions : nullptr;
}

// The parameters as the ABI shows them, pointing into `values`.
rb_params to_abi(const ParamValues& values, std::vector<rb_param_value>& out) {
  out.clear();
  for (const auto& [name, value] : values) out.push_back({name.c_str(), value.c_str()});
  return {out.empty() ? nullptr : out.data(), out.size()};
}

// What one plan's calls of one plugin have in common, kept between the calls on a thread: the
// resolved parameters and the converted history. A loaded plugin is shared by every runner's
// plan (and may be by several threads), so the key is the plugin and the plan's history_id.
struct CallCache {
  const LoadedPlugin* plugin = nullptr;
  std::uint64_t history_id = 0;  // 0: holds nothing reusable
  ParamValues values;
  std::vector<rb_param_value> param_items;
  rb_params params{};
  ConvertedHistory history;
  std::vector<rb_answer> day_answers;  // the verdict's log, converted at each call
};

}  // namespace

LoadedPlugin::LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library,
                           const rb_plugin* api, PluginInfo info)
    : library_(std::move(library)), api_(api), info_(std::move(info)) {}

Result<std::shared_ptr<const LoadedPlugin>, PluginLoadError> LoadedPlugin::load(
    const std::string& path) {
  namespace fs = std::filesystem;
  std::string name = fs::path(path).stem().string();
  auto refuse = [&](const std::string& why) {
    return PluginLoadError{{"plugin '" + name + "' (" + path + "): " + why, ErrorKind::plugin},
                           name};
  };
  std::error_code ec;
  if (!fs::path(path).is_absolute()) return refuse("the path must be absolute");
  if (!fs::exists(path, ec)) {
    return refuse(fs::is_symlink(path, ec) ? "the file is missing (a link to nothing)"
                                           : "the file is missing");
  }
  if (!fs::is_regular_file(path, ec)) return refuse("it is not a file");

  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    // rtld_now: a library with an unresolved symbol fails here, not in the middle of a plan.
    library->load(boost::dll::fs::path(path),
                  boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    return refuse("it cannot be loaded as a shared library: " + loader_reason(e.what(), path));
  }
  if (!library->has(RUNBACK_PLUGIN_ENTRY_SYMBOL)) {
    return refuse("it is a shared library but not a runback plugin: it has no '" +
                  std::string(RUNBACK_PLUGIN_ENTRY_SYMBOL) +
                  "' function (plugins declare one with RUNBACK_DECLARE_PLUGIN)");
  }
  const rb_plugin* api = nullptr;
  try {
    api = library->get<const rb_plugin*()>(RUNBACK_PLUGIN_ENTRY_SYMBOL)();
  } catch (const std::exception& e) {
    return refuse(std::string("its entry function threw an exception: ") + e.what());
  } catch (...) {
    return refuse("its entry function threw an exception");
  }
  if (api == nullptr) return refuse("its entry function returned nothing");

  // The stable prefix first: name and ABI version, so a refusal can name both.
  if (auto declared = read_name(api->name)) {
    name = *declared;
  } else {
    return refuse("it declares no valid name (expected [a-z0-9-]+, at most 64 characters)");
  }
  const AbiVersion abi{api->abi_major, api->abi_minor};
  if (auto status = check_abi(abi, host_abi_version()); !status) return refuse(status.error());
  if (api->struct_size < kPluginSizeV1_0) {
    return refuse("its descriptor is " + std::to_string(api->struct_size) +
                  " bytes, smaller than ABI " + to_string(abi) + " requires (" +
                  std::to_string(kPluginSizeV1_0) + ")");
  }

  PluginInfo info;
  info.name = name;
  info.path = path;
  info.abi = abi;
  if (auto version = read_line(api->version)) {
    info.version = *version;
  } else {
    return refuse("it declares no version");
  }
  if (auto description = read_line(api->description)) {
    info.description = *description;
  } else {
    return refuse("it declares no description");
  }
  auto params = read_param_specs(api->params, api->param_count);
  if (!params) return refuse(params.error());
  info.params = std::move(*params);
  if (api->validate) info.hooks.push_back(hook_name(Hook::validate));
  if (api->exercises) info.hooks.push_back(hook_name(Hook::exercises));
  if (api->session_cues) info.hooks.push_back(hook_name(Hook::session_cues));
  if (api->questions) info.hooks.push_back(hook_name(Hook::questions));
  if (api->verdict) info.hooks.push_back(hook_name(Hook::verdict));
  if (fixed_questions_hook(*api)) {
    if (api->questions) {
      return refuse(
          "it provides both `questions` and `fixed_questions`; a plugin's questions are either "
          "the same at every checkpoint (fixed_questions) or made for each one (questions)");
    }
    info.hooks.push_back(hook_name(Hook::fixed_questions));
  }
  return std::shared_ptr<const LoadedPlugin>(
      std::make_shared<LoadedPlugin>(std::move(library), api, std::move(info)));
}

bool Plugin::questions_fixed() const {
  const auto& hooks = info().hooks;
  return std::find(hooks.begin(), hooks.end(), hook_name(Hook::fixed_questions)) != hooks.end();
}

std::vector<Diagnostic> LoadedPlugin::validate(const PluginRef& ref) const {
  std::vector<Diagnostic> out = check_protocol_params(info_.name, info_.params, ref);
  if (has_errors(out) || api_->validate == nullptr) return out;

  auto resolved = resolve_params(info_.params, &ref, {}, false);
  if (!resolved) {
    out.push_back({Severity::error, ref.where, "plugin.params", label() + ": " + resolved.error()});
    return out;
  }
  std::vector<rb_param_value> items;
  const rb_params params = to_abi(*resolved, items);
  HookCollector collector(Hook::validate);
  try {
    const std::lock_guard one_hook_at_a_time(hooks_);
    collector.finish(api_->validate(&params, collector.sink()));
  } catch (const std::exception& e) {
    collector.record_fault(std::string("the validate hook threw an exception: ") + e.what());
  } catch (...) {
    collector.record_fault("the validate hook threw an exception");
  }
  if (collector.fault()) {
    out.push_back({Severity::error, ref.where, "plugin", label() + ": " + *collector.fault()});
    return out;
  }
  for (const auto& d : collector.diagnostics) {
    Diagnostic diagnostic{d.severity, ref.where, "plugin.params", d.message};
    if (d.param) {
      if (auto it = ref.params.find(*d.param); it != ref.params.end()) {
        diagnostic.where = it->second.where;
      }
      diagnostic.key_path = "plugin.params." + *d.param;
    }
    out.push_back(std::move(diagnostic));
  }
  return out;
}

std::vector<std::string> LoadedPlugin::check_programme_params(
    const std::map<std::string, std::string>& params) const {
  return runback::check_programme_params(info_.name, info_.params, params);
}

Status LoadedPlugin::call(Hook hook, const ExtensionContext& context, const DayLog* log,
                          HookCollector& collector) const {
  // Two per thread: calls without a history_id convert everything each time and must not evict
  // the plan whose calls they may sit between.
  thread_local CallCache keyed;
  thread_local CallCache scratch;
  CallCache& cache = context.history_id != 0 ? keyed : scratch;
  const bool same_history =
      context.history_id != 0 && cache.plugin == this && cache.history_id == context.history_id;
  // Unusable until this call's conversion is complete (a failure or an exception on the way
  // leaves nothing half made for the next call).
  cache.plugin = nullptr;
  cache.history_id = 0;
  if (!same_history) {
    // Constant within a history (ExtensionContext::history_id), so resolved once per plan.
    const PluginRef* ref = context.protocol.plugin ? &*context.protocol.plugin : nullptr;
    auto resolved = resolve_params(info_.params, ref, context.programme.params, true);
    if (!resolved) return Error{label() + ": " + resolved.error(), ErrorKind::plugin};
    cache.values = std::move(*resolved);
    cache.params = to_abi(cache.values, cache.param_items);
    cache.history.clear();
  }
  cache.history.update(context.logs, context.checkpoints);
  cache.plugin = this;
  cache.history_id = context.history_id;

  const auto& logs = cache.history.logs();
  const auto& checkpoints = cache.history.checkpoints();
  const auto& stages = context.protocol.stages;
  const bool stage_known =
      context.stage_index >= 0 && static_cast<std::size_t>(context.stage_index) < stages.size();
  rb_context c{};
  c.struct_size = sizeof(rb_context);
  c.params = cache.params;
  c.date = abi_day(context.date);
  c.programme_start = abi_day(context.programme.start_date);
  c.stage_index = context.stage_index;
  c.stage_count = static_cast<std::int32_t>(stages.size());
  c.days_at_stage = context.days_at_stage;
  c.stage_id = stage_known ? stages[std::size_t(context.stage_index)].id.c_str() : "";
  c.protocol_id = context.protocol.id.c_str();
  c.logs = logs.empty() ? nullptr : logs.data();
  c.log_count = logs.size();
  c.checkpoints = checkpoints.empty() ? nullptr : checkpoints.data();
  c.checkpoint_count = checkpoints.size();
  rb_day_log day{};
  if (log != nullptr) {
    // One log, read during the call only: its answers may point into it.
    cache.day_answers.clear();
    for (const auto& [key, value] : log->answers) {
      cache.day_answers.push_back({key.c_str(), value.c_str()});
    }
    day = to_abi(*log, cache.day_answers.data());
  }

  try {
    const std::lock_guard one_hook_at_a_time(hooks_);
    switch (hook) {
      case Hook::exercises:
        collector.finish(api_->exercises(&c, collector.sink()));
        break;
      case Hook::session_cues:
        collector.finish(api_->session_cues(&c, collector.sink()));
        break;
      case Hook::questions:
        collector.finish(api_->questions(&c, collector.sink()));
        break;
      case Hook::fixed_questions:
        collector.finish(fixed_questions_hook(*api_)(&c.params, collector.sink()));
        break;
      case Hook::verdict:
        collector.finish(api_->verdict(&c, &day, collector.sink()));
        break;
      case Hook::validate:
        break;
    }
  } catch (const std::exception& e) {
    collector.record_fault("the " + hook_name(hook) + " hook threw an exception: " + e.what());
  } catch (...) {
    collector.record_fault("the " + hook_name(hook) + " hook threw an exception");
  }
  if (collector.fault()) return Error{label() + ": " + *collector.fault(), ErrorKind::plugin};
  return ok_status();
}

Result<std::vector<Exercise>> LoadedPlugin::exercises(const ExtensionContext& context) const {
  if (api_->exercises == nullptr) return std::vector<Exercise>{};
  HookCollector collector(Hook::exercises);
  if (auto status = call(Hook::exercises, context, nullptr, collector); !status) {
    return status.failure();
  }
  for (auto& exercise : collector.exercises) {
    if (context.protocol.plugin) exercise.where = context.protocol.plugin->where;
  }
  return std::move(collector.exercises);
}

Result<std::vector<SessionCue>> LoadedPlugin::session_cues(const ExtensionContext& context) const {
  if (api_->session_cues == nullptr) return std::vector<SessionCue>{};
  HookCollector collector(Hook::session_cues);
  if (auto status = call(Hook::session_cues, context, nullptr, collector); !status) {
    return status.failure();
  }
  return std::move(collector.cues);
}

Result<std::vector<CheckpointQuestion>> LoadedPlugin::questions(
    const ExtensionContext& context) const {
  const Hook hook = fixed_questions_hook(*api_) ? Hook::fixed_questions : Hook::questions;
  if (hook == Hook::questions && api_->questions == nullptr) {
    return std::vector<CheckpointQuestion>{};
  }
  HookCollector collector(hook);
  if (auto status = call(hook, context, nullptr, collector); !status) {
    return status.failure();
  }
  return std::move(collector.questions);
}

Result<Verdict> LoadedPlugin::verdict(const ExtensionContext& context, const DayLog& log) const {
  Verdict no_objection{Action{ActionKind::proceed, 0, 0}, ""};
  if (api_->verdict == nullptr) return no_objection;
  HookCollector collector(Hook::verdict);
  if (auto status = call(Hook::verdict, context, &log, collector); !status) {
    return status.failure();
  }
  return collector.verdict.value_or(no_objection);
}

}  // namespace runback

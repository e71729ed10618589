#include "plugin/isolated_plugin.hpp"

#include <unistd.h>
#include <filesystem>
#include <iostream>

#include "plugin/child_process.hpp"
#include "plugin/host_server.hpp"
#include "plugin/wire_format.hpp"

namespace runback {

namespace {

using host_wire::CallKind;

CallKind call_kind(Hook hook) {
  switch (hook) {
    case Hook::validate:
      return CallKind::validate;
    case Hook::exercises:
      return CallKind::exercises;
    case Hook::session_cues:
      return CallKind::session_cues;
    case Hook::questions:
    case Hook::fixed_questions:
      return CallKind::questions;
    case Hook::verdict:
      return CallKind::verdict;
  }
  return CallKind::verdict;
}

// A request of one call that is not a context call (validate, check_programme_params).
std::string encode_alone(std::span<const std::uint64_t> forget, host_wire::Call call) {
  host_wire::Request request;
  request.forget.assign(forget.begin(), forget.end());
  request.calls.push_back(std::move(call));
  return host_wire::encode(request);
}

std::string seconds(std::chrono::milliseconds ms) {
  const auto count = ms.count();
  if (count % 1000 == 0) return std::to_string(count / 1000) + " s";
  return std::to_string(count) + " ms";
}

}  // namespace

std::optional<std::string> find_plugin_host_executable(const std::string& executable_path) {
  namespace fs = std::filesystem;
  if (executable_path.empty()) return std::nullopt;
  const fs::path bin = fs::path(executable_path).parent_path();
  std::error_code ec;
  for (const fs::path& candidate :
       {bin / "runback-plugin-host",
        (bin / RUNBACK_PLUGIN_HOST_FROM_BINDIR / "runback-plugin-host").lexically_normal(),
        fs::path(RUNBACK_INSTALL_PLUGIN_HOST_DIR) / "runback-plugin-host"}) {
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) {
      return fs::absolute(candidate, ec).lexically_normal().string();
    }
  }
  return std::nullopt;
}

IsolatedPlugin::IsolatedPlugin(std::string path, IsolationOptions options)
    : path_(std::move(path)), options_(std::move(options)) {}

IsolatedPlugin::~IsolatedPlugin() = default;

Result<std::shared_ptr<IsolatedPlugin>, PluginLoadError> IsolatedPlugin::start(
    const std::string& path, const IsolationOptions& options) {
  auto plugin = std::make_shared<IsolatedPlugin>(path, options);
  plugin->info_.name = std::filesystem::path(path).stem().string();
  plugin->info_.path = path;
  {
    const std::lock_guard one_request_at_a_time(plugin->mutex_);
    if (auto status = plugin->ensure_started(); !status) {
      return PluginLoadError{{status.error(), ErrorKind::plugin}, plugin->info_.name};
    }
  }
  return plugin;
}

void IsolatedPlugin::stop() const {
  const std::lock_guard one_request_at_a_time(mutex_);
  child_.reset();
  histories_.clear();
  forget_.clear();
}

Error IsolatedPlugin::died(const std::string& what, const std::string& during) const {
  return Error{label() + ": " + what + " " + during, ErrorKind::plugin};
}

Status IsolatedPlugin::ensure_started() const {
  if (dead_) return *dead_;
  if (child_) return ok_status();
  const std::string stem_label = label();
  if (options_.host_executable.empty()) {
    return Error{stem_label +
                     ": the plugin host (runback-plugin-host) is not installed beside runback; "
                     "reinstall runback, or set RUNBACK_PLUGINS_IN_PROCESS=1 to run plugins "
                     "inside runback",
                 ErrorKind::plugin};
  }
  ChildLaunch launch;
  launch.executable = options_.host_executable;
  launch.args = {"--memory-mb", std::to_string(options_.memory_mb), path_};
  if (sanitized_build()) {
    // A sanitizer reserves terabytes of address space, so the host cannot limit it
    // (RLIMIT_AS); the sanitizer's own RSS limit stands in. The others keep a crash a crash (not
    // the sanitizer's report and exit 1) and leave leak checks to runback's own tests.
    std::string own = "handle_segv=0:handle_abort=0:handle_sigbus=0:handle_sigfpe=0";
    if (options_.memory_mb > 0) {
      own += ":hard_rss_limit_mb=" + std::to_string(options_.memory_mb) +
             ":allocator_may_return_null=1";
    }
    auto sanitizer_options = [&](const char* name, const std::string& more) {
      std::string value = std::string(name) + "=";
      if (const char* given = std::getenv(name)) value += std::string(given) + ":";
      launch.env.push_back(value + more + own);
    };
    sanitizer_options("ASAN_OPTIONS", "detect_leaks=0:");
    sanitizer_options("TSAN_OPTIONS", "");
  }
  const std::string prefix = info_.name + ": ";
  auto sink = options_.stderr_line;
  launch.on_stderr_line = [prefix, sink](std::string_view line) {
    std::string text = prefix + std::string(line);
    if (sink) {
      sink(text);
    } else {
      text += '\n';
      [[maybe_unused]] auto n = ::write(2, text.data(), text.size());
    }
  };
  auto child = ChildProcess::start(launch);
  if (!child) return Error{stem_label + ": " + child.error(), child.error_kind()};
  auto& process = **child;
  auto hello_bytes = process.read_frame(std::chrono::steady_clock::now() + options_.timeout);
  if (!hello_bytes) {
    const auto fault = hello_bytes.failure().fault;
    const std::string how = fault == ChildFault::timed_out
                                ? "did not finish loading within " + seconds(options_.timeout)
                            : fault == ChildFault::gone ? process.reap()
                                                        : hello_bytes.error();
    return Error{stem_label + ": " + how + " while loading", ErrorKind::plugin};
  }
  auto hello = host_wire::decode_hello(*hello_bytes);
  if (!hello) return Error{stem_label + ": " + hello.error(), ErrorKind::plugin};
  // info_ is set by the first greeting only: other threads read it without the lock (label(),
  // questions_fixed()) while a host stopped between commands' phases is started again.
  const bool greeted = !info_.version.empty();
  if (!hello->info) {
    if (!greeted) info_.name = hello->error_name;  // PluginLoadError::name
    return Error{hello->load_error, ErrorKind::plugin};
  }
  // A restarted host must still be the same plugin.
  if (greeted && (hello->info->name != info_.name || hello->info->version != info_.version)) {
    return Error{label() + ": the library changed while runback ran (now '" + hello->info->name +
                     "' " + hello->info->version + ")",
                 ErrorKind::plugin};
  }
  if (!greeted) info_ = *hello->info;
  child_ = std::move(*child);
  return ok_status();
}

host_wire::ContextCallView IsolatedPlugin::context_call(const HookCall& call) const {
  const ExtensionContext& c = *call.context;
  host_wire::ContextCallView out;
  out.kind = call_kind(call.hook);
  out.date = c.date;
  out.stage_index = c.stage_index;
  out.days_at_stage = c.days_at_stage;
  if (call.log != nullptr) {
    out.log_is_last = !c.logs.empty() && call.log == &c.logs.back();
    if (!out.log_is_last) out.log = call.log;
  }
  out.history_id = c.history_id;
  Sent sent;
  bool known = false;
  if (c.history_id != 0) {
    for (auto it = histories_.begin(); it != histories_.end(); ++it) {
      if (it->first != c.history_id) continue;
      sent = it->second;
      histories_.splice(histories_.begin(), histories_, it);
      known = c.logs.size() >= sent.logs && c.checkpoints.size() >= sent.checkpoints;
      break;
    }
  }
  if (!known) {
    sent = {};
    host_wire::HistorySetup setup;
    setup.protocol_id = c.protocol.id;
    for (const auto& stage : c.protocol.stages) setup.stage_ids.push_back(stage.id);
    setup.plugin = c.protocol.plugin;
    setup.programme_params = c.programme.params;
    setup.programme_start = c.programme.start_date;
    out.fresh = std::move(setup);
  }
  out.log_base = sent.logs;
  out.logs = c.logs.subspan(sent.logs);
  out.checkpoint_base = sent.checkpoints;
  out.checkpoints = c.checkpoints.subspan(sent.checkpoints);
  if (c.history_id != 0) {
    const Sent now{static_cast<std::uint32_t>(c.logs.size()),
                   static_cast<std::uint32_t>(c.checkpoints.size())};
    if (!histories_.empty() && histories_.front().first == c.history_id) {
      histories_.front().second = now;
    } else {
      histories_.emplace_front(c.history_id, now);
      if (histories_.size() > kHostHistories) {
        forget_.push_back(histories_.back().first);
        histories_.pop_back();
      }
    }
  }
  return out;
}

std::vector<Result<host_wire::Reply>> IsolatedPlugin::exchange(
    std::vector<CallKind> kinds,
    const std::function<std::string(std::span<const std::uint64_t> forget)>& encode) const {
  std::vector<Result<host_wire::Reply>> out;
  out.reserve(kinds.size());
  auto fail_rest = [&](const Error& error) {
    while (out.size() < kinds.size()) out.emplace_back(error);
  };
  if (auto status = ensure_started(); !status) {
    fail_rest(status.failure());
    return out;
  }
  std::vector<std::uint64_t> forget;
  forget.swap(forget_);
  const std::string payload = encode(forget);
  std::string bytes;
  bytes.reserve(payload.size() + 4);
  wire::append_frame(bytes, payload);
  auto during = [&](std::size_t i) { return "during `" + host_wire::call_name(kinds[i]) + "`"; };
  auto host_died = [&](std::size_t i, const std::string& how) {
    dead_ = died(how, during(i));
    child_.reset();
    histories_.clear();
    fail_rest(*dead_);
  };
  if (!child_->send(bytes)) {
    host_died(0, child_->reap());
    return out;
  }
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    auto reply_bytes = child_->read_frame(std::chrono::steady_clock::now() + options_.timeout);
    if (!reply_bytes) {
      const auto fault = reply_bytes.failure().fault;
      if (fault == ChildFault::timed_out) {
        child_->reap();
        host_died(i, "did not answer within " + seconds(options_.timeout) +
                         " (the limit: RUNBACK_PLUGIN_TIMEOUT) and was stopped");
      } else if (fault == ChildFault::gone) {
        host_died(i, child_->reap());
      } else {
        child_->reap();
        host_died(i, "sent " + reply_bytes.error());
      }
      return out;
    }
    auto reply = host_wire::decode_reply(kinds[i], *reply_bytes);
    if (!reply) {
      child_->reap();
      host_died(i, "sent " + reply.error());
      return out;
    }
    if (reply->error) {
      out.emplace_back(*reply->error);
    } else {
      out.emplace_back(std::move(*reply));
    }
  }
  // What the plugin wrote to stderr meanwhile, passed on (what it printed to stdout the host
  // caught, call by call, as errors of those calls).
  child_->drain();
  return out;
}

std::vector<Result<host_wire::Reply>> IsolatedPlugin::call_batch(
    std::span<const HookCall> calls) const {
  const std::lock_guard one_request_at_a_time(mutex_);
  std::vector<host_wire::ContextCallView> wire_calls;
  wire_calls.reserve(calls.size());
  if (!dead_ && !child_) {
    // A host started afresh knows no history.
    histories_.clear();
    forget_.clear();
  }
  std::vector<CallKind> kinds;
  kinds.reserve(calls.size());
  for (const auto& call : calls) {
    wire_calls.push_back(context_call(call));
    kinds.push_back(wire_calls.back().kind);
  }
  return exchange(std::move(kinds), [&](std::span<const std::uint64_t> forget) {
    return host_wire::encode_context_calls(forget, wire_calls);
  });
}

std::vector<ExtensionReply> IsolatedPlugin::call_all(std::span<const ExtensionCall> calls) const {
  auto hook_of = [](ExtensionCall::Hook hook) {
    switch (hook) {
      case ExtensionCall::Hook::exercises:
        return Hook::exercises;
      case ExtensionCall::Hook::session_cues:
        return Hook::session_cues;
      case ExtensionCall::Hook::questions:
        return Hook::questions;
      case ExtensionCall::Hook::verdict:
        break;
    }
    return Hook::verdict;
  };
  std::vector<HookCall> hook_calls;
  hook_calls.reserve(calls.size());
  for (const ExtensionCall& call : calls) {
    hook_calls.push_back({hook_of(call.hook), &call.context, call.log});
  }
  auto answered = call_batch(hook_calls);
  std::vector<ExtensionReply> replies(calls.size());
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (!answered[i]) {
      replies[i].error = answered[i].failure();
      continue;
    }
    host_wire::Reply& reply = *answered[i];
    replies[i].exercises = std::move(reply.exercises);
    replies[i].cues = std::move(reply.cues);
    replies[i].questions = std::move(reply.questions);
    if (reply.verdict) replies[i].verdict = std::move(*reply.verdict);
  }
  return replies;
}

std::vector<Diagnostic> IsolatedPlugin::validate(const PluginRef& ref) const {
  host_wire::Call call;
  call.kind = CallKind::validate;
  call.ref = ref;
  const std::lock_guard one_request_at_a_time(mutex_);
  auto replies = exchange({call.kind}, [&](std::span<const std::uint64_t> forget) {
    return encode_alone(forget, std::move(call));
  });
  if (!replies[0]) return {{Severity::error, ref.where, "plugin", replies[0].error()}};
  return std::move(replies[0]->diagnostics);
}

std::vector<std::string> IsolatedPlugin::check_programme_params(
    const std::map<std::string, std::string>& params) const {
  host_wire::Call call;
  call.kind = CallKind::check_programme_params;
  call.params = params;
  const std::lock_guard one_request_at_a_time(mutex_);
  auto replies = exchange({call.kind}, [&](std::span<const std::uint64_t> forget) {
    return encode_alone(forget, std::move(call));
  });
  if (!replies[0]) return {replies[0].error()};
  return std::move(replies[0]->problems);
}

namespace {

Result<host_wire::Reply> one(const IsolatedPlugin& plugin, Hook hook,
                             const ExtensionContext& context, const DayLog* log) {
  const HookCall call{hook, &context, log};
  auto replies = plugin.call_batch(std::span<const HookCall>(&call, 1));
  return std::move(replies[0]);
}

}  // namespace

Result<std::vector<Exercise>> IsolatedPlugin::exercises(const ExtensionContext& context) const {
  auto reply = one(*this, Hook::exercises, context, nullptr);
  if (!reply) return reply.failure();
  return std::move(reply->exercises);
}

Result<std::vector<SessionCue>> IsolatedPlugin::session_cues(
    const ExtensionContext& context) const {
  auto reply = one(*this, Hook::session_cues, context, nullptr);
  if (!reply) return reply.failure();
  return std::move(reply->cues);
}

Result<std::vector<CheckpointQuestion>> IsolatedPlugin::questions(
    const ExtensionContext& context) const {
  auto reply = one(*this, Hook::questions, context, nullptr);
  if (!reply) return reply.failure();
  return std::move(reply->questions);
}

Result<Verdict> IsolatedPlugin::verdict(const ExtensionContext& context, const DayLog& log) const {
  auto reply = one(*this, Hook::verdict, context, &log);
  if (!reply) return reply.failure();
  if (!reply->verdict) return Verdict{Action{ActionKind::proceed, 0, 0}, ""};
  return std::move(*reply->verdict);
}

}  // namespace runback

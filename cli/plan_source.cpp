#include "plan_source.hpp"

#include <cctype>

#include "extension/programme_plugin.hpp"
#include "plugin_host_for.hpp"
#include "protocol/loader.hpp"
#include "protocol/personalise.hpp"
#include "protocol/protocol_archive.hpp"
#include "store/programme_text.hpp"

namespace runback::cli {

PlanSource::PlanSource(const Context& context, Store* store)
    : host_(plugin_host_for(context)), store_(store) {}

Result<std::unique_ptr<Protocol>> PlanSource::parse(const Programme& programme,
                                                    const std::string& text) {
  LoadResult loaded = load_protocol_text(
      text, programme.protocol_id + " " + programme.protocol_version + " (as started)");
  if (!loaded.protocol) {
    std::string why;
    for (const auto& d : loaded.diagnostics) {
      if (d.severity == Severity::error) why += "\n  " + format_diagnostic(d);
    }
    return Error{"the protocol this programme started with (" + programme.protocol_id + " " +
                 programme.protocol_version + ") can no longer be read:" + why};
  }
  return std::make_unique<Protocol>(std::move(*loaded.protocol));
}

Result<std::unique_ptr<Protocol>> PlanSource::read_stored(const Programme& programme) {
  auto stored = store_->snapshot(programme.snapshot_id, kProtocolArchiveVersion, false);
  if (!stored) return Error{stored.error()};
  if (stored->compiled) {
    auto decoded = decode_protocol(*stored->compiled);
    if (decoded) return std::make_unique<Protocol>(std::move(*decoded));
    // A damaged cache: the text is the truth.
    stored = store_->snapshot(programme.snapshot_id, kProtocolArchiveVersion, true);
    if (!stored) return Error{stored.error()};
  }
  auto parsed = parse(programme, stored->text);
  if (!parsed) return parsed;
  // Best effort: a busy or read-only database just parses again next time.
  (void)store_->cache_compiled_snapshot(programme.snapshot_id, kProtocolArchiveVersion,
                                        encode_protocol(**parsed));
  return parsed;
}

Result<const Protocol*> PlanSource::protocol_for(const Programme& programme) {
  auto shared = shared_protocol_for(programme);
  if (!shared || !is_personal(**shared)) return shared;
  return personal(**shared, programme);
}

const Protocol* PlanSource::personal(const Protocol& shared, const Programme& programme) {
  auto key = std::tuple(&shared, goal_text(programme.goal), programme.option);
  auto it = personal_.find(key);
  if (it == personal_.end()) {
    it = personal_
             .emplace(key, std::make_unique<Protocol>(
                               personalise(shared, programme.goal, programme.option)))
             .first;
  }
  return it->second.get();
}

Result<const Protocol*> PlanSource::shared_protocol_for(const Programme& programme) {
  if (store_ != nullptr && programme.snapshot_id != 0) {
    auto it = by_snapshot_id_.find(programme.snapshot_id);
    if (it == by_snapshot_id_.end()) {
      it = by_snapshot_id_.emplace(programme.snapshot_id, read_stored(programme)).first;
    }
    if (!it->second) return Error{it->second.error()};
    return it->second->get();
  }
  auto it = by_text_.find(programme.protocol_snapshot);
  if (it != by_text_.end()) return it->second.get();
  auto parsed = parse(programme, programme.protocol_snapshot);
  if (!parsed) return Error{parsed.error()};
  return by_text_.emplace(programme.protocol_snapshot, std::move(*parsed)).first->second.get();
}

namespace {

// A runner's name as typed on a command line: quoted when it has more than letters and digits.
std::string typed_name(const std::string& name) {
  bool plain = true;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '_' || c == '.' || u >= 0x80)) plain = false;
  }
  if (plain) return name;
  std::string quoted = "'";
  for (const char c : name) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string not_available(const Protocol& protocol, const std::string& why) {
  return protocol.id + " uses the plugin '" + protocol.plugin->name +
         "', which is not available (" + why + "); no run can count until it is";
}

// The plugin may be there; runback will not load any while a plugin variable is set wrong.
std::string not_loaded(const Protocol& protocol, const std::string& why) {
  return protocol.id + " uses the plugin '" + protocol.plugin->name +
         "', which is not loaded while a plugin setting is wrong (" + why +
         "); no run can count until it is mended";
}

}  // namespace

const PlanExtension* PlanSource::extension_for(const Protocol& protocol, std::string* problem) {
  if (!protocol.plugin) return nullptr;
  const auto& found = plugins_.find(protocol.plugin->name);
  if (!found) {
    if (problem) {
      *problem = found.error_kind() == ErrorKind::bad_input
                     ? not_loaded(protocol, found.error())
                     : not_available(protocol, found.error());
    }
    return nullptr;
  }
  return found->get();
}

Result<const PlanExtension*> PlanSource::extension_for(const Protocol& protocol,
                                                       const std::string& runner,
                                                       const Programme& programme,
                                                       std::string* problem) {
  if (!protocol.plugin) return static_cast<const PlanExtension*>(nullptr);
  auto found = plugins_.for_programme(runner, programme, protocol.plugin->name,
                                      "runback program upgrade --runner " + typed_name(runner));
  if (found) return found->get();
  // Another plugin than the programme's: nothing is planned for this runner.
  if (found.error_kind() == ErrorKind::conflict) return found.failure();
  if (problem) {
    *problem = found.error_kind() == ErrorKind::bad_input ? not_loaded(protocol, found.error())
                                                          : not_available(protocol, found.error());
  }
  return static_cast<const PlanExtension*>(nullptr);
}

ErrorKind PlanSource::plugin_problem_kind() const {
  return host_.misconfigured().empty() ? ErrorKind::plugin : ErrorKind::bad_input;
}

std::string plugin_failure_problem(const Protocol& protocol, const std::string& runner,
                                   const Plan& plan) {
  if (plan.plugin_failures.empty() || !protocol.plugin) return {};
  std::string text = "the plugin '" + protocol.plugin->name + "' failed while planning " + runner +
                     " (" + plan.plugin_failures.front();
  if (const std::size_t more = plan.plugin_failures.size() - 1; more > 0) {
    text += "; and " + std::to_string(more) + " other error" + (more == 1 ? "" : "s");
  }
  return text + "); until it works, no run it judges can count (`runback plugin list` shows it)";
}

Result<RunnerPlan> plan_for(PlanSource& source, const RunnerRecords& records, Date today,
                            std::string* problem, int explain_last, std::optional<Date> from,
                            int days) {
  auto protocol = source.protocol_for(records.programme);
  if (!protocol) return Error{protocol.error()};
  auto extension =
      source.extension_for(**protocol, records.runner.name, records.programme, problem);
  if (!extension) return extension.failure();
  const PlanRequest request{**protocol,
                            *extension,
                            records.programme,
                            records.logs,
                            records.clearances,
                            today,
                            from.value_or(monday_of(today)),
                            days,
                            730,
                            explain_last,
                            true};
  RunnerPlan planned{*protocol, make_plan(request)};
  if (problem && problem->empty()) {
    *problem = plugin_failure_problem(**protocol, records.runner.name, planned.plan);
  }
  return planned;
}

}  // namespace runback::cli

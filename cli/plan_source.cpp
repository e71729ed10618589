#include "plan_source.hpp"

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

const PlanExtension* PlanSource::extension_for(const Protocol& protocol, std::string* problem) {
  if (!protocol.plugin) return nullptr;
  const std::string& name = protocol.plugin->name;
  auto it = extensions_.find(name);
  if (it == extensions_.end()) it = extensions_.emplace(name, host_.find(name)).first;
  if (!it->second.ok()) {
    if (problem) {
      *problem = protocol.id + " uses the plugin '" + name + "', which is not available (" +
                 it->second.error() + "); no run can count until it is";
    }
    return nullptr;
  }
  return it->second->get();
}

Result<RunnerPlan> plan_for(PlanSource& source, const RunnerRecords& records, Date today,
                            std::string* problem, int explain_last, std::optional<Date> from,
                            int days) {
  auto protocol = source.protocol_for(records.programme);
  if (!protocol) return Error{protocol.error()};
  const PlanExtension* extension = source.extension_for(**protocol, problem);
  const PlanRequest request{**protocol,
                            extension,
                            records.programme,
                            records.logs,
                            records.clearances,
                            today,
                            from.value_or(monday_of(today)),
                            days,
                            730,
                            explain_last,
                            true};
  return RunnerPlan{*protocol, make_plan(request)};
}

}  // namespace runback::cli

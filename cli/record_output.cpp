#include "record_output.hpp"

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"

#include <ostream>

namespace runback::cli {

std::optional<Store> open_store(Context& context, OpenMode mode) {
  auto path = resolve_db_path(context.env, context.db_path);
  if (!path) {
    fail(context, ErrorKind::bad_input, path.error());
    return std::nullopt;
  }
  auto store = Store::open(*path, mode);
  if (!store) {
    fail(context, store.failure());
    return std::nullopt;
  }
  return std::move(*store);
}

std::optional<Runner> resolve_runner(Context& context, Store& store) {
  auto runner = store.resolve_runner(context.runner);
  if (!runner) {
    fail(context, ErrorKind::bad_input, runner.error());
    return std::nullopt;
  }
  return *runner;
}

nlohmann::ordered_json log_row_json(const LogRow& row) {
  nlohmann::ordered_json j;
  auto optional_int = [](const std::optional<int>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  auto optional_bool = [](const std::optional<bool>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  j["date"] = format_date(row.date);
  j["session"] = row.session ? nlohmann::ordered_json(session_outcome_name(*row.session)) : nullptr;
  j["pain_warmup"] = optional_int(row.pain_warmup);
  j["pain_during"] = optional_int(row.pain_during);
  j["pain_after"] = optional_int(row.pain_after);
  j["pain_next_morning"] = optional_int(row.pain_next_morning);
  j["stiffness_minutes"] = optional_int(row.stiffness_minutes);
  j["swelling"] = optional_bool(row.swelling);
  j["limp"] = optional_bool(row.limp);
  j["red_flags"] = row.red_flags;
  j["answers"] = nlohmann::ordered_json::object();
  for (const auto& [key, value] : row.answers) j["answers"][key] = value;
  j["note"] = row.note.value_or("");
  return j;
}

void append_log_row_json(std::string& out, const LogRow& row) {
  auto number = [&](const char* key, const std::optional<int>& v) {
    out += key;
    out += v ? std::to_string(*v) : "null";
  };
  auto flag = [&](const char* key, const std::optional<bool>& v) {
    out += key;
    out += v ? (*v ? "true" : "false") : "null";
  };
  auto text = [&](const std::string& value) { out += nlohmann::json(value).dump(); };
  out += "{\"date\":\"";
  out += format_date(row.date);
  out += "\",\"session\":";
  out += row.session ? "\"" + session_outcome_name(*row.session) + "\"" : std::string("null");
  number(",\"pain_warmup\":", row.pain_warmup);
  number(",\"pain_during\":", row.pain_during);
  number(",\"pain_after\":", row.pain_after);
  number(",\"pain_next_morning\":", row.pain_next_morning);
  number(",\"stiffness_minutes\":", row.stiffness_minutes);
  flag(",\"swelling\":", row.swelling);
  flag(",\"limp\":", row.limp);
  out += ",\"red_flags\":[";
  for (std::size_t i = 0; i < row.red_flags.size(); ++i) {
    if (i > 0) out += ',';
    text(row.red_flags[i]);
  }
  out += "],\"answers\":{";
  bool first = true;
  for (const auto& [key, value] : row.answers) {
    if (!first) out += ',';
    first = false;
    text(key);
    out += ':';
    text(value);
  }
  out += "},\"note\":";
  text(row.note.value_or(""));
  out += '}';
}

nlohmann::ordered_json clearance_json(const Clearance& clearance) {
  return {{"date", format_date(clearance.date)}, {"by", clearance.by}, {"note", clearance.note}};
}

nlohmann::ordered_json programme_json(const Programme& p, bool with_snapshot) {
  nlohmann::ordered_json j;
  j["protocol_id"] = p.protocol_id;
  j["protocol_version"] = p.protocol_version;
  j["plugin_name"] = p.plugin_name;
  j["plugin_version"] = p.plugin_version;
  // The library recorded with the plugin, only when recorded (older programmes have none).
  if (!p.plugin_digest.empty()) j["plugin_digest"] = p.plugin_digest;
  if (!p.plugin_path.empty()) j["plugin_path"] = p.plugin_path;
  j["start_date"] = format_date(p.start_date);
  j["starting_stage"] = p.starting_stage + 1;
  j["params"] = nlohmann::ordered_json::object();
  for (const auto& [key, value] : p.params) j["params"][key] = value;
  j["run_days"] = nlohmann::ordered_json::array();
  for (auto day : p.run_days) j["run_days"].push_back(weekday_short(day));
  j["run_days_changes"] = nlohmann::ordered_json::array();
  for (const RunDaysChange& change : p.run_days_changes) {
    nlohmann::ordered_json days = nlohmann::ordered_json::array();
    for (auto day : change.days) days.push_back(weekday_short(day));
    j["run_days_changes"].push_back({{"from", format_date(change.from)}, {"run_days", days}});
  }
  j["usual_pain"] = p.usual_pain ? nlohmann::ordered_json(*p.usual_pain) : nullptr;
  j["usual_stiffness_minutes"] =
      p.usual_stiffness_minutes ? nlohmann::ordered_json(*p.usual_stiffness_minutes) : nullptr;
  // Format 2's choices at start, only when made (documents of other programmes stay the same).
  if (p.goal) j["goal"] = format_amount(*p.goal);
  if (!p.option.empty()) j["option"] = p.option;
  j["active"] = p.active;
  if (with_snapshot) j["protocol_snapshot"] = p.protocol_snapshot;
  return j;
}

nlohmann::ordered_json audit_json(const AuditEntry& e) {
  nlohmann::ordered_json j;
  j["subject"] = e.subject;
  j["date"] = e.date ? nlohmann::ordered_json(format_date(*e.date)) : nullptr;
  j["field"] = e.field;
  j["old_value"] = e.old_value ? nlohmann::ordered_json(*e.old_value) : nullptr;
  j["new_value"] = e.new_value ? nlohmann::ordered_json(*e.new_value) : nullptr;
  j["changed_at"] = e.changed_at;
  return j;
}

std::string describe_log(const LogRow& row) {
  std::string parts;
  auto add = [&](const std::string& part) { parts += (parts.empty() ? "" : ", ") + part; };
  if (row.session) add("session " + session_outcome_name(*row.session));
  if (row.pain_warmup) add("pain in the warm-up " + std::to_string(*row.pain_warmup) + "/10");
  if (row.pain_during) add("pain during " + std::to_string(*row.pain_during) + "/10");
  if (row.pain_after) add("pain after " + std::to_string(*row.pain_after) + "/10");
  if (row.pain_next_morning) {
    add("next-morning pain " + std::to_string(*row.pain_next_morning) + "/10");
  }
  if (row.stiffness_minutes) add("stiffness " + std::to_string(*row.stiffness_minutes) + " min");
  if (row.swelling) add(*row.swelling ? "swelling" : "no swelling");
  if (row.limp) add(*row.limp ? "limp" : "no limp");
  for (const auto& flag : row.red_flags) add("red flag " + flag);
  for (const auto& [key, value] : row.answers) add(key + " = " + value);
  if (row.note) add("note \"" + *row.note + "\"");
  return parts.empty() ? "nothing" : parts;
}

}  // namespace runback::cli

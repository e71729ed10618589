#include "store/records_csv_json.hpp"

#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>

#include "store/log_row.hpp"
#include "store/programme_text.hpp"

namespace runback {

std::string programme_json(const Programme& p) {
  nlohmann::ordered_json object;
  object["protocol_id"] = p.protocol_id;
  object["protocol_version"] = p.protocol_version;
  object["plugin_name"] = p.plugin_name;
  object["plugin_version"] = p.plugin_version;
  object["starting_stage"] = p.starting_stage;
  object["params"] = p.params;
  object["run_days"] = run_days_schedule_text(p);
  object["usual_pain"] = p.usual_pain ? nlohmann::ordered_json(*p.usual_pain) : nullptr;
  object["usual_stiffness_minutes"] =
      p.usual_stiffness_minutes ? nlohmann::ordered_json(*p.usual_stiffness_minutes) : nullptr;
  // Format 2's choices at start: written only when made, so older files read the same.
  if (p.goal) object["goal"] = goal_text(p.goal);
  if (!p.option.empty()) object["option"] = p.option;
  // The plugin library recorded at start: written only when known, so older files read the same.
  if (!p.plugin_digest.empty()) object["plugin_digest"] = p.plugin_digest;
  if (!p.plugin_path.empty()) object["plugin_path"] = p.plugin_path;
  object["active"] = p.active;
  object["protocol_snapshot"] = p.protocol_snapshot;
  return object.dump();
}

// An audit entry (a value replaced, a programme upgraded) as the `programme` column holds it.
std::string audit_json(const AuditEntry& entry) {
  auto text_or_null = [](const std::optional<std::string>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json object;
  object["subject"] = entry.subject;
  object["date"] = entry.date ? nlohmann::ordered_json(format_date(*entry.date))
                              : nlohmann::ordered_json(nullptr);
  object["field"] = entry.field;
  object["old_value"] = text_or_null(entry.old_value);
  object["new_value"] = text_or_null(entry.new_value);
  object["changed_at"] = entry.changed_at;
  return object.dump();
}

Result<AuditEntry> parse_audit_json(std::string_view text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error{
        "programme: an audit record needs a JSON object with subject, date, field, "
        "old_value, new_value and changed_at"};
  }
  AuditEntry entry;
  auto text_of = [&](const char* key, bool nullable) -> Result<std::optional<std::string>> {
    auto it = parsed.find(key);
    if (it != parsed.end() && it->is_string()) return std::optional(it->get<std::string>());
    if (nullable && it != parsed.end() && it->is_null()) return std::optional<std::string>();
    return Error{std::string("programme: '") + key + "' is missing or not " +
                 (nullable ? "text or null" : "text")};
  };
  auto subject = text_of("subject", false);
  if (!subject) return Error{subject.error()};
  entry.subject = **subject;
  if (entry.subject != "log" && entry.subject != "programme") {
    return Error{"programme: 'subject' must be log or programme"};
  }
  auto date = text_of("date", true);
  if (!date) return Error{date.error()};
  if (*date) {
    auto parsed_date = parse_date(**date);
    if (!parsed_date) return Error{"programme: date: " + parsed_date.error()};
    entry.date = *parsed_date;
  }
  auto field = text_of("field", false);
  if (!field) return Error{field.error()};
  entry.field = **field;
  if (entry.field.empty()) return Error{"programme: 'field' is empty"};
  auto old_value = text_of("old_value", true);
  if (!old_value) return Error{old_value.error()};
  entry.old_value = *old_value;
  auto new_value = text_of("new_value", true);
  if (!new_value) return Error{new_value.error()};
  entry.new_value = *new_value;
  auto changed_at = text_of("changed_at", false);
  if (!changed_at) return Error{changed_at.error()};
  entry.changed_at = **changed_at;
  if (!parse_date(std::string_view(entry.changed_at).substr(0, 10))) {
    return Error{"programme: 'changed_at' must start with the day, e.g. 2026-11-21T07:40:00Z"};
  }
  return entry;
}

Result<Programme> parse_programme_json(std::string_view text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error{"programme: expected a JSON object with protocol_id, protocol_version, ..."};
  }
  Programme p;
  auto text_of = [&](const char* key, std::string& out) -> Status {
    auto it = parsed.find(key);
    if (it == parsed.end() || !it->is_string()) {
      return Error{std::string("programme: '") + key + "' is missing or not text"};
    }
    out = it->get<std::string>();
    return ok_status();
  };
  for (auto [key, out] :
       {std::pair{"protocol_id", &p.protocol_id},
        std::pair{"protocol_version", &p.protocol_version},
        std::pair{"plugin_name", &p.plugin_name}, std::pair{"plugin_version", &p.plugin_version},
        std::pair{"protocol_snapshot", &p.protocol_snapshot}}) {
    if (auto done = text_of(key, *out); !done) return Error{done.error()};
  }
  if (p.protocol_id.empty()) return Error{"programme: 'protocol_id' is empty"};
  auto stage = parsed.find("starting_stage");
  if (stage == parsed.end() || !stage->is_number_integer() || stage->get<int>() < 0) {
    return Error{"programme: 'starting_stage' must be a whole number from 0"};
  }
  p.starting_stage = stage->get<int>();
  auto active = parsed.find("active");
  if (active == parsed.end() || !active->is_boolean()) {
    return Error{"programme: 'active' must be true or false"};
  }
  p.active = active->get<bool>();
  auto params = parsed.find("params");
  if (params == parsed.end()) return Error{"programme: 'params' is missing"};
  auto params_parsed = params_from_json(params->dump());
  if (!params_parsed) return Error{"programme: params: " + params_parsed.error()};
  p.params = std::move(*params_parsed);
  std::string days;
  if (auto done = text_of("run_days", days); !done) return Error{done.error()};
  if (auto done = parse_run_days_schedule(days, p); !done) {
    return Error{"programme: run_days: " + done.error()};
  }
  // Files written before runback recorded the usual values have neither key.
  for (auto [key, out, max] :
       {std::tuple{"usual_pain", &p.usual_pain, 10},
        std::tuple{"usual_stiffness_minutes", &p.usual_stiffness_minutes, kMaxStiffnessMinutes}}) {
    auto it = parsed.find(key);
    if (it == parsed.end() || it->is_null()) continue;
    if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > max) {
      return Error{std::string("programme: '") + key + "' must be a whole number from 0 to " +
                   std::to_string(max)};
    }
    *out = it->get<int>();
  }
  if (auto goal = parsed.find("goal"); goal != parsed.end() && !goal->is_null()) {
    auto read = goal->is_string() ? parse_goal_text(goal->get<std::string>())
                                  : Result<std::optional<Amount>>(Error{"expected a text"});
    if (!read) return Error{"programme: 'goal': " + read.error()};
    p.goal = *read;
  }
  if (auto option = parsed.find("option"); option != parsed.end() && !option->is_null()) {
    if (!option->is_string()) return Error{"programme: 'option' must be a text"};
    p.option = option->get<std::string>();
  }
  // Files written before runback recorded the plugin's library have neither key.
  for (auto [key, out] :
       {std::pair{"plugin_digest", &p.plugin_digest}, std::pair{"plugin_path", &p.plugin_path}}) {
    auto it = parsed.find(key);
    if (it == parsed.end() || it->is_null()) continue;
    if (!it->is_string()) return Error{std::string("programme: '") + key + "' must be a text"};
    *out = it->get<std::string>();
  }
  return p;
}

}  // namespace runback

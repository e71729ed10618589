#include "store/log_row.hpp"

#include <nlohmann/json.hpp>

#include "protocol/describe.hpp"

namespace runback {

bool LogRow::empty() const {
  return !session && !pain_warmup && !pain_during && !pain_after && !pain_next_morning &&
         !stiffness_minutes && !swelling && !limp && red_flags.empty() && answers.empty() && !note;
}

namespace {

std::optional<std::string> text_of(const std::optional<int>& v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}
std::optional<std::string> text_of(const std::optional<bool>& v) {
  if (!v) return std::nullopt;
  return std::string(*v ? "yes" : "no");
}

}  // namespace

void copy_scalar(LogRow& row, const LogRow& from, std::string_view name) {
  if (name == "session") row.session = from.session;
  if (name == "pain_warmup") row.pain_warmup = from.pain_warmup;
  if (name == "pain_during") row.pain_during = from.pain_during;
  if (name == "pain_after") row.pain_after = from.pain_after;
  if (name == "pain_next_morning") row.pain_next_morning = from.pain_next_morning;
  if (name == "stiffness_minutes") row.stiffness_minutes = from.stiffness_minutes;
  if (name == "swelling") row.swelling = from.swelling;
  if (name == "limp") row.limp = from.limp;
  if (name == "note") row.note = from.note;
}

std::vector<StoredValue> log_scalar_fields(const LogRow& row) {
  return {
      {"session", row.session ? std::optional(session_outcome_name(*row.session)) : std::nullopt},
      {"pain_warmup", text_of(row.pain_warmup)},
      {"pain_during", text_of(row.pain_during)},
      {"pain_after", text_of(row.pain_after)},
      {"pain_next_morning", text_of(row.pain_next_morning)},
      {"stiffness_minutes", text_of(row.stiffness_minutes)},
      {"swelling", text_of(row.swelling)},
      {"limp", text_of(row.limp)},
      {"note", row.note},
  };
}

std::optional<SessionOutcome> implied_session(const LogRow& row) {
  if (row.session) return row.session;
  if (row.pain_warmup || row.pain_during || row.pain_after) return SessionOutcome::done;
  return std::nullopt;
}

LogRow to_log_row(const DayLog& log) {
  LogRow row;
  row.date = log.date;
  row.session = log.session;
  row.pain_warmup = log.pain_warmup;
  row.pain_during = log.pain_during;
  row.pain_after = log.pain_after;
  row.pain_next_morning = log.pain_next_morning;
  row.stiffness_minutes = log.stiffness_minutes;
  row.swelling = log.swelling;
  row.limp = log.limp;
  row.red_flags = log.red_flags;
  row.answers = log.answers;
  if (!log.note.empty()) row.note = log.note;
  return row;
}

std::optional<SessionOutcome> parse_session(std::string_view text) {
  if (text == "done") return SessionOutcome::done;
  if (text == "partial") return SessionOutcome::partial;
  if (text == "skipped") return SessionOutcome::skipped;
  return std::nullopt;
}

std::string join_red_flags(const std::vector<std::string>& flags) {
  std::string joined;
  for (const auto& flag : flags) {
    if (!joined.empty()) joined += ',';
    joined += flag;
  }
  return joined;
}

std::vector<std::string> split_red_flags(std::string_view text) {
  std::vector<std::string> flags;
  while (!text.empty()) {
    const auto comma = text.find(',');
    flags.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return flags;
}

std::string answers_to_json(const std::map<std::string, std::string>& answers) {
  if (answers.empty()) return "";
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : answers) object[key] = value;
  return object.dump();
}

Result<std::map<std::string, std::string>> answers_from_json(std::string_view text) {
  std::map<std::string, std::string> answers;
  if (text.empty()) return answers;
  auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error{"answers must be a JSON object of text values, e.g. {\"hop_test\":\"yes\"}"};
  }
  for (const auto& [key, value] : parsed.items()) {
    if (!value.is_string()) return Error{"the answer '" + key + "' is not a text value"};
    if (!is_valid_id(key)) return Error{"'" + key + "' is not a valid answer name"};
    answers[key] = value.get<std::string>();
  }
  return answers;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace runback

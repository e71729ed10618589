#include "store/programme_text.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "protocol/amount.hpp"
#include "store/log_row.hpp"

namespace runback {

std::string params_to_json(const std::map<std::string, std::string>& params) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : params) object[key] = value;
  return object.dump();
}

Result<std::map<std::string, std::string>> params_from_json(std::string_view text) {
  std::map<std::string, std::string> params;
  if (text.empty()) return params;
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return Error{"not a JSON object"};
  for (const auto& [key, value] : parsed.items()) {
    if (!value.is_string()) return Error{"the parameter '" + key + "' is not text"};
    params[key] = value.get<std::string>();
  }
  return params;
}

std::string run_days_schedule_text(const Programme& programme) {
  std::string text = run_days_text(programme.run_days);
  for (const RunDaysChange& change : programme.run_days_changes) {
    text += ";" + format_date(change.from) + "=" + run_days_text(change.days);
  }
  return text;
}

Status parse_run_days_schedule(std::string_view text, Programme& programme) {
  std::vector<RunDaysChange> changes;
  const auto first_end = text.find(';');
  auto first = parse_run_days(text.substr(0, first_end));
  if (!first) return Error{first.error()};
  while (first_end != std::string_view::npos && !text.empty()) {
    text.remove_prefix(text.find(';') + 1);
    const auto end = text.find(';');
    const std::string_view part = text.substr(0, end);
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) return Error{"'" + std::string(part) + "' is not DATE=DAYS"};
    auto from = parse_date(part.substr(0, eq));
    if (!from) return Error{from.error()};
    auto days = parse_run_days(part.substr(eq + 1));
    if (!days) return Error{days.error()};
    if (!changes.empty() && *from <= changes.back().from) {
      return Error{"run-day changes are not in date order"};
    }
    changes.push_back({*from, std::move(*days)});
    if (end == std::string_view::npos) break;
  }
  programme.run_days = std::move(*first);
  programme.run_days_changes = std::move(changes);
  return ok_status();
}

std::string run_days_text(const std::vector<std::chrono::weekday>& days) {
  std::string text;
  for (auto day : days) text += (text.empty() ? "" : ",") + weekday_short(day);
  return text;
}

Result<std::vector<std::chrono::weekday>> parse_run_days(std::string_view text) {
  std::vector<std::chrono::weekday> days;
  for (const auto& part : split_red_flags(text)) {
    auto day = parse_weekday(part);
    if (!day)
      return Error{"'" + part + "' is not a weekday; use mon, tue, wed, thu, fri, sat, sun"};
    if (std::find(days.begin(), days.end(), *day) != days.end()) {
      return Error{"'" + part + "' is given twice"};
    }
    days.push_back(*day);
  }
  return days;
}

std::string goal_text(const std::optional<Amount>& goal) {
  if (!goal) return {};
  // Six decimals of a metre or a second: exact for every goal a runner can type.
  char text[64];
  std::snprintf(text, sizeof text, "%.6f %s", goal->value,
                goal->kind == Amount::Kind::distance ? "m" : "s");
  return text;
}

Result<std::optional<Amount>> parse_goal_text(std::string_view text) {
  if (text.empty()) return std::optional<Amount>();
  auto amount = parse_amount(text);
  if (!amount) return Error{amount.error()};
  return std::optional<Amount>(*amount);
}

}  // namespace runback

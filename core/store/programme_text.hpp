#pragma once
// A programme's parameters and run days as the store keeps them in text, shared by the store,
// the CSV import/export and the commands that read run days from the user.

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "records/records.hpp"
#include "util/result.hpp"

namespace runback {

std::string params_to_json(const std::map<std::string, std::string>& params);
Result<std::map<std::string, std::string>> params_from_json(std::string_view text);
std::string run_days_text(const std::vector<std::chrono::weekday>& days);  // "mon,wed,fri"
Result<std::vector<std::chrono::weekday>> parse_run_days(std::string_view text);
// The run days with their later changes: "mon,wed,fri;2026-12-07=tue,thu,sat".
std::string run_days_schedule_text(const Programme& programme);
Status parse_run_days_schedule(std::string_view text, Programme& programme);
// The runner's goal as stored: "3218.688 m", "1800 s"; "" for none.
std::string goal_text(const std::optional<Amount>& goal);
Result<std::optional<Amount>> parse_goal_text(std::string_view text);

}  // namespace runback

#include "report/caseload_json.hpp"

#include "report/caseload_text.hpp"

namespace runback {
namespace {

nlohmann::ordered_json date_or_null(const std::optional<Date>& date) {
  return date ? nlohmann::ordered_json(format_date(*date)) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json attention_json(const RunnerAttention& r) {
  nlohmann::ordered_json j;
  j["tier"] = attention_tier_name(r.tier());
  if (!r.planned) {
    j["text"] = attention_text(r);
    return j;
  }
  j["stage"] = r.stage_number;
  j["stages"] = r.stage_count;
  j["complete"] = r.complete;
  j["stopped"] = r.stopped;
  j["stopped_on"] = date_or_null(r.stopped_on);
  j["red_flags"] = r.red_flags;
  j["stop_rule"] = r.stop_rule;
  j["last_log"] = date_or_null(r.last_log);
  j["days_since_log"] = r.days_silent;
  j["missed_since_last_log"] = r.missed_since_last_log;
  j["waiting_for"] = date_or_null(r.waiting_for);
  j["awaited"] = r.awaited;
  j["waiting_fails"] = r.waiting_fails;
  j["setbacks"] = r.setbacks;
  j["pain"] = r.pain;
  j["pain_trend"] = pain_trend_text(r.pain);
  j["next_run"] = date_or_null(r.next_run);
  j["failed_plugin"] = r.failed_plugin.empty() ? nlohmann::ordered_json(nullptr)
                                               : nlohmann::ordered_json(r.failed_plugin);
  j["text"] = attention_text(r);
  return j;
}

}  // namespace runback

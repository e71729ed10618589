#include "records/records.hpp"

namespace runback {

PluginIdentity recorded_plugin(const Programme& programme) {
  return {programme.plugin_name, programme.plugin_version, programme.plugin_digest,
          programme.plugin_path};
}

const std::vector<std::chrono::weekday>& run_days_on(const Programme& programme, Date date) {
  const std::vector<std::chrono::weekday>* days = &programme.run_days;
  for (const RunDaysChange& change : programme.run_days_changes) {
    if (change.from > date) break;
    days = &change.days;
  }
  return *days;
}

std::optional<SessionOutcome> implied_session(const DayLog& log) {
  if (log.session) return log.session;
  if (log.pain_warmup || log.pain_during || log.pain_after) return SessionOutcome::done;
  return std::nullopt;
}

}  // namespace runback

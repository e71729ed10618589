#include "plan/calendar.hpp"

#include <algorithm>

namespace runback {
namespace {

const CalendarDay* stage_entry(const Protocol& protocol, int stage) {
  if (!protocol.calendar || stage < 0 || stage >= int(protocol.stages.size())) return nullptr;
  const std::string& id = protocol.stages[std::size_t(stage)].id;
  for (const CalendarDay& day : protocol.calendar->days) {
    if (day.stage == id) return &day;
  }
  return nullptr;
}

}  // namespace

std::optional<int> calendar_day_of(const Protocol& protocol, int stage) {
  const CalendarDay* entry = stage_entry(protocol, stage);
  if (!entry) return std::nullopt;
  return entry->day;
}

int calendar_gap(const Protocol& protocol, int stage) {
  const auto here = calendar_day_of(protocol, stage);
  const auto before = calendar_day_of(protocol, stage - 1);
  if (!here || !before) return 1;
  return std::max(1, *here - *before);
}

const CalendarDay* calendar_entry(const Protocol& protocol, int day) {
  if (!protocol.calendar) return nullptr;
  for (const CalendarDay& entry : protocol.calendar->days) {
    if (entry.day == day) return &entry;
  }
  return nullptr;
}

int calendar_length(const Protocol& protocol) {
  if (!protocol.calendar || protocol.calendar->days.empty()) return 0;
  return protocol.calendar->days.back().day;
}

}  // namespace runback

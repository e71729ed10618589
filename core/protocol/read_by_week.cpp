// `frequency.by_week` (format 2): the frequency for some programme weeks. An override can only add
// caution (the planner takes the more cautious value of it and the stage's frequency), so the
// checks here are about what the author meant: weeks that make sense, never two rules for one
// week, and a warning when a rule asks for nothing the frequency does not already ask for.
#include <algorithm>

#include "protocol/sections.hpp"

namespace runback::loading {
namespace {

using yaml::Field;

constexpr int kLastProgrammeWeek = 104;  // two years: far past any return-to-run programme

std::string week_span_words(const WeekFrequency& week) {
  return week.from_week == week.to_week
             ? "week " + std::to_string(week.from_week)
             : "weeks " + std::to_string(week.from_week) + "-" + std::to_string(week.to_week);
}

// `weeks: 2` or `weeks: [1, 2]`.
bool read_weeks(Loading& loading, const Field& field, WeekFrequency& out) {
  if (!field.node.IsSequence()) {
    const auto week = loading.reader.integer(field, 1, kLastProgrammeWeek);
    if (!week) return false;
    out.from_week = out.to_week = *week;
    return true;
  }
  auto items = loading.reader.list(field, "weeks");
  if (!items) return false;
  if (items->size() != 2) {
    loading.reader.error(field,
                         "expected one week, 'weeks: 3', or the first and last of a span, "
                         "'weeks: [1, 2]'");
    return false;
  }
  const auto from = loading.reader.integer((*items)[0], 1, kLastProgrammeWeek);
  const auto to = loading.reader.integer((*items)[1], 1, kLastProgrammeWeek);
  if (!from || !to) return false;
  if (*from > *to) {
    loading.reader.error((*items)[0], "is week " + std::to_string(*from) + ", after the last (" +
                                          std::to_string(*to) +
                                          "); expected the first week, then the last");
    return false;
  }
  out.from_week = *from;
  out.to_week = *to;
  return true;
}

// `sessions_per_week: 2` or `{min: 2, max: 3}`, as in a frequency.
bool read_week_sessions(Loading& loading, const Field& field, WeekFrequency& out) {
  if (!field.node.IsMap()) {
    const auto value = loading.reader.integer(field, 1, 7);
    if (!value) return false;
    out.sessions_min = out.sessions_max = *value;
    return true;
  }
  auto range = loading.reader.map(field, {"min", "max"}, "a range of runs a week");
  if (!range) return false;
  const Field* min = range->require(loading.reader, "min", "the fewest runs a week, 1 to 7");
  const Field* max = range->require(loading.reader, "max", "the most runs a week, 1 to 7");
  if (!min || !max) return false;
  const auto low = loading.reader.integer(*min, 1, 7);
  const auto high = loading.reader.integer(*max, 1, 7);
  if (!low || !high) return false;
  if (*low > *high) {
    loading.reader.error(*min, "is " + std::to_string(*low) + ", more than max (" +
                                   std::to_string(*high) + "); expected min <= max");
    return false;
  }
  out.sessions_min = *low;
  out.sessions_max = *high;
  return true;
}

// Does the override ask for more than the frequency it sits in? (The more cautious value wins,
// so one that asks for no more rest and no fewer runs never changes a plan.)
bool adds_caution(const WeekFrequency& week, const Frequency& frequency) {
  return (week.min_rest_days && *week.min_rest_days > frequency.min_rest_days) ||
         (week.sessions_max && *week.sessions_max < frequency.sessions_max) ||
         (week.sessions_min && *week.sessions_min < frequency.sessions_min);
}

}  // namespace

void read_by_week(Loading& loading, const Field& field, Frequency& out) {
  auto items = loading.reader.list(field, "week rules");
  if (!items) return;
  std::vector<WeekFrequency> read;
  std::vector<const Field*> read_at;
  for (const Field& item : *items) {
    auto map = loading.reader.map(item, {"weeks", "sessions_per_week", "min_rest_days", "ref"},
                                  "a rule for some weeks");
    if (!map) continue;
    WeekFrequency week;
    bool good = true;
    const Field* weeks = map->require(loading.reader, "weeks",
                                      "the programme weeks it is for, e.g. 'weeks: [1, 2]'");
    good = weeks != nullptr && read_weeks(loading, *weeks, week);
    const Field* sessions = map->get("sessions_per_week");
    if (sessions != nullptr && !read_week_sessions(loading, *sessions, week)) good = false;
    const Field* rest = map->get("min_rest_days");
    if (rest != nullptr) {
      if (auto value = loading.reader.integer(*rest, 0, 6)) {
        week.min_rest_days = *value;
      } else {
        good = false;
      }
    }
    read_ref(loading, *map, week.ref);
    if (sessions == nullptr && rest == nullptr) {
      loading.reader.error(item,
                           "says nothing for its weeks; expected min_rest_days (0 to 6), "
                           "sessions_per_week (1 to 7) or both");
      good = false;
    }
    if (!good) continue;
    // Two rules for one week would leave the reader guessing which the author meant.
    for (std::size_t i = 0; i < read.size(); ++i) {
      if (week.from_week <= read[i].to_week && read[i].from_week <= week.to_week) {
        loading.reader.error(*weeks, week_span_words(week) + " overlaps " +
                                         week_span_words(read[i]) + " of an earlier rule (line " +
                                         std::to_string(read_at[i]->where.line) +
                                         "); give each week one rule");
        good = false;
        break;
      }
    }
    if (!good) continue;
    if (!adds_caution(week, out)) {
      loading.reader.warning(item,
                             "asks for no more rest and no fewer runs than the frequency "
                             "it sits in, so it changes nothing in " +
                                 week_span_words(week) +
                                 " (where both apply, the more cautious value wins)");
    }
    read.push_back(week);
    read_at.push_back(&item);
  }
  std::sort(read.begin(), read.end(), [](const WeekFrequency& a, const WeekFrequency& b) {
    return a.from_week < b.from_week;
  });
  out.by_week = std::move(read);
}

}  // namespace runback::loading

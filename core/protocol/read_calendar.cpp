// `calendar:` (format 2): a programme laid out by programme day. Read after the stages, since it
// names them; its contradictions with the keys that set the pace another way (runs a week, rest
// days, sessions to advance, moves per 7 days) are reported at those keys.
#include <algorithm>
#include <set>

#include "protocol/describe.hpp"
#include "protocol/sections.hpp"
#include "util/suggest.hpp"

namespace runback::loading {
namespace {

using yaml::Field;

constexpr int kLastCalendarDay = 730;  // two years: longer than any published programme

// A key of a map node, as a Field, or nothing when the node is not a map or lacks the key.
std::optional<Field> key_of(Loading& loading, const Field& map, const std::string& key) {
  if (!map.node.IsMap()) return std::nullopt;
  for (const auto& entry : map.node) {
    if (!entry.first.IsScalar() || entry.first.Scalar() != key) continue;
    return Field{
        entry.second, yaml::child_path(map.path, key),
        loading.reader.location(entry.second, loading.reader.location(entry.first.Mark()))};
  }
  return std::nullopt;
}

// The keys that set the pace another way. A calendar sets it by its days: each stage is one
// session (sessions_to_advance 1), the rest between runs is the calendar's gap, and the runs a
// week follow from the days.
void refuse_other_pace_keys(Loading& loading, const Field& root) {
  auto refuse = [&](const std::optional<Field>& key, const std::string& why) {
    if (key) loading.reader.error(*key, "cannot be used with a calendar: " + why);
  };
  const std::string days_set =
      "the calendar's days set when each run comes; remove it (or the calendar)";
  auto frequency_keys = [&](const Field& holder) {
    if (auto frequency = key_of(loading, holder, "frequency")) {
      refuse(key_of(loading, *frequency, "sessions_per_week"), days_set);
      refuse(key_of(loading, *frequency, "min_rest_days"), days_set);
      refuse(key_of(loading, *frequency, "by_week"), days_set);
    }
  };
  const std::string one_session =
      "in a calendar each stage is one session on its own day, so a stage moves on after 1 good "
      "session";
  auto advance_key = [&](const Field& holder) {
    auto advance = key_of(loading, holder, "sessions_to_advance");
    if (advance && !(advance->node.IsScalar() && advance->node.Scalar() == "1")) {
      refuse(advance, one_session);
    }
  };
  frequency_keys(root);
  if (auto progression = key_of(loading, root, "progression")) {
    advance_key(*progression);
    refuse(key_of(loading, *progression, "max_stages_per_7_days"),
           "the calendar's days are its pace (a run on each of its days moves on); remove it");
  }
  if (auto stages = key_of(loading, root, "stages"); stages && stages->node.IsSequence()) {
    for (std::size_t i = 0; i < stages->node.size(); ++i) {
      const Field stage{stages->node[i], yaml::index_path(stages->path, i),
                        loading.reader.location(stages->node[i], stages->where)};
      frequency_keys(stage);
      advance_key(stage);
    }
  }
}

void read_bad_day(Loading& loading, const Field& field, Calendar& calendar) {
  auto map = loading.reader.map(field, {"rest_days", "then", "ref"}, "a bad-day rule",
                                {"rest_days", "then", "ref"});
  if (!map) return;
  BadDay bad_day;
  if (const Field* rest = map->get("rest_days")) {
    if (auto value = loading.reader.integer(*rest, 0, 14)) bad_day.rest_days = *value;
  }
  if (const Field* then = map->get("then")) {
    if (auto value = loading.reader.choice(*then, kBadDayThenNames)) bad_day.then = *value;
  }
  read_ref(loading, *map, bad_day.ref);
  calendar.bad_day = bad_day;
}

std::optional<CalendarDay> read_day(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field, {"day", "stage", "recovery"}, "a calendar day");
  if (!map) return std::nullopt;
  CalendarDay day;
  day.where = field.where;
  bool good = true;
  if (const Field* number = map->require(loading.reader, "day",
                                         "every calendar entry needs its day, e.g. 'day: 3'")) {
    if (auto value = loading.reader.integer(*number, 1, kLastCalendarDay)) {
      day.day = *value;
    } else {
      good = false;
    }
  } else {
    good = false;
  }
  const Field* stage = map->get("stage");
  const Field* recovery = map->get("recovery");
  if (stage && recovery) {
    loading.reader.error(*recovery,
                         "a calendar day holds either a stage's session or a recovery day, not "
                         "both; give each its own day");
    return std::nullopt;
  }
  if (!stage && !recovery) {
    loading.reader.error(field,
                         "says nothing for the day; expected 'stage: ID' or 'recovery: true' "
                         "(a day not listed is an ordinary rest day)");
    return std::nullopt;
  }
  if (stage) {
    if (auto id = loading.reader.identifier(*stage)) {
      day.stage = *id;
    } else {
      good = false;
    }
  } else if (recovery->node.IsScalar() &&
             (recovery->node.Scalar() == "true" || recovery->node.Scalar() == "false")) {
    if (recovery->node.Scalar() == "false") {
      loading.reader.error(*recovery,
                           "is false; leave the day out instead (a day not listed is an "
                           "ordinary rest day)");
      good = false;
    }
    day.recovery = true;
  } else if (auto text = loading.reader.text(*recovery)) {
    day.recovery = true;
    day.activity = *text;
  } else {
    good = false;
  }
  if (!good) return std::nullopt;
  return day;
}

// Every stage once, in stage order, on days that ascend: the calendar is the stages' order.
void check_days(Loading& loading, const Field& days_field, const std::vector<Field>& items,
                const std::vector<CalendarDay>& days) {
  const std::vector<Stage>& stages = loading.protocol.stages;
  std::vector<std::string> ids;
  for (const Stage& stage : stages) ids.push_back(stage.id);
  std::size_t next_stage = 0;
  std::set<std::string> placed;
  bool in_order = true;
  auto named = [&](std::size_t index) {
    return "'" + stages[index].id + "' (stage " + std::to_string(index + 1) + ")";
  };
  for (std::size_t i = 0; i < days.size(); ++i) {
    const CalendarDay& day = days[i];
    if (day.stage.empty()) continue;
    const Field stage_field{items[i].node["stage"], yaml::child_path(items[i].path, "stage"),
                            loading.reader.location(items[i].node["stage"], day.where)};
    const int index = loading.protocol.stage_index(day.stage);
    if (index < 0) {
      const std::string suggestion = did_you_mean(day.stage, ids);
      loading.reader.error(stage_field, "no stage has the id '" + day.stage + "'" + suggestion);
      in_order = false;
      continue;
    }
    if (!placed.insert(day.stage).second) {
      loading.reader.error(stage_field,
                           "'" + day.stage +
                               "' is already on an earlier day; in a calendar each stage is one "
                               "session on its own day (make a stage for each day's session)");
      in_order = false;
      continue;
    }
    if (std::size_t(index) < next_stage) {
      loading.reader.error(stage_field, named(std::size_t(index)) + " comes after " +
                                            named(next_stage - 1) +
                                            "; the calendar lists the stages in their order");
      in_order = false;
    } else if (std::size_t(index) > next_stage) {
      loading.reader.error(stage_field, named(std::size_t(index)) +
                                            " is here, but the next stage is " + named(next_stage) +
                                            "; the calendar lists the stages in their order, each "
                                            "on its own day");
      in_order = false;
    }
    next_stage = std::max(next_stage, std::size_t(index) + 1);
  }
  std::vector<std::string> missing;
  for (const Stage& stage : stages) {
    if (!stage.id.empty() && !placed.count(stage.id)) missing.push_back(stage.id);
  }
  if (!missing.empty() && in_order) {
    loading.reader.error(
        days_field, "has no day for " + std::string(missing.size() == 1 ? "stage " : "stages ") +
                        join_with_and(missing) + "; a calendar gives every stage its day");
  }
}

// Two sessions further apart than a break rule: the runner would be stepped back by the
// protocol's own calendar.
void check_gaps_against_breaks(Loading& loading, const std::vector<Field>& items,
                               const std::vector<CalendarDay>& days) {
  const auto& breaks = loading.protocol.progression.breaks;
  if (breaks.empty()) return;
  const int shortest = breaks.front().days;  // sorted by days on load
  const CalendarDay* previous = nullptr;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i].stage.empty()) continue;
    if (previous && days[i].day - previous->day >= shortest) {
      const Field day_field{items[i].node["day"], yaml::child_path(items[i].path, "day"),
                            loading.reader.location(items[i].node["day"], days[i].where)};
      loading.reader.error(day_field, "puts " + std::to_string(days[i].day - previous->day) +
                                          " days between the sessions of day " +
                                          std::to_string(previous->day) + " and day " +
                                          std::to_string(days[i].day) +
                                          ", but progression.breaks steps a runner back after " +
                                          std::to_string(shortest) +
                                          " days without running; shorten the gap or lengthen "
                                          "the break rule");
    }
    previous = &days[i];
  }
}

}  // namespace

void read_calendar(Loading& loading, const Field& field, const Field& root) {
  auto map = loading.reader.map(field, {"days", "bad_day", "ref"}, "a calendar",
                                {"days", "bad_day", "ref"});
  if (!map) return;
  Calendar calendar;
  refuse_other_pace_keys(loading, root);
  std::vector<Field> items;
  if (const Field* days = map->require(loading.reader, "days",
                                       "a calendar needs its days, e.g. 'days: [{day: 1, stage: "
                                       "walk-1}, {day: 2, recovery: true}, {day: 3, stage: "
                                       "run-1}]'")) {
    if (auto list = loading.reader.list(*days, "calendar days")) {
      if (list->empty()) loading.reader.error(*days, "is empty; a calendar needs its days");
      std::vector<Field> kept;
      int last_day = 0;
      for (const Field& item : *list) {
        auto day = read_day(loading, item);
        if (!day) continue;
        if (day->day <= last_day) {
          const Field day_field{item.node["day"], yaml::child_path(item.path, "day"),
                                loading.reader.location(item.node["day"], item.where)};
          loading.reader.error(day_field, "is day " + std::to_string(day->day) +
                                              ", not after the day before it (day " +
                                              std::to_string(last_day) +
                                              "); list the days in order, each once");
        }
        last_day = std::max(last_day, day->day);
        calendar.days.push_back(*day);
        kept.push_back(item);
      }
      if (!calendar.days.empty() &&
          (calendar.days.front().day != 1 || calendar.days.front().stage.empty())) {
        // Day 1 is the programme's start date, and the day its first session is planned.
        loading.reader.error(
            kept.front(), "starts the calendar on day " +
                              std::to_string(calendar.days.front().day) +
                              (calendar.days.front().stage.empty() ? " with a recovery day" : "") +
                              "; a calendar starts with its first stage on "
                              "day 1, the programme's start date");
      }
      if (!calendar.days.empty() && !loading.protocol.stages.empty()) {
        check_days(loading, *days, kept, calendar.days);
        check_gaps_against_breaks(loading, kept, calendar.days);
      }
      items = std::move(kept);
    }
  }
  if (const Field* bad_day = map->get("bad_day")) read_bad_day(loading, *bad_day, calendar);
  read_ref(loading, *map, calendar.ref);
  // The calendar's pace, desugared into the keys it replaces: one good session moves a stage
  // on (the rest between runs and the moves per 7 days are the planner's, from the days).
  loading.protocol.progression.sessions_to_advance = 1;
  for (Stage& stage : loading.protocol.stages) stage.sessions_to_advance = 1;
  loading.protocol.calendar = std::move(calendar);
}

}  // namespace runback::loading

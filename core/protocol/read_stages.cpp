// Stages: their sessions, intensity and frequency.
#include <set>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "protocol/sections.hpp"
#include "util/suggest.hpp"

namespace runback::loading {
namespace {

using yaml::Field;

// Whole rest days between runs leave room for this many runs in 7 days.
int most_runs_in_a_week(int min_rest_days) {
  return 1 + 6 / (min_rest_days + 1);
}

std::optional<Amount> read_walk(Loading& loading, const Field& field) {
  return loading.reader.amount(field, std::nullopt);
}

void read_block(Loading& loading, const Field& field, Session& session) {
  auto map = loading.reader.map(field, {"run", "walk", "repeat"}, "an interval block");
  if (!map) return;
  IntervalBlock block;
  bool good = true;
  if (const Field* run = map->require(loading.reader, "run",
                                      "every block needs a run, e.g. 'run: 2 min' or "
                                      "'run: 400 m'")) {
    if (auto amount = loading.reader.amount(*run, std::nullopt)) {
      block.run = *amount;
    } else {
      good = false;
    }
  } else {
    good = false;
  }
  if (const Field* walk = map->get("walk")) {
    if (auto amount = read_walk(loading, *walk)) block.walk = *amount;
  }
  if (const Field* repeat = map->get("repeat")) {
    if (auto value = loading.reader.integer(*repeat, 1, 100)) block.repeat = *value;
  }
  if (good) session.blocks.push_back(block);
}

void read_session(Loading& loading, const Field& field, Session& session) {
  auto map = loading.reader.map(field, {"warmup_walk", "blocks", "cooldown_walk"}, "a session");
  if (!map) return;
  if (const Field* warmup = map->get("warmup_walk")) {
    if (auto amount = read_walk(loading, *warmup)) session.warmup_walk = *amount;
  }
  if (const Field* blocks = map->require(loading.reader, "blocks",
                                         "a session needs a list of blocks, e.g. "
                                         "'blocks: [{run: 1 min, walk: 2 min, repeat: 5}]'")) {
    if (auto items = loading.reader.list(*blocks, "blocks")) {
      if (items->empty())
        loading.reader.error(*blocks, "is empty; a session needs at least one block");
      for (const auto& item : *items) read_block(loading, item, session);
    }
  }
  if (const Field* cooldown = map->get("cooldown_walk")) {
    if (auto amount = read_walk(loading, *cooldown)) session.cooldown_walk = *amount;
  }
}

void read_intensity(Loading& loading, const Field& field, Intensity& intensity) {
  auto map = loading.reader.map(field, {"rpe", "talk_test", "cue", "ref"}, "an intensity");
  if (!map) return;
  if (const Field* rpe = map->get("rpe")) {
    if (rpe->node.IsSequence()) {
      auto items = loading.reader.list(*rpe, "two numbers");
      if (items && items->size() != 2) {
        loading.reader.error(*rpe, "has " + std::to_string(items->size()) +
                                       " values; expected a range of two, e.g. [3, 5], or one "
                                       "number");
      } else if (items) {
        auto low = loading.reader.integer((*items)[0], 0, 10);
        auto high = loading.reader.integer((*items)[1], 0, 10);
        if (low && high && *low > *high) {
          loading.reader.error(*rpe, "goes from " + std::to_string(*low) + " down to " +
                                         std::to_string(*high) +
                                         "; expected the lower effort first, e.g. [3, 5]");
        } else if (low && high) {
          intensity.rpe_min = *low;
          intensity.rpe_max = *high;
        }
      }
    } else if (auto value = loading.reader.integer(*rpe, 0, 10)) {
      intensity.rpe_min = intensity.rpe_max = *value;
    }
  }
  if (const Field* talk = map->get("talk_test")) {
    if (auto value = loading.reader.boolean(*talk)) intensity.talk_test = *value;
  }
  if (const Field* cue = map->get("cue")) {
    if (auto value = loading.reader.text(*cue)) intensity.cue = *value;
  }
  read_ref(loading, *map, intensity.ref);
}

void read_stage(Loading& loading, const Field& field, std::set<std::string>& ids) {
  auto map = loading.reader.map(field,
                                {"id", "name", "session", "intensity", "surface", "notes",
                                 "frequency", "sessions_to_advance", "exercises", "ref"},
                                "a stage");
  if (!map) return;
  Stage stage;
  stage.where = field.where;
  stage.frequency = loading.protocol.frequency;
  stage.sessions_to_advance = loading.protocol.progression.sessions_to_advance;
  if (const Field* id =
          map->require(loading.reader, "id", "every stage needs an id, e.g. 'id: week-1'")) {
    if (auto value = loading.reader.identifier(*id)) {
      if (!ids.insert(*value).second) {
        loading.reader.error(*id, "'" + *value +
                                      "' is already the id of an earlier stage; "
                                      "stage ids must be unique");
      }
      stage.id = *value;
    }
  }
  if (const Field* name = map->get("name")) {
    if (auto value = loading.reader.text(*name)) stage.name = *value;
  }
  if (stage.name.empty()) stage.name = stage.id;
  if (const Field* session = map->require(loading.reader, "session",
                                          "every stage needs a session (its blocks of running "
                                          "and walking)")) {
    read_session(loading, *session, stage.session);
  }
  if (const Field* intensity = map->get("intensity")) {
    read_intensity(loading, *intensity, stage.intensity);
  } else {
    loading.reader.warning(map->missing("intensity"),
                           "not given; runners pace better with a cue, e.g. "
                           "'intensity: {rpe: [3, 5], talk_test: true}'");
  }
  if (const Field* surface = map->get("surface")) {
    if (auto value = loading.reader.text(*surface)) stage.surface = *value;
  }
  if (const Field* notes = map->get("notes")) {
    if (auto value = loading.reader.text(*notes)) stage.notes = *value;
  }
  if (const Field* frequency = map->get("frequency")) {
    read_frequency(loading, *frequency, stage.frequency);
  }
  if (const Field* advance = map->get("sessions_to_advance")) {
    if (auto value = loading.reader.integer(*advance, 1, 20)) stage.sessions_to_advance = *value;
  }
  if (const Field* exercises = map->get("exercises")) {
    read_exercises(loading, *exercises, stage.exercises);
  }
  read_ref(loading, *map, stage.ref);
  loading.protocol.stages.push_back(std::move(stage));
}

// A large jump in running from one stage to the next: more than 50% more running time (or
// distance) in a session. Advisory only: novices whose weekly distance rose by more than 30%
// over two weeks had more injuries, a weak signal (Nielsen et al. 2014, clinical basis [5]).
// Format 2 only: three shipped format-1 protocols have such a jump (general-return gr-02: 5 to
// 8 min), and a format-1 file reads as it always did.
void warn_volume_jumps(Loading& loading) {
  if (loading.protocol.format < 2) return;
  const auto& stages = loading.protocol.stages;
  for (std::size_t i = 1; i < stages.size(); ++i) {
    const SessionTotals before = session_totals(stages[i - 1].session);
    const SessionTotals now = session_totals(stages[i].session);
    std::string rise;
    // Only like with like: a time with a time, a distance with a distance.
    if (before.run_seconds > 0 && now.run_seconds > before.run_seconds * 1.5) {
      rise = format_seconds(before.run_seconds) + " to " + format_seconds(now.run_seconds);
    } else if (before.run_metres > 0 && now.run_metres > before.run_metres * 1.5) {
      rise = format_metres(before.run_metres) + " to " + format_metres(now.run_metres);
    }
    if (rise.empty()) continue;
    loading.reader.warning(stages[i].where, "stages[" + std::to_string(i) + "].session",
                           "running rises from " + rise + " a session from stage '" +
                               stages[i - 1].id +
                               "', more than 50%; a large jump (advisory: weekly distance up "
                               "more than 30% over two weeks went with more injuries in "
                               "novices, a weak signal, Nielsen et al. 2014)");
  }
}

// `sessions_per_week: {min: 3, max: 4}`; format 2 adds `ref` and allows `max` alone ("up to").
void read_sessions_range(Loading& loading, const Field& sessions, Frequency& out) {
  auto range =
      loading.reader.map(sessions, {"min", "max", "ref"}, "a range of runs a week", {"ref"});
  if (!range) return;
  const bool format2 = loading.protocol.format >= 2;
  const Field* min = range->get("min");
  if (min == nullptr && !format2) {
    min = range->require(loading.reader, "min", "the fewest runs a week, 1 to 7");
  }
  const Field* max = range->require(loading.reader, "max", "the most runs a week, 1 to 7");
  const int high = max ? loading.reader.integer(*max, 1, 7).value_or(0) : 0;
  // Format 2: a max alone means "up to" that many, at least 1.
  const int low = min ? loading.reader.integer(*min, 1, 7).value_or(0) : (format2 ? 1 : 0);
  if (min && low > 0 && high > 0 && low > high) {
    loading.reader.error(*min, "is " + std::to_string(low) + ", more than max (" +
                                   std::to_string(high) + "); expected min <= max");
  } else if (low > 0 && high > 0) {
    out.sessions_min = low;
    out.sessions_max = high;
    out.sessions_up_to = min == nullptr;
  }
  out.sessions_ref.clear();
  read_ref(loading, *range, out.sessions_ref);
}

// `min_rest_days: 1`, or in format 2 `{days: 1, ref: ID}`.
void read_rest_days(Loading& loading, const Field& rest, Frequency& out) {
  out.rest_ref.clear();
  if (!rest.node.IsMap()) {
    if (auto value = loading.reader.integer(rest, 0, 6)) out.min_rest_days = *value;
    return;
  }
  if (loading.protocol.format < 2) {
    loading.reader.error(rest,
                         "as a map ({days: N, ref: ID}) is read by protocol format 2, and "
                         "this file is format " +
                             std::to_string(loading.protocol.format) +
                             ": put 'format: 2' at the top of the file, or write the "
                             "number alone");
    return;
  }
  auto map = loading.reader.map(rest, {"days", "ref"}, "rest days between runs");
  if (!map) return;
  if (const Field* days = map->require(loading.reader, "days",
                                       "whole days without running between two runs, 0 to 6")) {
    if (auto value = loading.reader.integer(*days, 0, 6)) out.min_rest_days = *value;
  }
  read_ref(loading, *map, out.rest_ref);
}

}  // namespace

void read_frequency(Loading& loading, const Field& field, Frequency& out) {
  auto map =
      loading.reader.map(field, {"sessions_per_week", "min_rest_days", "ref"}, "a frequency");
  if (!map) return;
  const Field* sessions = map->get("sessions_per_week");
  if (sessions != nullptr) {
    if (sessions->node.IsMap()) {
      read_sessions_range(loading, *sessions, out);
    } else {
      out.sessions_ref.clear();
      if (auto value = loading.reader.integer(*sessions, 1, 7)) {
        out.sessions_min = out.sessions_max = *value;
        out.sessions_up_to = false;
      }
    }
  }
  const Field* rest = map->get("min_rest_days");
  if (rest != nullptr) read_rest_days(loading, *rest, out);
  read_ref(loading, *map, out.ref);
  // Only say so where the clash was written (a stage that changes neither key inherits a clash
  // already reported at the top level).
  if ((sessions || rest) && out.sessions_min > most_runs_in_a_week(out.min_rest_days)) {
    const Field& at = rest ? *rest : *sessions;
    loading.reader.error(at, std::to_string(out.min_rest_days) + " rest day" +
                                 (out.min_rest_days == 1 ? "" : "s") +
                                 " between runs leave room for at most " +
                                 std::to_string(most_runs_in_a_week(out.min_rest_days)) +
                                 " runs in 7 days, but sessions_per_week asks for at least " +
                                 std::to_string(out.sessions_min));
  }
}

void read_stages(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "stages");
  if (!items) return;
  if (items->empty()) {
    loading.reader.error(field, "is empty; a protocol needs at least one stage");
    return;
  }
  std::set<std::string> ids;
  for (const auto& item : *items) read_stage(loading, item, ids);
  warn_volume_jumps(loading);
}

}  // namespace runback::loading

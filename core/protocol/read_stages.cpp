// Stages: their sessions, intensity and frequency.
#include <set>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "protocol/sections.hpp"
#include "util/suggest.hpp"

namespace runback::loading {
namespace {

using yaml::Field;
using yaml::Reader;

// Whole rest days between runs leave room for this many runs in 7 days.
int most_runs_in_a_week(int min_rest_days) {
  return 1 + 6 / (min_rest_days + 1);
}

std::optional<Amount> read_walk(Loading& loading, const Field& field) {
  return loading.reader.amount(field, std::nullopt);
}

// `rpe: 4` or `rpe: [3, 5]` (Borg CR10): a stage's intensity, or (format 2) one block's.
void read_rpe(Loading& loading, const Field& rpe, std::optional<int>& min,
              std::optional<int>& max) {
  if (rpe.node.IsSequence()) {
    auto items = loading.reader.list(rpe, "two numbers");
    if (items && items->size() != 2) {
      loading.reader.error(rpe, "has " + std::to_string(items->size()) +
                                    " values; expected a range of two, e.g. [3, 5], or one "
                                    "number");
    } else if (items) {
      auto low = loading.reader.integer((*items)[0], 0, 10);
      auto high = loading.reader.integer((*items)[1], 0, 10);
      if (low && high && *low > *high) {
        loading.reader.error(rpe, "goes from " + std::to_string(*low) + " down to " +
                                      std::to_string(*high) +
                                      "; expected the lower effort first, e.g. [3, 5]");
      } else if (low && high) {
        min = *low;
        max = *high;
      }
    }
  } else if (auto value = loading.reader.integer(rpe, 0, 10)) {
    min = max = *value;
  }
}

}  // namespace

std::optional<Speed> read_speed(Loading& loading, const Field& field, double most_kmh,
                                const std::string& what) {
  auto text = loading.reader.text(field);
  if (!text) return std::nullopt;
  auto speed = parse_speed(*text);
  if (!speed) {
    loading.reader.error(field, speed.error());
    return std::nullopt;
  }
  if (speed->value <= 0) {
    loading.reader.error(field, "is zero; expected more than zero");
    return std::nullopt;
  }
  if (speed_kmh(*speed) > most_kmh) {
    loading.reader.error(field, "is " + format_speed(*speed) + ", faster than " +
                                    format_number(most_kmh) + " km/h; expected " + what);
    return std::nullopt;
  }
  return *speed;
}

namespace {

// Format 2's keys of a block: where it starts, how far it repeats, and its own intensity. The
// contradictions are reported at the key that makes them.
void read_block_format2(Loading& loading, const yaml::MapFields& map, IntervalBlock& block) {
  Reader& reader = loading.reader;
  if (const Field* start = map.get("start_with")) {
    if (auto index = reader.choice(*start, {"run", "walk"})) {
      block.walk_first = *index == 1;
      if (block.walk_first && !(block.run && block.walk)) {
        reader.error(*start,
                     "is walk, but the block does not have both a run and a walk; "
                     "start_with orders the two, e.g. "
                     "'{walk: 0.1 mi, run: 0.1 mi, repeat: 10, start_with: walk}'");
      }
    }
  }
  if (const Field* until = map.get("until")) {
    if (auto amount = reader.amount(*until, std::nullopt)) {
      if (map.get("repeat")) {
        reader.error(*until,
                     "is given with 'repeat'; give one of the two: 'repeat: 5' rounds, "
                     "or 'until: 1.5 mi' rounds to a total");
      } else if (!block.run) {
        reader.error(*until,
                     "is given on a walk-only block; 'until' repeats a run and a walk "
                     "to a total, e.g. '{run: 3 min, walk: 2 min, until: 1.5 mi}'");
      } else {
        // One round that already reaches the total leaves nothing to repeat.
        double round = 0;
        bool comparable = true;
        for (const auto& part : {block.run, block.walk}) {
          if (!part) continue;
          if (part->kind != amount->kind) comparable = false;
          round += part->value;
        }
        if (comparable && round >= amount->value) {
          reader.error(*until, "is " + format_amount(*amount) +
                                   ", but one round already comes "
                                   "to " +
                                   format_amount(Amount{amount->kind, round}) +
                                   "; give a larger total, or drop 'until' for one round");
        } else {
          block.until = *amount;
        }
      }
    }
  }
  if (const Field* effort = map.get("effort")) {
    if (auto value = reader.text(*effort)) block.effort = *value;
  }
  if (const Field* rpe = map.get("rpe")) read_rpe(loading, *rpe, block.rpe_min, block.rpe_max);
  if (const Field* speed = map.get("speed")) {
    if (!block.run) {
      reader.error(*speed,
                   "is given on a walk-only block; the speed of a walk is "
                   "'walk_speed', e.g. 'walk_speed: 3.5 mph'");
    } else {
      block.speed = read_speed(loading, *speed, 30,
                               "a running speed such as '6 mph' or "
                               "'9.5 km/h'");
    }
  }
  if (const Field* walk_speed = map.get("walk_speed")) {
    if (!block.walk) {
      reader.error(*walk_speed,
                   "is given on a block without a walk; add 'walk', or give the "
                   "running speed as 'speed'");
    } else {
      block.walk_speed =
          read_speed(loading, *walk_speed, 10, "a walking speed such as '3.5 mph' or '5 km/h'");
      if (block.walk_speed && block.speed &&
          speed_kmh(*block.walk_speed) >= speed_kmh(*block.speed)) {
        reader.error(*walk_speed, "is " + format_speed(*block.walk_speed) +
                                      ", not slower than the running speed (" +
                                      format_speed(*block.speed) +
                                      "); expected the walk to be the slower of the two");
        block.walk_speed.reset();
      }
    }
  }
}

void read_block(Loading& loading, const Field& field, Session& session) {
  auto map = loading.reader.map(
      field,
      {"run", "walk", "repeat", "start_with", "until", "effort", "rpe", "speed", "walk_speed"},
      "an interval block", {"start_with", "until", "effort", "rpe", "speed", "walk_speed"});
  if (!map) return;
  IntervalBlock block;
  bool good = true;
  // Format 2 reads a walk-only block, `{walk: 20 min}`; format 1 needs a run in every block.
  const bool walk_alone = loading.reader.format() >= 2 && !map->get("run");
  if (walk_alone) {
    if (!map->get("walk")) {
      loading.reader.error(map->self(),
                           "has neither a run nor a walk; every block needs one, "
                           "e.g. 'run: 2 min' or, for a walk-only block, "
                           "'walk: 20 min'");
      good = false;
    }
  } else if (const Field* run = map->require(loading.reader, "run",
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
    if (auto amount = read_walk(loading, *walk)) {
      block.walk = *amount;
    } else if (walk_alone) {
      good = false;
    }
  }
  if (const Field* repeat = map->get("repeat")) {
    if (auto value = loading.reader.integer(*repeat, 1, 100)) block.repeat = *value;
  }
  if (good) read_block_format2(loading, *map, block);
  if (good) session.blocks.push_back(block);
}

}  // namespace

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

// `sessions: [{...}, {...}]` (format 2): the i-th good run in a row at the stage uses the i-th.
void read_session_list(Loading& loading, const Field& field, const Field* single, Stage& stage) {
  if (single) {
    loading.reader.error(field,
                         "is given with 'session'; give one of the two: 'session' for "
                         "one session, or 'sessions' for a list used run by run");
    return;
  }
  auto items = loading.reader.list(field, "sessions");
  if (!items) return;
  if (items->empty()) {
    loading.reader.error(field, "is empty; a stage needs at least one session");
    return;
  }
  read_session(loading, (*items)[0], stage.session);
  for (std::size_t i = 1; i < items->size(); ++i) {
    read_session(loading, (*items)[i], stage.later_sessions.emplace_back());
  }
}

void read_intensity(Loading& loading, const Field& field, Intensity& intensity) {
  auto map = loading.reader.map(field, {"rpe", "talk_test", "cue", "ref"}, "an intensity");
  if (!map) return;
  if (const Field* rpe = map->get("rpe")) {
    read_rpe(loading, *rpe, intensity.rpe_min, intensity.rpe_max);
  }
  if (const Field* talk = map->get("talk_test")) {
    if (auto value = loading.reader.boolean(*talk)) intensity.talk_test = *value;
  }
  if (const Field* cue = map->get("cue")) {
    if (auto value = loading.reader.text(*cue)) intensity.cue = *value;
  }
  read_ref(loading, *map, intensity.ref);
}

namespace {

void read_stage(Loading& loading, const Field& field, std::set<std::string>& ids) {
  auto map = loading.reader.map(
      field,
      {"id", "name", "session", "sessions", "intensity", "surface", "notes", "frequency",
       "sessions_to_advance", "exercises", "ref", "ladder", "alternatives"},
      "a stage", {"sessions", "ladder", "alternatives"});
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
  const Field* sessions = map->get("sessions");
  const YAML::Node& written = field.node;
  if (sessions) {
    read_session_list(loading, *sessions, map->get("session"), stage);
  } else if (written["sessions"] && !map->get("session")) {
    // A list of sessions in a format-1 file: map() said it needs format 2; that is the news.
  } else if (const Field* session = map->require(loading.reader, "session",
                                                 "every stage needs a session (its blocks of "
                                                 "running and walking)")) {
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
  read_stage_format2(loading, *map, stage);
  // The i-th good run uses the i-th session: a list longer than the good runs that move the
  // runner on would hold sessions no run reaches.
  if (sessions && session_count(stage) > stage.sessions_to_advance) {
    loading.reader.error(*sessions, "holds " + std::to_string(session_count(stage)) +
                                        " sessions but the stage moves on after " +
                                        std::to_string(stage.sessions_to_advance) + " good run" +
                                        (stage.sessions_to_advance == 1 ? "" : "s") +
                                        "; give at most that many, or raise sessions_to_advance");
  }
  loading.protocol.stages.push_back(std::move(stage));
}

// A large jump in running from one stage to the next: the first session of a stage more than
// doubles the running time (or distance) of the last session of the stage before. Advisory
// only: novices whose weekly distance rose by more than 30% over two weeks had more injuries, a
// weak signal (Nielsen et al. 2014, clinical basis [5]); published run-walk tables often double a
// run from one step to the next (1 to 2 minutes), so only more than that is worth a second look.
// Format 2 only: a format-1 file reads as it always did.
void warn_volume_jumps(Loading& loading) {
  if (loading.protocol.format < 2) return;
  const auto& stages = loading.protocol.stages;
  for (std::size_t i = 1; i < stages.size(); ++i) {
    const Stage& previous = stages[i - 1];
    const SessionTotals before = session_totals(session_for(previous, session_count(previous) - 1));
    const SessionTotals now = session_totals(stages[i].session);
    std::string rise;
    // Only like with like: a time with a time, a distance with a distance.
    if (before.run_seconds > 0 && now.run_seconds > before.run_seconds * 2) {
      rise = format_seconds(before.run_seconds) + " to " + format_seconds(now.run_seconds);
    } else if (before.run_metres > 0 && now.run_metres > before.run_metres * 2) {
      rise = format_metres(before.run_metres) + " to " + format_metres(now.run_metres);
    }
    if (rise.empty()) continue;
    loading.reader.warning(stages[i].where, "stages[" + std::to_string(i) + "].session",
                           "running rises from " + rise + " a session after stage '" + previous.id +
                               "', more than double; a large jump (advisory: weekly distance up "
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
  auto map = loading.reader.map(field, {"sessions_per_week", "min_rest_days", "ref", "by_week"},
                                "a frequency", {"by_week"});
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
  if (const Field* by_week = map->get("by_week")) read_by_week(loading, *by_week, out);
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

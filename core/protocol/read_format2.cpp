// Format 2, families 9 and 11 (d, e): the protocol's word for a step, the runner's goal, a
// stage's ladder up to it, the weekly cap on running, and stage alternatives chosen at start.
#include <algorithm>
#include <set>

#include "protocol/amount.hpp"
#include "protocol/personalise.hpp"
#include "protocol/sections.hpp"
#include "protocol/step_words.hpp"
#include "util/suggest.hpp"

namespace runback::loading {
namespace {

using yaml::Field;

const char* unit_name(Amount::Kind kind) {
  return kind == Amount::Kind::distance ? "a distance" : "a time";
}

void read_step_word(Loading& loading, const Field& field) {
  const std::vector<std::string> words(std::begin(kStepWordChoices), std::end(kStepWordChoices));
  if (auto index = loading.reader.choice(field, words)) loading.protocol.step_word = words[*index];
}

void read_goal(Loading& loading, const Field& field) {
  auto& reader = loading.reader;
  auto map = reader.map(field, {"unit", "default", "min", "max", "ref"}, "a goal");
  if (!map) return;
  Goal goal;
  if (const Field* unit = map->require(reader, "unit", "the goal's unit: distance or time")) {
    auto index = reader.choice(*unit, {"distance", "time"});
    if (!index) return;
    goal.unit = *index == 0 ? Amount::Kind::distance : Amount::Kind::time;
  } else {
    return;
  }
  const std::string example = goal.unit == Amount::Kind::distance ? "2mi" : "30min";
  std::optional<Amount> values[3];
  const char* keys[3] = {"min", "default", "max"};
  bool good = true;
  for (int i = 0; i < 3; ++i) {
    const Field* value = map->require(
        reader, keys[i],
        std::string("the goal's ") + keys[i] + ", e.g. '" + keys[i] + ": " + example + "'");
    if (value) values[i] = reader.amount(*value, goal.unit);
    good = good && values[i].has_value();
  }
  if (!good) return;
  if (values[0]->value > values[2]->value) {
    reader.error(*map->get("min"), "is " + format_amount(*values[0]) + ", more than max (" +
                                       format_amount(*values[2]) + "); expected min <= max");
    return;
  }
  if (values[1]->value < values[0]->value || values[1]->value > values[2]->value) {
    reader.error(*map->get("default"), "is " + format_amount(*values[1]) +
                                           ", outside min to max (" + format_amount(*values[0]) +
                                           " to " + format_amount(*values[2]) + ")");
    return;
  }
  goal.min = *values[0];
  goal.default_goal = *values[1];
  goal.max = *values[2];
  read_ref(loading, *map, goal.ref);
  loading.protocol.goal = goal;
}

void read_options(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "options");
  if (!items) return;
  if (items->size() < 2) {
    loading.reader.error(field, "has " + std::to_string(items->size()) +
                                    " option; a choice needs at least two, e.g. "
                                    "[{id: treadmill}, {id: track}]");
  }
  std::set<std::string> ids;
  for (const auto& item : *items) {
    auto map = loading.reader.map(item, {"id", "name"}, "an option");
    if (!map) continue;
    StageOption option;
    if (const Field* id =
            map->require(loading.reader, "id", "every option needs an id, e.g. 'id: treadmill'")) {
      auto value = loading.reader.identifier(*id);
      if (!value) continue;
      if (!ids.insert(*value).second) {
        loading.reader.error(*id, "'" + *value + "' is already the id of an earlier option");
        continue;
      }
      option.id = *value;
    } else {
      continue;
    }
    if (const Field* name = map->get("name")) {
      if (auto value = loading.reader.text(*name)) option.name = *value;
    }
    if (option.name.empty()) option.name = option.id;
    loading.protocol.options.push_back(option);
  }
}

void read_ladder(Loading& loading, const Field& field, Stage& stage) {
  auto& reader = loading.reader;
  auto map = reader.map(field, {"add", "until"}, "a ladder");
  if (!map) return;
  Ladder ladder;
  ladder.where = field.where;
  if (const Field* add =
          map->require(reader, "add", "what each step adds to the run, e.g. 'add: 0.25mi'")) {
    auto amount = reader.amount(*add, std::nullopt);
    if (!amount) return;
    ladder.add = *amount;
  } else {
    return;
  }
  if (const Field* until = map->require(reader, "until", "where the ladder ends: 'until: goal'")) {
    if (!reader.choice(*until, {"goal"})) return;
  } else {
    return;
  }
  stage.ladder = ladder;
}

void read_alternatives(Loading& loading, const Field& field, Stage& stage) {
  auto& reader = loading.reader;
  auto items = reader.list(field, "alternatives");
  if (!items) return;
  std::set<std::string> ids;
  for (const auto& item : *items) {
    auto map =
        reader.map(item, {"id", "name", "session", "intensity", "surface"}, "a stage alternative");
    if (!map) continue;
    StageAlternative alternative;
    alternative.where = item.where;
    if (const Field* id = map->require(reader, "id",
                                       "every alternative needs the id of one of the protocol's "
                                       "options, e.g. 'id: treadmill'")) {
      auto value = reader.identifier(*id);
      if (!value) continue;
      if (!ids.insert(*value).second) {
        reader.error(*id, "'" + *value + "' already has an alternative in this stage");
        continue;
      }
      alternative.id = *value;
      alternative.where = id->where;
    } else {
      continue;
    }
    if (const Field* name = map->get("name")) {
      if (auto value = reader.text(*name)) alternative.name = *value;
    }
    if (const Field* session = map->get("session")) {
      Session read;
      read_session(loading, *session, read);
      alternative.session = read;
    }
    if (const Field* intensity = map->get("intensity")) {
      Intensity read;
      read_intensity(loading, *intensity, read);
      alternative.intensity = read;
    }
    if (const Field* surface = map->get("surface")) {
      if (auto value = reader.text(*surface)) alternative.surface = *value;
    }
    if (!alternative.session && !alternative.intensity && alternative.surface.empty()) {
      reader.warning(item, "changes nothing: give a session, an intensity or a surface");
    }
    stage.alternatives.push_back(std::move(alternative));
  }
}

std::string stage_path(std::size_t index) {
  return yaml::index_path("stages", index);
}

// A ladder needs a goal in its own unit, and a last block to grow in that unit.
void check_ladder(Loading& loading, const Stage& stage, std::size_t index) {
  auto& reader = loading.reader;
  const Protocol& protocol = loading.protocol;
  const std::string path = yaml::child_path(stage_path(index), "ladder");
  if (!protocol.goal) {
    if (loading.goal_field) return;  // a goal was written, and what is wrong with it reported
    reader.error(stage.ladder->where, path,
                 "climbs until the runner's goal, but the protocol sets no goal: add one at the "
                 "top level, e.g. 'goal: {unit: distance, default: 2mi, min: 1mi, max: 5mi}'");
    return;
  }
  const Goal& goal = *protocol.goal;
  if (stage.ladder->add.kind != goal.unit) {
    reader.error(stage.ladder->where, yaml::child_path(path, "add"),
                 "is " + std::string(unit_name(stage.ladder->add.kind)) + " (" +
                     format_amount(stage.ladder->add) + "), but the goal is " +
                     unit_name(goal.unit) + ": a ladder adds in the goal's unit");
    return;
  }
  auto check_session = [&](const Session& session, const std::string& where) {
    if (session.blocks.empty()) return false;
    const IntervalBlock& last = session.blocks.back();
    if (!last.run || last.until) {
      reader.error(stage.ladder->where, path,
                   "adds " + format_amount(stage.ladder->add) + " to the run of the last block" +
                       where + ", but that block " +
                       (last.run ? "is repeated until a total" : "is a walk") +
                       ": end the session with a block that has a run and a repeat count");
      return false;
    }
    if (last.run->kind != goal.unit) {
      reader.error(stage.ladder->where, path,
                   "adds " + format_amount(stage.ladder->add) + " to the run of the last block" +
                       where + ", but that run is " + unit_name(last.run->kind) +
                       ": give it in the goal's unit");
      return false;
    }
    return true;
  };
  bool good = check_session(stage.session, "");
  for (const auto& alternative : stage.alternatives) {
    if (alternative.session) {
      good =
          check_session(*alternative.session, " of alternative '" + alternative.id + "'") && good;
    }
  }
  if (!good) return;
  Stage at_max = stage;
  if (ladder_steps(at_max, goal.max) > kMaxLadderSteps) {
    reader.error(stage.ladder->where, yaml::child_path(path, "add"),
                 "takes " + std::to_string(ladder_steps(at_max, goal.max)) + " steps of " +
                     format_amount(stage.ladder->add) + " to reach the goal's max (" +
                     format_amount(goal.max) + "); a ladder has at most " +
                     std::to_string(kMaxLadderSteps) + " steps");
  }
}

void check_alternatives(Loading& loading, const Stage& stage, std::size_t index) {
  std::vector<std::string> ids;
  for (const auto& option : loading.protocol.options) ids.push_back(option.id);
  for (std::size_t i = 0; i < stage.alternatives.size(); ++i) {
    const StageAlternative& alternative = stage.alternatives[i];
    if (std::find(ids.begin(), ids.end(), alternative.id) != ids.end()) continue;
    const std::string path = yaml::child_path(
        yaml::index_path(yaml::child_path(stage_path(index), "alternatives"), i), "id");
    if (ids.empty()) {
      loading.reader.error(alternative.where, path,
                           "'" + alternative.id +
                               "' is not one of the protocol's options, and it declares none: "
                               "add 'options: [{id: " +
                               alternative.id + ", name: ...}, ...]' at the top level");
    } else {
      std::string list;
      for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
      const std::string suggestion = did_you_mean(alternative.id, ids);
      loading.reader.error(alternative.where, path,
                           "'" + alternative.id + "' is not one of the protocol's options" +
                               suggestion + (suggestion.empty() ? "; options: " + list : ""));
    }
  }
}

// One session alone above the cap could never be laid out.
void check_weekly_cap(Loading& loading, const Field* cap_field) {
  const Protocol& protocol = loading.protocol;
  if (!protocol.weekly_cap || cap_field == nullptr) return;
  const Amount& cap = *protocol.weekly_cap;
  auto check = [&](const Session& session, const Stage& stage, const std::string& what) {
    const double volume = running_volume(session, cap.kind);
    if (volume > cap.value + 1e-9) {
      loading.reader.error(*cap_field, "is " + format_amount(cap) + ", but one session of stage '" +
                                           stage.id + "'" + what + " alone runs " +
                                           format_amount(Amount{cap.kind, volume}) +
                                           ": that session could never be planned");
    }
  };
  for (const Stage& stage : protocol.stages) {
    check(stage.session, stage, "");
    for (const auto& alternative : stage.alternatives) {
      if (alternative.session) {
        check(*alternative.session, stage, " (alternative '" + alternative.id + "')");
      }
    }
    if (stage.ladder && protocol.goal && protocol.goal->unit == cap.kind &&
        protocol.goal->max.value > cap.value + 1e-9) {
      loading.reader.error(*cap_field, "is " + format_amount(cap) + ", but the ladder of stage '" +
                                           stage.id + "' climbs to goals up to " +
                                           format_amount(protocol.goal->max) +
                                           " in one session: lower goal.max or raise the cap");
    }
  }
  const bool any_in_unit =
      std::any_of(protocol.stages.begin(), protocol.stages.end(),
                  [&](const Stage& stage) { return running_volume(stage.session, cap.kind) > 0; });
  if (!any_in_unit) {
    loading.reader.warning(*cap_field,
                           "is " + std::string(unit_name(cap.kind)) + ", but no stage runs by " +
                               (cap.kind == Amount::Kind::distance ? "distance" : "time") +
                               ": the cap never applies");
  }
}

}  // namespace

void read_format2(Loading& loading, const yaml::MapFields& top) {
  if (const Field* word = top.get("step_word")) read_step_word(loading, *word);
  if (const Field* goal = top.get("goal")) read_goal(loading, *goal);
  if (const Field* cap = top.get("weekly_cap")) {
    if (auto amount = loading.reader.amount(*cap, std::nullopt))
      loading.protocol.weekly_cap = amount;
  }
  if (const Field* options = top.get("options")) read_options(loading, *options);
  if (const Field* after_goal = top.get("after_goal")) read_after_goal(loading, *after_goal);
  auto keep = [&](const char* key, std::optional<Field>& out) {
    if (const Field* field = top.get(key)) out = *field;
  };
  keep("goal", loading.goal_field);
  keep("weekly_cap", loading.weekly_cap_field);
  keep("options", loading.options_field);
  keep("after_goal", loading.after_goal_field);
}

void read_stage_format2(Loading& loading, const yaml::MapFields& stage_map, Stage& stage) {
  if (const Field* ladder = stage_map.get("ladder")) read_ladder(loading, *ladder, stage);
  if (const Field* alternatives = stage_map.get("alternatives")) {
    read_alternatives(loading, *alternatives, stage);
  }
}

void check_format2(Loading& loading) {
  const Protocol& protocol = loading.protocol;
  int ladders = 0;
  for (std::size_t i = 0; i < protocol.stages.size(); ++i) {
    const Stage& stage = protocol.stages[i];
    if (stage.ladder) {
      if (++ladders > 1) {
        loading.reader.error(stage.ladder->where, yaml::child_path(stage_path(i), "ladder"),
                             "is the second ladder; a protocol climbs to the runner's goal once");
      } else {
        check_ladder(loading, stage, i);
      }
    }
    check_alternatives(loading, stage, i);
  }
  if (protocol.goal && ladders == 0 && loading.goal_field) {
    loading.reader.warning(*loading.goal_field,
                           "no stage has a ladder, so the runner's goal changes nothing");
  }
  check_weekly_cap(loading, loading.weekly_cap_field ? &*loading.weekly_cap_field : nullptr);
  if (!protocol.options.empty() && loading.options_field) {
    const bool used = std::any_of(protocol.stages.begin(), protocol.stages.end(),
                                  [](const Stage& stage) { return !stage.alternatives.empty(); });
    if (!used) {
      loading.reader.warning(*loading.options_field,
                             "no stage has alternatives, so the choice changes nothing");
    }
  }
}

}  // namespace runback::loading

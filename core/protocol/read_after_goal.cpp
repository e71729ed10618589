// Format 2, family 9: `after_goal`, the weeks that follow the runner's goal (speed steps, a week
// pattern of heavy, medium and light weeks, a lighter week every few weeks).
#include <algorithm>
#include <cctype>
#include <set>

#include "protocol/amount.hpp"
#include "protocol/sections.hpp"

namespace runback::loading {
namespace {

using yaml::Field;

const std::vector<std::string> kWeekKinds = {"heavy", "medium", "light"};

// "70%" (or 70): a share of the goal session's running. More than all of it is not a share: the
// goal is the most running a session holds.
std::optional<int> read_percent(Loading& loading, const Field& field) {
  auto text = loading.reader.text(field);
  if (!text) return std::nullopt;
  std::string digits = *text;
  if (!digits.empty() && digits.back() == '%') digits.pop_back();
  const bool number = !digits.empty() && digits.size() <= 4 &&
                      std::all_of(digits.begin(), digits.end(), [](char c) {
                        return std::isdigit(static_cast<unsigned char>(c));
                      });
  if (!number) {
    loading.reader.error(field, "is '" + *text + "'; expected a share such as '70%'");
    return std::nullopt;
  }
  const int percent = std::stoi(digits);
  if (percent < 10 || percent > 100) {
    loading.reader.error(field, "is " + std::to_string(percent) +
                                    "%; expected 10% to 100% of the goal's session (the goal is "
                                    "the most running a session holds)");
    return std::nullopt;
  }
  return percent;
}

void read_speed_steps(Loading& loading, const Field& field, AfterGoal& out) {
  auto& reader = loading.reader;
  auto map = reader.map(field, {"add", "until", "every"}, "speed steps");
  if (!map) return;
  AfterGoalSpeed speed;
  std::optional<Speed> add, until;
  if (const Field* value =
          map->require(reader, "add", "how much faster each step runs, e.g. 'add: 0.2 mph'")) {
    add = read_speed(loading, *value, 2, "a step of at most 2 km/h (1.2 mph), e.g. '0.2 mph'");
  }
  if (const Field* value = map->require(
          reader, "until", "the fastest the steps go, e.g. 'until: 7 mph' (a treadmill speed)")) {
    until = read_speed(loading, *value, 30, "a running speed such as '7 mph' or '11 km/h'");
  }
  if (const Field* every = map->get("every")) {
    if (auto weeks = reader.integer(*every, 1, 8)) speed.every_weeks = *weeks;
  }
  if (!add || !until) return;
  speed.add = *add;
  speed.until = *until;
  out.speed = speed;
}

void read_week_pattern(Loading& loading, const Field& pattern_field, const Field* volume_field,
                       AfterGoal& out) {
  auto& reader = loading.reader;
  auto items = reader.list(pattern_field, "week_pattern");
  if (!items) return;
  if (items->empty() || items->size() > 8) {
    reader.error(pattern_field, "has " + std::to_string(items->size()) +
                                    " weeks; expected 1 to 8, e.g. [heavy, light, medium]");
    return;
  }
  if (volume_field == nullptr) {
    reader.error(pattern_field,
                 "needs 'volume' beside it, with the share of the goal's running each kind of "
                 "week runs, e.g. 'volume: {heavy: 100%, light: 70%, medium: 85%}'");
    return;
  }
  auto volume = reader.map(*volume_field, {"heavy", "medium", "light"}, "the weeks' shares");
  if (!volume) return;
  std::set<std::string> used;
  for (const Field& item : *items) {
    auto index = reader.choice(item, kWeekKinds);
    if (!index) continue;
    const std::string& kind = kWeekKinds[*index];
    used.insert(kind);
    const Field* share = volume->get(kind);
    if (share == nullptr) {
      const char* example = kind == "heavy" ? "100%" : kind == "medium" ? "85%" : "70%";
      reader.error(item, "has no share in 'volume': add '" + kind + ": " + example +
                             "' (its share of the goal's running)");
      continue;
    }
    if (auto percent = read_percent(loading, *share)) out.week_pattern.push_back({kind, *percent});
  }
  for (const auto& kind : kWeekKinds) {
    if (const Field* share = volume->get(kind); share && !used.count(kind)) {
      reader.warning(*share, "is the share of " + kind +
                                 " weeks, but week_pattern has none, so it changes nothing");
    }
  }
}

void read_lighter_week(Loading& loading, const Field& field, AfterGoal& out) {
  auto& reader = loading.reader;
  auto map = reader.map(field, {"every", "volume"}, "a lighter week");
  if (!map) return;
  LighterWeek lighter;
  std::optional<int> every, percent;
  if (const Field* value =
          map->require(reader, "every", "how often a week is lighter, e.g. 'every: 4'")) {
    every = reader.integer(*value, 2, 8);
  }
  if (const Field* value = map->require(
          reader, "volume", "the lighter week's share of the goal's running, e.g. 'volume: 80%'")) {
    percent = read_percent(loading, *value);
  }
  if (!every || !percent) return;
  lighter.every = *every;
  lighter.percent = *percent;
  out.lighter_week = lighter;
}

const Stage* goal_stage(const Protocol& protocol) {
  return protocol.stages.empty() ? nullptr : &protocol.stages.back();
}

// The sessions the last stage may run at the goal: its own last, and each alternative's.
std::vector<const Session*> goal_sessions(const Stage& stage) {
  std::vector<const Session*> sessions{&session_for(stage, session_count(stage) - 1)};
  for (const auto& alternative : stage.alternatives) {
    if (alternative.session) sessions.push_back(&*alternative.session);
  }
  return sessions;
}

}  // namespace

void read_after_goal(Loading& loading, const Field& field) {
  auto& reader = loading.reader;
  auto map = reader.map(field, {"weeks", "speed", "week_pattern", "volume", "lighter_week", "ref"},
                        "after_goal");
  if (!map) return;
  AfterGoal after_goal;
  after_goal.where = field.where;
  if (const Field* weeks =
          map->require(reader, "weeks",
                       "how many weeks follow the goal before the programme is complete, "
                       "e.g. 'weeks: 8'")) {
    auto value = reader.integer(*weeks, 1, 52);
    if (!value) return;
    after_goal.weeks = *value;
  } else {
    return;
  }
  if (const Field* speed = map->get("speed")) read_speed_steps(loading, *speed, after_goal);
  const Field* volume = map->get("volume");
  if (const Field* pattern = map->get("week_pattern")) {
    read_week_pattern(loading, *pattern, volume, after_goal);
  } else if (volume) {
    reader.error(*volume,
                 "gives the shares of a week pattern, but there is no 'week_pattern', "
                 "e.g. 'week_pattern: [heavy, light, medium]'");
  }
  if (const Field* lighter = map->get("lighter_week")) {
    read_lighter_week(loading, *lighter, after_goal);
    if (after_goal.lighter_week && !after_goal.week_pattern.empty()) {
      const int heaviest =
          std::max_element(after_goal.week_pattern.begin(), after_goal.week_pattern.end(),
                           [](const auto& a, const auto& b) { return a.percent < b.percent; })
              ->percent;
      if (after_goal.lighter_week->percent >= heaviest) {
        reader.warning(*lighter, "is " + std::to_string(after_goal.lighter_week->percent) +
                                     "%, no lighter than the pattern's weeks, so it changes "
                                     "nothing");
      }
    }
  }
  read_ref(loading, *map, after_goal.ref);
  loading.protocol.after_goal = after_goal;
}

void check_after_goal(Loading& loading) {
  const Protocol& protocol = loading.protocol;
  if (!protocol.after_goal || !loading.after_goal_field) return;
  auto& reader = loading.reader;
  const Field& field = *loading.after_goal_field;
  if (protocol.calendar) {
    reader.error(field,
                 "adds weeks after the last stage, but a calendar sets every day of the "
                 "programme: a calendar programme ends on its last day");
    return;
  }
  const Stage* stage = goal_stage(protocol);
  if (stage == nullptr || !protocol.after_goal->speed) return;
  const AfterGoalSpeed& speed = *protocol.after_goal->speed;
  const YAML::Node& after_goal_node = field.node;
  const SourceLocation where = reader.location(after_goal_node["speed"], field.where);
  bool any_slower = false;
  for (const Session* session : goal_sessions(*stage)) {
    const bool has_speed =
        std::any_of(session->blocks.begin(), session->blocks.end(),
                    [](const IntervalBlock& block) { return block.run && block.speed; });
    if (!has_speed) {
      reader.error(where, yaml::child_path(field.path, "speed"),
                   "raises the speed of the runs at the goal, but the last stage '" + stage->id +
                       "' gives its runs no speed: add one to its run blocks, e.g. 'speed: 5 "
                       "mph'");
      return;
    }
    for (const auto& block : session->blocks) {
      if (block.run && block.speed && speed_kmh(*block.speed) < speed_kmh(speed.until) - 1e-9) {
        any_slower = true;
      }
    }
  }
  if (!any_slower) {
    reader.warning(where, yaml::child_path(field.path, "speed"),
                   "goes until " + format_speed(speed.until) + ", but the runs of stage '" +
                       stage->id + "' are already that fast, so the speed never rises");
  }
}

}  // namespace runback::loading

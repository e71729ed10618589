#include "plan/random_history.hpp"

#include <algorithm>
#include <sstream>

#include "plan/checkpoint.hpp"
#include "plan/planner.hpp"
#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "protocol/personalise.hpp"

namespace runback::test {
namespace {

using Days = std::chrono::days;

int pick(std::mt19937_64& rng, int low, int high) {  // inclusive
  return low + int(rng() % std::uint64_t(high - low + 1));
}
bool chance(std::mt19937_64& rng, int percent) {
  return pick(rng, 0, 99) < percent;
}

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

std::optional<int> pain(std::mt19937_64& rng, int missing_percent) {
  if (chance(rng, missing_percent)) return std::nullopt;
  // Mostly low, sometimes high: the interesting values sit around the limits.
  return chance(rng, 70) ? pick(rng, 0, 3) : pick(rng, 0, 10);
}

NumberTest random_test(std::mt19937_64& rng, int high) {
  return NumberTest{NumberTest::Op(pick(rng, 0, 3)), double(pick(rng, 0, high))};
}

Action random_action(std::mt19937_64& rng) {
  Action a;
  a.kind = ActionKind(pick(rng, 0, 3));
  a.stages = a.kind == ActionKind::step_back ? pick(rng, 1, 4) : 0;
  a.rest_days = pick(rng, 0, 3);
  return a;
}

NumberTest::Op random_op(std::mt19937_64& rng) {
  return NumberTest::Op(pick(rng, 0, 3));
}

// Family 5: a block's own keys. Walks are added first so that `start_with: walk` and
// `walk_speed` have one; a block repeated `until` a total goes from 2 to 6 rounds.
bool add_block_keys(Protocol& p, std::mt19937_64& g, int percent) {
  bool any = false;
  for (Stage& stage : p.stages) {
    for (IntervalBlock& block : stage.session.blocks) {
      if (!block.run || !chance(g, percent)) continue;
      any = true;
      if (chance(g, 60)) block.walk = Amount{Amount::Kind::time, 30.0 * pick(g, 1, 6)};
      if (block.walk && chance(g, 40)) block.walk_first = true;
      if (chance(g, 35)) {
        const double round = block.run->value + (block.walk ? block.walk->value : 0.0);
        block.until = Amount{Amount::Kind::time, round * pick(g, 2, 6)};
        block.repeat = 1;
      }
      if (chance(g, 50)) block.speed = Speed{Speed::Unit::kmh, double(pick(g, 6, 14))};
      if (block.walk && chance(g, 40)) block.walk_speed = Speed{Speed::Unit::kmh, 4.5};
      if (chance(g, 40)) block.effort = chance(g, 50) ? "easy jog" : "steady run";
      if (chance(g, 40)) {
        block.rpe_min = pick(g, 2, 5);
        block.rpe_max = pick(g, *block.rpe_min, 7);
      }
    }
  }
  return any;
}

// Family 6: a warm-up limit (sometimes beyond the core's, which the core must clamp) and
// responses on `pain_warmup` and `exceeds: warmup`.
void add_warmup(Protocol& p, std::mt19937_64& g) {
  PainLimit limit;
  if (chance(g, 70)) limit.max = pick(g, 0, chance(g, 20) ? 8 : 5);
  if (!limit.max || chance(g, 40)) limit.max_rise = pick(g, 0, chance(g, 20) ? 6 : 3);
  p.pain.warmup = limit;
  const int responses = pick(g, 1, 3);
  for (int i = 0; i < responses; ++i) {
    Response r;
    r.name = "warmup-" + std::to_string(i);
    if (chance(g, 60)) {
      r.when.pain_warmup = NumberTest{random_op(g), double(pick(g, 0, 4))};
      if (chance(g, 50)) r.when.pain_during = NumberTest{random_op(g), double(pick(g, 0, 3))};
    } else {
      r.when.exceeds = TimePoint::warmup;
    }
    r.then = random_action(g);
    r.why = "random warm-up response " + std::to_string(i);
    p.responses.push_back(r);
  }
}

// Family 7: responses with `in_last` (beside a value test), `after_setback` and `rising`.
void add_spanning(Protocol& p, std::mt19937_64& g) {
  const int responses = pick(g, 1, 3);
  for (int i = 0; i < responses; ++i) {
    Response r;
    r.name = "span-" + std::to_string(i);
    switch (pick(g, 0, 2)) {
      case 0: {
        InLast in_last;
        in_last.sessions = pick(g, 1, 5);
        in_last.at_least = pick(g, 1, in_last.sessions);
        r.when.in_last = in_last;
        const NumberTest test{random_op(g), double(pick(g, 0, 4))};
        switch (pick(g, 0, 3)) {
          case 0:
            r.when.pain_during = test;
            break;
          case 1:
            r.when.pain_next_morning = test;
            break;
          case 2:
            r.when.pain_after = test;
            break;
          default:
            r.when.pain_warmup = test;
            break;
        }
        break;
      }
      case 1:
        r.when.after_setback = chance(g, 70);
        if (chance(g, 70)) r.when.pain_during = NumberTest{random_op(g), double(pick(g, 0, 3))};
        break;
      default:
        r.when.rising = Rising{Rising::Value(pick(g, 0, 3)), pick(g, 1, 14)};
        break;
    }
    r.then = random_action(g);
    r.why = "random spanning response " + std::to_string(i);
    p.responses.push_back(r);
  }
}

// Family 9: a goal (by time, as the random stages run) and a ladder on a stage whose last block
// runs a count of rounds, up to 12 steps past the stage at the goal's max.
bool add_goal_ladder(Protocol& p, std::mt19937_64& g) {
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const Session& session = p.stages[i].session;
    if (!session.blocks.empty() && session.blocks.back().run && !session.blocks.back().until &&
        p.stages[i].later_sessions.empty()) {
      candidates.push_back(i);
    }
  }
  if (candidates.empty()) return false;
  Stage& stage = p.stages[candidates[std::size_t(pick(g, 0, int(candidates.size()) - 1))]];
  const Amount add{Amount::Kind::time, 60.0 * pick(g, 1, 3)};
  stage.ladder = Ladder{add, {}};
  const double per_step = add.value * stage.session.blocks.back().repeat;
  const double from = running_volume(stage.session, Amount::Kind::time);
  const int most = pick(g, 1, 12);
  const int least = pick(g, 0, most);
  Goal goal;
  goal.unit = Amount::Kind::time;
  goal.min = Amount{Amount::Kind::time, from + per_step * least};
  goal.max = Amount{Amount::Kind::time, from + per_step * most};
  goal.default_goal = Amount{Amount::Kind::time, from + per_step * pick(g, least, most)};
  p.goal = goal;
  return true;
}

// Family 11e: two or three options, and some stages' own versions for them (a longer or faster
// last run, another surface); the last block keeps its shape, so a ladder still climbs it.
void add_options(Protocol& p, std::mt19937_64& g) {
  const std::vector<std::string> ids = {"road", "treadmill", "trail"};
  const int options = pick(g, 2, 3);
  for (int i = 0; i < options; ++i) p.options.push_back({ids[std::size_t(i)], ""});
  bool any = false;
  for (Stage& stage : p.stages) {
    if (!chance(g, 50) && (any || &stage != &p.stages.back())) continue;
    any = true;
    for (int i = 0; i < options; ++i) {
      if (!chance(g, 60)) continue;
      StageAlternative alternative;
      alternative.id = ids[std::size_t(i)];
      if (chance(g, 50)) alternative.name = "On the " + alternative.id;
      if (chance(g, 70)) {
        Session session = stage.session;
        IntervalBlock& last = session.blocks.back();
        if (last.run) last.run->value += 30.0 * pick(g, 0, 4);
        if (last.run && chance(g, 50)) last.speed = Speed{Speed::Unit::kmh, 9.5};
        alternative.session = session;
      }
      if (chance(g, 50)) alternative.surface = alternative.id + ", flat";
      stage.alternatives.push_back(alternative);
    }
  }
}

// Family 9: a weekly cap (by time) from one to four times the longest session a runner of the
// protocol can have (every stage, alternative and the goal's max), so it binds in many weeks.
void add_weekly_cap(Protocol& p, std::mt19937_64& g) {
  double longest = p.goal ? p.goal->max.value : 0.0;
  for (const Stage& stage : p.stages) {
    longest = std::max(longest, running_volume(stage.session, Amount::Kind::time));
    for (const Session& later : stage.later_sessions) {
      longest = std::max(longest, running_volume(later, Amount::Kind::time));
    }
    for (const StageAlternative& alternative : stage.alternatives) {
      if (alternative.session) {
        longest = std::max(longest, running_volume(*alternative.session, Amount::Kind::time));
      }
    }
  }
  if (longest <= 0) longest = 600;
  p.weekly_cap = Amount{Amount::Kind::time, longest * pick(g, 1, 4) + 60.0 * pick(g, 0, 5)};
}

// Family 9: weeks after the goal, with a random pattern, lighter week and speed steps (the speed
// steps only where the last stage's runs have a speed to raise).
void add_after_goal(Protocol& p, std::mt19937_64& g) {
  AfterGoal after_goal;
  after_goal.weeks = pick(g, 1, 6);
  const char* kinds[] = {"heavy", "medium", "light"};
  const int pattern = pick(g, 0, 3);
  for (int i = 0; i < pattern; ++i) {
    after_goal.week_pattern.push_back({kinds[pick(g, 0, 2)], pick(g, 10, 100)});
  }
  if (chance(g, 50)) after_goal.lighter_week = LighterWeek{pick(g, 2, 8), pick(g, 10, 100)};
  const Stage& goal_stage = p.stages.back();
  const bool has_speed =
      std::any_of(goal_stage.session.blocks.begin(), goal_stage.session.blocks.end(),
                  [](const IntervalBlock& block) { return block.run && block.speed; });
  if (has_speed && chance(g, 60)) {
    after_goal.speed =
        AfterGoalSpeed{Speed{Speed::Unit::kmh, 0.1 * pick(g, 1, 20)},
                       Speed{Speed::Unit::kmh, double(pick(g, 6, 20))}, pick(g, 1, 3)};
  }
  p.after_goal = after_goal;
}

void make_calendar(Protocol& p, std::mt19937_64& rng) {
  p.format = 2;
  p.progression.sessions_to_advance = 1;
  std::sort(p.progression.breaks.begin(), p.progression.breaks.end(),
            [](const BreakRule& a, const BreakRule& b) { return a.days < b.days; });
  const int longest_gap =
      std::min(4, p.progression.breaks.empty() ? 4 : p.progression.breaks.front().days - 1);
  Calendar calendar;
  int day = 1;
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    p.stages[i].sessions_to_advance = 1;
    if (i > 0) {
      const int gap = pick(rng, 1, std::max(1, longest_gap));
      for (int between = day + 1; between < day + gap; ++between) {
        if (chance(rng, 50)) {
          calendar.days.push_back({between, "", true, chance(rng, 50) ? "Cycle 20 min" : "", {}});
        }
      }
      day += gap;
    }
    calendar.days.push_back({day, p.stages[i].id, false, "", {}});
  }
  if (chance(rng, 50)) calendar.days.push_back({day + 1, "", true, "", {}});
  if (chance(rng, 70)) {
    calendar.bad_day =
        BadDay{pick(rng, 0, 3),
               chance(rng, 50) ? BadDayThen::previous_session : BadDayThen::same_session, ""};
  }
  p.calendar = std::move(calendar);
}

}  // namespace

Result<std::vector<Exercise>> RandomVerdictExtension::exercises(
    const ExtensionContext& context) const {
  if (mix(seed_ ^ std::uint64_t(context.date.time_since_epoch().count())) % 20 == 0) {
    return Error{"exercise table missing"};
  }
  Exercise e;
  e.name = "Random exercise";
  e.sets = 1 + context.days_at_stage / 7 % 3;
  e.reps = 10;
  return std::vector<Exercise>{e};
}

Result<std::vector<SessionCue>> RandomVerdictExtension::session_cues(
    const ExtensionContext&) const {
  return std::vector<SessionCue>{SessionCue{"cadence 170 steps/min", 170, 170}};
}

Result<std::vector<CheckpointQuestion>> RandomVerdictExtension::questions(
    const ExtensionContext&) const {
  CheckpointQuestion q;
  q.key = "hop-pain";
  q.text = "Pain on 10 single-leg hops (0-10)";
  // Half the seeds wait for the answer (the random logs never give it), half never do.
  q.optional = seed_ % 2 == 0;
  return std::vector<CheckpointQuestion>{q};
}

Result<Verdict> RandomVerdictExtension::verdict(const ExtensionContext&, const DayLog& log) const {
  const std::uint64_t h = mix(seed_ ^ mix(std::uint64_t(log.date.time_since_epoch().count()) +
                                          std::uint64_t(log.pain_during.value_or(11))));
  switch (h % 25) {
    case 0:
    case 1:
      return Verdict{Action{ActionKind::repeat, 0, int(h >> 8) % 3}, "random repeat"};
    case 2:
      return Verdict{Action{ActionKind::step_back, int(h >> 8) % 13 - 1, int(h >> 16) % 40},
                     "random step back"};
    case 3:
      return Verdict{Action{ActionKind::stop, 0, 0}, "random stop"};
    case 4:
      return Error{"random failure"};
    case 5:
      return Verdict{Action{ActionKind::proceed, 0, int(h >> 8) % 3}, ""};
    default:
      return Verdict{};
  }
}

Protocol random_protocol(std::mt19937_64& rng) {
  Protocol p;
  p.id = "random-" + std::to_string(rng() % 100000);
  p.title = p.id;
  p.version = "1.0.0";
  const int stages = pick(rng, 1, 8);
  for (int i = 0; i < stages; ++i) {
    Stage s;
    s.id = "s" + std::to_string(i + 1);
    s.name = s.id;
    s.session.blocks.push_back(
        IntervalBlock{Amount{Amount::Kind::time, 60.0 * (i + 1)}, std::nullopt, pick(rng, 1, 8)});
    s.frequency.sessions_min = pick(rng, 1, 5);
    s.frequency.sessions_max = pick(rng, s.frequency.sessions_min, 7);
    if (s.frequency.sessions_min == 1 && chance(rng, 50)) s.frequency.sessions_up_to = true;
    s.frequency.min_rest_days = pick(rng, 0, 3);
    s.sessions_to_advance = pick(rng, 1, 3);
    {
      // Format 2's by-week rules, drawn from a generator of their own so that the main stream,
      // and with it every earlier history, stays as it was.
      std::mt19937_64 weeks(std::hash<std::string>{}(p.id) + std::uint64_t(i));
      if (chance(weeks, 30)) {
        WeekFrequency rule;
        rule.from_week = pick(weeks, 1, 2);
        rule.to_week = pick(weeks, rule.from_week, 4);
        if (chance(weeks, 70)) rule.min_rest_days = pick(weeks, 0, 4);
        if (chance(weeks, 50)) {
          rule.sessions_min = pick(weeks, 1, 3);
          rule.sessions_max = pick(weeks, *rule.sessions_min, 4);
        }
        if (rule.min_rest_days || rule.sessions_max) s.frequency.by_week.push_back(rule);
      }
    }
    // Format 2's shapes, chosen by the stage's place so the random draws stay as they were: a
    // list of sessions (one per good run), and a walk-only session first.
    if (i % 3 == 1) {
      for (int k = 1; k < s.sessions_to_advance; ++k) {
        Session more = s.session;
        more.blocks.front().repeat += k;
        s.later_sessions.push_back(more);
      }
    }
    if (i == 0 && stages > 2) {
      s.session.blocks.front().walk = s.session.blocks.front().run;
      s.session.blocks.front().run.reset();
    }
    if (chance(rng, 30)) {
      Exercise e;
      e.name = "Stage exercise " + std::to_string(i);
      e.per = chance(rng, 50) ? Period::day : Period::week;
      e.times = pick(rng, 1, 4);
      s.exercises.push_back(e);
    }
    p.stages.push_back(s);
  }
  // Format 2 allows up to 7 (one a day); 3 and 8 are beyond each format's limit.
  p.format = chance(rng, 30) ? 2 : 1;
  p.progression.max_stages_per_7_days = p.format == 2 ? pick(rng, 1, 8) : pick(rng, 1, 3);
  if (p.format == 2 && chance(rng, 30)) p.progression.decide = DecideWhen::after_session;
  p.progression.partial_session = chance(rng, 50) ? PartialSession::counts : PartialSession::repeat;
  if (chance(rng, 70)) p.progression.breaks.push_back({pick(rng, 2, 14), pick(rng, 0, 3), false});
  if (chance(rng, 50)) p.progression.breaks.push_back({pick(rng, 15, 40), 0, true});
  if (chance(rng, 80)) p.pain.during = PainLimit{pick(rng, 0, 8), std::nullopt};
  if (chance(rng, 30)) p.pain.during = PainLimit{std::nullopt, pick(rng, 0, 5)};
  if (chance(rng, 40)) p.pain.after = PainLimit{pick(rng, 0, 7), std::nullopt};
  if (chance(rng, 20)) p.pain.after = PainLimit{std::nullopt, pick(rng, 0, 5)};
  if (chance(rng, 80)) {
    p.pain.next_morning = PainLimit{
        chance(rng, 50) ? std::optional<int>(pick(rng, 0, 7)) : std::nullopt, pick(rng, 0, 5)};
  }
  const int responses = pick(rng, 0, 4);
  for (int i = 0; i < responses; ++i) {
    Response r;
    r.name = "r" + std::to_string(i);
    switch (pick(rng, 0, 6)) {
      case 0:
        r.when.pain_during = random_test(rng, 6);
        break;
      case 1:
        r.when.pain_next_morning = random_test(rng, 6);
        break;
      case 2:
        r.when.exceeds = TimePoint(pick(rng, 0, 2));
        break;
      case 3:
        r.when.session = SessionOutcome(pick(rng, 0, 2));
        break;
      case 4:
        r.when.limp = true;
        break;
      case 5:
        r.when.stiffness_minutes = random_test(rng, 60);
        break;
      default:
        r.when.pain_after = random_test(rng, 6);
        break;
    }
    r.then.kind = ActionKind(pick(rng, 0, 3));
    r.then.stages = r.then.kind == ActionKind::step_back ? pick(rng, 1, 4) : 0;
    r.then.rest_days = pick(rng, 0, 3);
    r.why = "random response " + std::to_string(i);
    p.responses.push_back(r);
  }
  if (chance(rng, 40)) {
    Exercise e;
    e.name = "Protocol exercise";
    e.per = Period::week;
    e.times = pick(rng, 1, 7);
    p.exercises.push_back(e);
  }
  for (int w = 0; w < 5; ++w) {
    if (chance(rng, 40)) {
      RecoveryItem item;
      item.name = "Recovery " + std::to_string(w);
      item.when = RecoveryWhen(w);
      item.times_per_week = pick(rng, 1, 7);
      p.recovery.push_back(item);
    }
  }
  if (chance(rng, 40)) p.plugin = PluginRef{"random", {}, {}};
  if (p.format == 2) {
    // Format 2's block keys, warm-up, spanning rules, goal and ladder, options and weekly cap,
    // drawn from a generator of their own (as the by-week rules are) so that the main stream,
    // and with it every earlier history, stays as it was.
    std::mt19937_64 extra(std::hash<std::string>{}(p.id) ^ 0x9e3779b97f4a7c15ULL);
    if (chance(extra, 40)) add_block_keys(p, extra, 40);
    if (chance(extra, 30)) add_warmup(p, extra);
    if (chance(extra, 30)) add_spanning(p, extra);
    if (chance(extra, 25)) add_goal_ladder(p, extra);
    if (chance(extra, 25)) add_options(p, extra);
    if (chance(extra, 25)) add_weekly_cap(p, extra);
    if (chance(extra, 20)) add_after_goal(p, extra);
  }
  return p;
}

Protocol random_calendar_protocol(std::mt19937_64& rng) {
  Protocol p = random_protocol(rng);
  p.id = "calendar-" + p.id;
  // A calendar lays out the stages as written: no ladder steps to place.
  p.goal.reset();
  p.after_goal.reset();
  for (Stage& stage : p.stages) stage.ladder.reset();
  make_calendar(p, rng);
  return p;
}

std::string family_name(Family family) {
  static const char* const names[kFamilyCount] = {"1 pace",
                                                  "2 session lists",
                                                  "3 calendar",
                                                  "4 walk-only session",
                                                  "5 block keys",
                                                  "6 warm-up",
                                                  "7 spanning rules",
                                                  "8 by-week",
                                                  "9 goal, ladder and weekly cap",
                                                  "10 decide after the session",
                                                  "11a up to",
                                                  "11e options and alternatives"};
  return names[std::size_t(family)];
}

Protocol random_format2_protocol(std::mt19937_64& rng, Families& families) {
  auto has = [&](Family f) { return families.test(std::size_t(f)); };
  auto drop = [&](Family f) { families.reset(std::size_t(f)); };
  Protocol p = random_protocol(rng);
  // Strip what random_protocol drew of format 2, then add the families asked for.
  p.format = 2;
  p.id = "format2-" + p.id;
  p.pain.warmup.reset();
  p.responses.erase(std::remove_if(p.responses.begin(), p.responses.end(),
                                   [](const Response& r) { return r.name.rfind("r", 0) != 0; }),
                    p.responses.end());
  p.goal.reset();
  p.weekly_cap.reset();
  p.options.clear();
  p.progression.decide = DecideWhen::next_morning;
  for (Stage& stage : p.stages) {
    stage.ladder.reset();
    stage.alternatives.clear();
    stage.later_sessions.clear();
    stage.frequency.by_week.clear();
    stage.frequency.sessions_up_to = false;
    for (IntervalBlock& block : stage.session.blocks) {
      block = IntervalBlock{block.run ? block.run : block.walk, std::nullopt, block.repeat};
    }
  }
  if (p.stages.size() < 2) drop(Family::walk_only);
  if (has(Family::calendar)) {
    drop(Family::session_lists);
    drop(Family::goal_ladder_cap);
  }

  p.progression.max_stages_per_7_days = has(Family::pace) ? pick(rng, 3, 7) : pick(rng, 1, 2);
  if (has(Family::decide_after)) p.progression.decide = DecideWhen::after_session;
  auto some_stages = [&](auto change) {
    bool any = false;
    for (Stage& stage : p.stages) {
      if (chance(rng, 50)) any = (change(stage), true);
    }
    if (!any) change(p.stages[std::size_t(pick(rng, 0, int(p.stages.size()) - 1))]);
  };
  if (has(Family::up_to)) {
    some_stages([&](Stage& s) {
      s.frequency.sessions_min = 1;
      s.frequency.sessions_up_to = true;
    });
  }
  if (has(Family::by_week)) {
    some_stages([&](Stage& s) {
      WeekFrequency rule;
      rule.from_week = pick(rng, 1, 2);
      rule.to_week = pick(rng, rule.from_week, 4);
      rule.min_rest_days = pick(rng, 0, 4);
      if (chance(rng, 50)) {
        rule.sessions_min = pick(rng, 1, 3);
        rule.sessions_max = pick(rng, *rule.sessions_min, 4);
      }
      s.frequency.by_week.push_back(rule);
    });
  }
  if (has(Family::session_lists)) {
    some_stages([&](Stage& s) {
      s.sessions_to_advance = std::max(2, s.sessions_to_advance);
      for (int k = 1; k < s.sessions_to_advance; ++k) {
        Session more = s.session;
        more.blocks.front().repeat += k;
        s.later_sessions.push_back(more);
      }
    });
  }
  if (has(Family::block_keys) && !add_block_keys(p, rng, 60)) drop(Family::block_keys);
  if (has(Family::walk_only)) {
    IntervalBlock& first = p.stages.front().session.blocks.front();
    first = IntervalBlock{std::nullopt, first.run, first.repeat};
    for (Session& later : p.stages.front().later_sessions) {
      later.blocks.front() = IntervalBlock{std::nullopt, later.blocks.front().run, 1};
    }
  }
  if (has(Family::warmup)) add_warmup(p, rng);
  if (has(Family::spanning)) add_spanning(p, rng);
  if (has(Family::goal_ladder_cap) && !add_goal_ladder(p, rng)) drop(Family::goal_ladder_cap);
  if (has(Family::alternatives)) add_options(p, rng);
  if (has(Family::goal_ladder_cap)) add_weekly_cap(p, rng);
  if (has(Family::goal_ladder_cap) && !has(Family::calendar)) add_after_goal(p, rng);
  if (has(Family::calendar)) make_calendar(p, rng);
  return p;
}

History random_history(const Protocol& protocol, std::mt19937_64& rng) {
  History h;
  h.protocol = protocol;
  // What format 2 adds to a history (a goal and an option, warm-up values) is drawn from a
  // generator of its own, seeded from a copy of the main one, so the main stream stays as it was.
  std::mt19937_64 copy = rng;
  std::mt19937_64 extra(copy() ^ 0x6a09e667f3bcc909ULL);
  if (is_personal(protocol)) {
    std::optional<Amount> goal;
    if (protocol.goal && chance(extra, 80)) {
      const double step = 30;
      const int low = int(protocol.goal->min.value / step + 0.999);
      const int high = std::max(low, int(protocol.goal->max.value / step));
      goal = Amount{protocol.goal->unit, step * pick(extra, low, high)};
    }
    std::string option;
    if (!protocol.options.empty() && chance(extra, 80)) {
      option = protocol.options[std::size_t(pick(extra, 0, int(protocol.options.size()) - 1))].id;
    }
    h.protocol = personalise(protocol, goal, option);
  }
  const bool warmup = needed_logs(h.protocol).warmup;
  if (h.protocol.plugin && chance(rng, 10)) {
    h.plugin_seed.reset();  // the plugin is missing
  } else if (h.protocol.plugin || chance(rng, 20)) {
    if (!h.protocol.plugin) h.protocol.plugin = PluginRef{"random", {}, {}};
    h.plugin_seed = rng();
  }
  const Date start = make_date(2026, 1, 5) + Days{pick(rng, 0, 300)};
  h.programme.start_date = start;
  h.programme.starting_stage = pick(rng, 0, int(h.protocol.stages.size()) - 1);
  if (chance(rng, 50)) {
    for (unsigned d = 0; d < 7; ++d) {
      if (chance(rng, 40)) h.programme.run_days.push_back(std::chrono::weekday{d});
    }
  }
  const int length = pick(rng, 0, chance(rng, 80) ? 60 : 200);
  const int run_percent = pick(rng, 20, 70);
  Date day = start - Days{chance(rng, 10) ? pick(rng, 1, 5) : 0};
  const Date end = start + Days{length};
  std::optional<Date> flagged;
  for (; day <= end; day += Days{1}) {
    if (chance(rng, 2)) day += Days{pick(rng, 5, 40)};  // a long break
    if (day > end) break;
    DayLog log;
    log.date = day;
    bool any = false;
    if (chance(rng, run_percent)) {
      any = true;
      const int kind = pick(rng, 0, 99);
      log.session = kind < 80 ? SessionOutcome::done
                              : (kind < 90 ? SessionOutcome::partial : SessionOutcome::skipped);
      log.pain_during = pain(rng, 8);
      log.pain_after = pain(rng, 30);
      log.pain_next_morning = pain(rng, 12);
      if (chance(rng, 30)) log.stiffness_minutes = pick(rng, 0, 90);
      log.limp = chance(rng, 3);
      log.swelling = chance(rng, 3);
      if (warmup && log.session != SessionOutcome::skipped) log.pain_warmup = pain(extra, 5);
    } else if (chance(rng, 10)) {
      any = true;
      log.pain_next_morning = pain(rng, 0);
    }
    if (chance(rng, 2)) {
      any = true;
      log.red_flags.push_back(chance(rng, 50) ? "night-pain" : "numbness");
      flagged = day;
    }
    if (any) h.logs.push_back(log);
    if (flagged && chance(rng, 15)) {
      h.clearances.push_back(Clearance{day + Days{pick(rng, 0, 1)}, "Dr Random", ""});
      if (h.clearances.back().date > end) h.clearances.pop_back();
      flagged.reset();
    }
  }
  // Clearances ascending, one per date.
  std::sort(h.clearances.begin(), h.clearances.end(),
            [](const Clearance& a, const Clearance& b) { return a.date < b.date; });
  h.clearances.erase(
      std::unique(h.clearances.begin(), h.clearances.end(),
                  [](const Clearance& a, const Clearance& b) { return a.date == b.date; }),
      h.clearances.end());
  h.today = end + Days{chance(rng, 50) ? 0 : pick(rng, 1, 10)};
  return h;
}

std::vector<Violation> violations(const History& h) {
  std::optional<RandomVerdictExtension> extension;
  if (h.plugin_seed) extension.emplace(*h.plugin_seed);
  const PlanExtension* ext = extension ? &*extension : nullptr;
  PlanRequest request{h.protocol,   ext,     h.programme,        h.logs,
                      h.clearances, h.today, monday_of(h.today), 14};
  const Plan plan = make_plan(request);
  return check_invariants(request, plan);
}

std::string describe_decisions(const History& h) {
  std::optional<RandomVerdictExtension> extension;
  if (h.plugin_seed) extension.emplace(*h.plugin_seed);
  PlanRequest request{h.protocol,         extension ? &*extension : nullptr,
                      h.programme,        h.logs,
                      h.clearances,       h.today,
                      monday_of(h.today), 14};
  const Plan plan = make_plan(request);
  std::string out;
  for (const auto* list : {&plan.decisions, &plan.projected}) {
    for (const Decision& d : *list) {
      out += "  " + format_date(d.date) + (d.projected ? " (projected) " : " ") +
             decision_kind_name(d.kind) + " " + std::to_string(d.from_stage + 1) + "->" +
             std::to_string(d.to_stage + 1) + ": " + d.explanation + "\n";
    }
  }
  return out;
}

History shrink(History h) {
  auto still_fails = [](const History& candidate) { return !violations(candidate).empty(); };
  bool changed = true;
  while (changed) {
    changed = false;
    auto attempt = [&](History candidate) {
      if (still_fails(candidate)) {
        h = std::move(candidate);
        changed = true;
        return true;
      }
      return false;
    };
    for (std::size_t i = h.logs.size(); i-- > 0;) {
      History c = h;
      c.logs.erase(c.logs.begin() + std::ptrdiff_t(i));
      attempt(std::move(c));
    }
    for (std::size_t i = h.clearances.size(); i-- > 0;) {
      History c = h;
      c.clearances.erase(c.clearances.begin() + std::ptrdiff_t(i));
      attempt(std::move(c));
    }
    for (std::size_t i = 0; i < h.logs.size(); ++i) {
      auto simpler = [&](auto change) {
        History c = h;
        if (change(c.logs[i])) attempt(std::move(c));
      };
      simpler([](DayLog& l) { return !l.red_flags.empty() && (l.red_flags.clear(), true); });
      simpler([](DayLog& l) { return l.limp && !(l.limp = false); });
      simpler([](DayLog& l) { return l.swelling && !(l.swelling = false); });
      simpler([](DayLog& l) { return l.stiffness_minutes && (l.stiffness_minutes.reset(), true); });
      for (auto field : {&DayLog::pain_during, &DayLog::pain_after, &DayLog::pain_next_morning,
                         &DayLog::pain_warmup}) {
        simpler([&](DayLog& l) { return (l.*field).value_or(0) > 0 && ((l.*field) = 0, true); });
        simpler([&](DayLog& l) {
          return (l.*field).value_or(0) > 1 && ((l.*field) = *(l.*field) - 1, true);
        });
      }
      simpler([](DayLog& l) {
        return l.session && *l.session != SessionOutcome::done &&
               (l.session = SessionOutcome::done, true);
      });
    }
    if (!h.programme.run_days.empty()) {
      History c = h;
      c.programme.run_days.clear();
      attempt(std::move(c));
    }
    if (h.programme.starting_stage > 0) {
      History c = h;
      c.programme.starting_stage = 0;
      attempt(std::move(c));
    }
    if (!h.logs.empty() && h.today > h.logs.back().date) {
      History c = h;
      c.today = c.logs.back().date;
      attempt(std::move(c));
    }
  }
  return h;
}

std::string describe(const History& h) {
  std::ostringstream out;
  const Protocol& p = h.protocol;
  out << "protocol " << p.id << " (format " << p.format << "): " << p.stages.size()
      << " stages, max " << p.progression.max_stages_per_7_days << " stages per 7 days, partial "
      << (p.progression.partial_session == PartialSession::counts ? "counts" : "repeats")
      << ", decided " << name_of(p.progression.decide, kDecideWhenNames) << "\n";
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const Stage& s = p.stages[i];
    out << "  stage " << i + 1 << ": " << s.frequency.sessions_min << "-"
        << s.frequency.sessions_max << " a week, " << s.frequency.min_rest_days << " rest days, "
        << s.sessions_to_advance << " to advance\n";
    for (const WeekFrequency& w : s.frequency.by_week) {
      out << "    weeks " << w.from_week << "-" << w.to_week << ": rest "
          << (w.min_rest_days ? std::to_string(*w.min_rest_days) : std::string("-")) << ", most "
          << (w.sessions_max ? std::to_string(*w.sessions_max) : std::string("-")) << " a week\n";
    }
  }
  const EffectivePainLimits limits = effective_pain_limits(p);
  auto limit = [](const PainLimit& l) {
    return "max " + (l.max ? std::to_string(*l.max) : std::string("-")) + " rise " +
           (l.max_rise ? std::to_string(*l.max_rise) : std::string("-"));
  };
  out << "  pain during " << limit(limits.during) << ", next morning " << limit(limits.next_morning)
      << (limits.after ? ", after " + limit(*limits.after) : std::string()) << "\n";
  if (limits.warmup) out << "  pain in the warm-up " << limit(*limits.warmup) << "\n";
  for (const Response& r : p.responses) {
    out << "  response " << r.name << " -> " << action_kind_name(r.then.kind) << " "
        << r.then.stages << " stages, " << r.then.rest_days << " rest";
    if (r.when.pain_warmup)
      out << "; pain_warmup " << int(r.when.pain_warmup->op) << " " << r.when.pain_warmup->value;
    if (r.when.exceeds) out << "; exceeds " << int(*r.when.exceeds);
    if (r.when.pain_during)
      out << "; pain_during " << int(r.when.pain_during->op) << " " << r.when.pain_during->value;
    if (r.when.in_last) {
      out << "; in_last " << r.when.in_last->at_least << " of " << r.when.in_last->sessions;
    }
    if (r.when.after_setback) out << "; after_setback " << *r.when.after_setback;
    if (r.when.rising) {
      out << "; rising " << int(r.when.rising->value) << " over " << r.when.rising->days << " days";
    }
    out << "\n";
  }
  if (p.weekly_cap) out << "  weekly cap " << format_amount(*p.weekly_cap) << "\n";
  if (p.runner_goal) out << "  runner's goal " << format_amount(*p.runner_goal) << "\n";
  if (!p.runner_option.empty()) out << "  runner's option " << p.runner_option << "\n";
  for (const BreakRule& b : p.progression.breaks) {
    out << "  break " << b.days << " days: " << (b.restart ? "restart" : "step back ")
        << (b.restart ? "" : std::to_string(b.step_back)) << "\n";
  }
  out << "plugin: "
      << (h.protocol.plugin ? (h.plugin_seed ? "random seed " + std::to_string(*h.plugin_seed)
                                             : std::string("named but missing"))
                            : std::string("none"))
      << "\n";
  out << "programme: start " << format_date(h.programme.start_date) << " at stage "
      << h.programme.starting_stage + 1 << ", run days";
  for (auto d : h.programme.run_days) out << " " << weekday_short(d);
  out << "\ntoday " << format_date(h.today) << "\n";
  for (const DayLog& l : h.logs) {
    out << "  " << format_date(l.date) << " " << weekday_short(std::chrono::weekday{l.date});
    if (l.session) out << " " << session_outcome_name(*l.session);
    auto value = [&](const char* name, const std::optional<int>& v) {
      if (v) out << " " << name << " " << *v;
    };
    value("warm-up", l.pain_warmup);
    value("during", l.pain_during);
    value("after", l.pain_after);
    value("morning", l.pain_next_morning);
    value("stiffness", l.stiffness_minutes);
    if (l.limp) out << " limp";
    if (l.swelling) out << " swelling";
    for (const auto& f : l.red_flags) out << " flag:" << f;
    out << "\n";
  }
  for (const Clearance& c : h.clearances) out << "  clearance " << format_date(c.date) << "\n";
  return out.str();
}

}  // namespace runback::test

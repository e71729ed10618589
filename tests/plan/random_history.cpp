#include "plan/random_history.hpp"

#include <algorithm>
#include <sstream>

#include "plan/checkpoint.hpp"
#include "plan/planner.hpp"
#include "protocol/describe.hpp"

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
  return p;
}

Protocol random_calendar_protocol(std::mt19937_64& rng) {
  Protocol p = random_protocol(rng);
  p.format = 2;
  p.id = "calendar-" + p.id;
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
  return p;
}

History random_history(const Protocol& protocol, std::mt19937_64& rng) {
  History h;
  h.protocol = protocol;
  if (h.protocol.plugin && chance(rng, 10)) {
    h.plugin_seed.reset();  // the plugin is missing
  } else if (h.protocol.plugin || chance(rng, 20)) {
    if (!h.protocol.plugin) h.protocol.plugin = PluginRef{"random", {}, {}};
    h.plugin_seed = rng();
  }
  const Date start = make_date(2026, 1, 5) + Days{pick(rng, 0, 300)};
  h.programme.start_date = start;
  h.programme.starting_stage = pick(rng, 0, int(protocol.stages.size()) - 1);
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
      for (auto field : {&DayLog::pain_during, &DayLog::pain_after, &DayLog::pain_next_morning}) {
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
  for (const Response& r : p.responses) {
    out << "  response " << r.name << " -> " << action_kind_name(r.then.kind) << " "
        << r.then.stages << " stages, " << r.then.rest_days << " rest\n";
  }
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

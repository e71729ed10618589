// `runback week` in words: whose week and where they stand, then once what every day repeats
// (exercises, recovery, how a run should feel, what to log), then each day with only what is its
// own: the run and its intervals, the rest and why, the exact command to log.
#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

#include "protocol/describe.hpp"
#include "protocol/safety.hpp"

#include "report/day_text.hpp"
#include "report/plan_text.hpp"
#include "report/plan_words.hpp"
#include "report/standing_text.hpp"

namespace runback {
namespace {

// The days that show their exercises, recovery and reminders: from today on, while the
// programme runs.
bool shows_details(const PlannedDay& day, Date today) {
  return day.date >= today && day.rest != RestKind::before_start && day.rest != RestKind::stopped &&
         !(day.run && (day.run->logged || day.run->missed));
}

bool run_to_do(const PlannedDay& day) {
  return day.run.has_value();
}

// A line said the same way by every one of `count` (at least two) occurrences.
struct Repeated {
  std::string line;
  int count = 0;
  bool same = true;
  void add(const std::string& text) {
    if (count > 0 && text != line) same = false;
    line = text;
    ++count;
  }
  bool said_once() const { return same && count >= 2; }
};
// The items said once, on the days they share: every day, run days, rest days, or named days.
struct Section {
  std::string title;
  std::vector<std::string> lines;
};

struct Hoisted {
  SaidOnce said;
  std::vector<Section> sections;
  std::map<std::string, std::pair<std::string, std::string>> exercises;  // line -> name, dose
  Repeated manner, warm_up, after_fields, morning_fields;
  bool all_walks = true;      // every session to log is a walk (format 2): the top says "walk"
  bool how_in_today = false;  // a said-once exercise's tempo is left to `runback today`
};

// An exercise's dose as the week says it once for several days: sets and reps, how often in a
// day, and a load beyond body weight. The days it is on are the section's title, and how to do
// it (tempo) is `runback today`'s to say, on the day.
std::string week_dose(const Exercise& exercise) {
  std::string out = std::to_string(exercise.sets) + " × ";
  if (exercise.reps) out += std::to_string(*exercise.reps);
  if (exercise.hold_s) out += std::to_string(*exercise.hold_s) + " s hold";
  if (exercise.per == Period::day && exercise.times > 1) {
    out += ", " + describe_times(exercise.times, exercise.per);
  }
  if (!exercise.load.empty() && exercise.load != "body weight") out += ", " + exercise.load;
  return out;
}

std::string days_title(const std::vector<Date>& on, const std::vector<Date>& shown,
                       const std::vector<Date>& runs) {
  if (on == shown) return "Every day:";
  if (on == runs) return "On run days:";
  std::vector<Date> rests;
  for (Date d : shown) {
    if (std::find(runs.begin(), runs.end(), d) == runs.end()) rests.push_back(d);
  }
  if (on == rests) return "On rest days:";
  if (on.size() + 1 == shown.size()) {
    for (Date d : shown) {
      if (std::find(on.begin(), on.end(), d) == on.end()) {
        return "Every day but " + capitalise(weekday_short(std::chrono::weekday{d})) + ":";
      }
    }
  }
  std::string out = "On ";
  for (std::size_t i = 0; i < on.size(); ++i) {
    out += (i == 0               ? ""
            : i + 1 == on.size() ? " and "
                                 : ", ") +
           capitalise(weekday_short(std::chrono::weekday{on[i]}));
  }
  return out + ":";
}

Hoisted hoist(const Protocol& protocol, const Plan& plan, Date today) {
  Hoisted h;
  h.said.stage_index = plan.status.stage_index;
  h.said.recovery_details = false;
  std::vector<Date> shown, runs;
  std::vector<std::string> order;               // items in the order they first appear
  std::map<std::string, std::vector<Date>> on;  // item -> the days it is on
  for (const PlannedDay& day : plan.days) {
    if (!shows_details(day, today)) continue;
    shown.push_back(day.date);
    if (run_to_do(day)) runs.push_back(day.date);
    auto note = [&](const std::string& line) {
      auto [it, added] = on.try_emplace(line);
      if (added) order.push_back(line);
      it->second.push_back(day.date);
    };
    for (const Exercise& exercise : day.exercises) {
      note(exercise_line(exercise));
      h.exercises[exercise_line(exercise)] = {exercise.name, week_dose(exercise)};
      h.how_in_today = h.how_in_today || !exercise.tempo.empty();
    }
    for (const RecoveryItem& item : day.recovery) note(recovery_line(item, false));
    if (run_to_do(day)) h.manner.add(run_manner(protocol, day));
    if (run_to_do(day)) {
      const PlannedRun& run = *day.run;
      h.warm_up.add(
          warm_up_words(session_for(stage_at(protocol, run.stage_index), run.session_index)));
    }
    for (const Reminder& reminder : day.reminders) {
      if (reminder.when == TimePoint::next_morning) {
        h.morning_fields.add(reminder_fields(reminder, false));
      } else if (reminder.session_date == day.date) {
        h.after_fields.add(reminder_fields(reminder, walk_day(protocol, day)));
        h.all_walks = h.all_walks && walk_day(protocol, day);
      }
    }
  }
  h.said.run_manner = h.manner.said_once() && !h.manner.line.empty();
  // The walks either side of the intervals, when every run has the same: said once, first.
  h.said.warm_up = h.warm_up.said_once() && !h.warm_up.line.empty();
  if (h.said.warm_up || h.said.run_manner) h.sections.push_back({"On run days:", {}});
  if (h.said.warm_up) h.sections.back().lines.push_back(h.warm_up.line);
  if (h.said.run_manner) h.sections.back().lines.push_back(h.manner.line);
  for (const std::string& line : order) {
    const std::vector<Date>& days_on = on[line];
    if (days_on.size() < 2) continue;  // a day's own item
    const std::string title = days_title(days_on, shown, runs);
    auto section = std::find_if(h.sections.begin(), h.sections.end(),
                                [&title](const Section& s) { return s.title == title; });
    if (section == h.sections.end()) section = h.sections.insert(h.sections.end(), {title, {}});
    section->lines.push_back(line);
    h.said.items.insert(line);
  }
  // Every day first, then as they come.
  std::stable_partition(h.sections.begin(), h.sections.end(),
                        [](const Section& s) { return s.title == "Every day:"; });
  h.said.after_run = h.after_fields.said_once();
  h.said.next_morning = h.morning_fields.said_once();
  return h;
}

// "night-pain, pain-at-rest, ... or limp": the names a runner logs a red flag by.
std::string red_flag_names(const Protocol& protocol) {
  std::vector<std::string> names;
  for (const auto& flag : safety::kBuiltInRedFlags) names.emplace_back(flag.id);
  for (const RedFlag& flag : protocol.red_flags) {
    if (!flag.built_in) names.push_back(flag.id);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  return out;
}

// The sentence of a section's line, ending in one full stop.
std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text + (!text.empty() && text.back() == '?' ? "" : ".");
}

void write_said_once(TextWriter& out, const Hoisted& h, const Plan& plan,
                     const CommandSyntax& commands) {
  if (!h.sections.empty() || h.said.after_run || h.said.next_morning) out.blank();
  for (const Section& section : h.sections) {
    // Exercises with the same dose are named together, the dose said once.
    std::vector<std::pair<std::string, std::string>> groups;  // names (or line), dose
    for (const std::string& line : section.lines) {
      const auto exercise = h.exercises.find(line);
      if (exercise == h.exercises.end()) {
        groups.emplace_back(line, "");
        continue;
      }
      // Named members, not a structured binding: clang 14 cannot capture one in a lambda.
      const auto& name = exercise->second.first;
      const auto& dose = exercise->second.second;
      auto same = std::find_if(groups.begin(), groups.end(), [&dose](const auto& g) {
        return !g.second.empty() && g.second == dose;
      });
      if (same == groups.end()) {
        groups.emplace_back(name, dose);
      } else {
        same->first += "; " + lower_first(name);
      }
    }
    std::string text = section.title;
    for (const auto& [what, dose] : groups) {
      text += " " + sentence(dose.empty() ? what : what + ": " + dose);
    }
    out.paragraph(text);
  }
  // Where the rest is said in full, in one line: the day's exercises with their tempo, and what
  // each red flag named above means.
  std::vector<std::string> more;
  if (h.how_in_today) more.push_back("how to do the exercises: `" + commands.show_today() + "`");
  if (!plan.status.complete) {
    more.push_back("what red flags mean: `" + commands.show_status() + "`");
  }
  if (!more.empty()) {
    out.paragraph(capitalise(more.front()) + (more.size() > 1 ? "; " + more.back() : "") + ".");
  }
  if (h.said.after_run) {
    out.paragraph(std::string(h.all_walks ? "After each walk" : "After each run") +
                  ", log: " + h.after_fields.line + "; " + run_log_options(commands) + ".");
  }
  std::string rise;
  if (plan.status.usual_pain && !plan.status.complete) {
    rise = "A rise counts from your last next-morning score (at first, your usual " +
           std::to_string(*plan.status.usual_pain) + "/10).";
  }
  if (h.said.next_morning) {
    out.paragraph("The morning after a run, log: " + sentence(h.morning_fields.line) + " " + rise);
  } else if (!rise.empty()) {
    out.paragraph(rise);
  }
}

// A good last decision, said briefly: the stage line above already counts the good runs, and
// `status` and `decisions` keep the whole reason. "" leaves it out (a session that went well);
// nullopt: say it in full (holds, step-backs, stops, rest days, anything else).
std::optional<std::string> brief_decision(const Plan& plan) {
  const Decision* last = last_decision(plan);
  if (!last || last->rest_days > 0) return std::nullopt;
  if (last->kind == DecisionKind::keep_going) return std::string();
  if (last->kind != DecisionKind::advance) return std::nullopt;
  // "Move up to stage 2: 3 good sessions in a row at stage 1; the session on ... went well".
  const std::string& text = last->explanation;
  const auto why = text.find(": ");
  const auto end = text.find("; ", why == std::string::npos ? 0 : why);
  if (why == std::string::npos || end == std::string::npos) return std::nullopt;
  return "Moved up on " + short_day(last->date) + ": " + text.substr(why + 2, end - why - 2) + ".";
}

}  // namespace

std::string week_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                      Date today, const CommandSyntax& commands, TextLayout layout) {
  if (plan.days.empty()) return "";
  TextWriter out(layout);
  const Date from = plan.days.front().date;
  out.paragraph((runner.empty() ? "Your" : runner + "'s") + " week from " +
                    format_day_range(from, plan.days.back().date) + ": " + protocol.title,
                0, Tone::heading);
  // The next run is in the days below when it falls this week: not said twice.
  const bool next_run_below =
      plan.next_run && *plan.next_run >= today && *plan.next_run <= plan.days.back().date;
  for (const StandingLine& line : standing_lines(protocol, plan, today, commands)) {
    if (next_run_below && line.text.rfind("Next run: " + short_day(*plan.next_run), 0) == 0) {
      continue;
    }
    if (line.text.rfind("Last decision (", 0) == 0) {
      if (auto brief = brief_decision(plan)) {
        if (!brief->empty()) out.paragraph(*brief, 0, line.tone);
        continue;
      }
    }
    out.paragraph(line.text, 0, line.tone);
  }
  if (!plan.status.complete) {
    out.paragraph("Red flags: stop running and see your clinician if you notice " +
                      red_flag_names(protocol) + "; log it with `" + commands.log_red_flag() + "`.",
                  0, Tone::alert);
  }
  for (const std::string& note : plan.notes) out.paragraph("Note: " + note);
  const Hoisted hoisted = hoist(protocol, plan, today);
  write_said_once(out, hoisted, plan, commands);
  out.blank();
  std::map<std::string, Date> runs_said;
  SaidOnce said = hoisted.said;
  said.runs_said = &runs_said;
  for (const PlannedDay& day : plan.days) write_day(out, protocol, commands, day, today, said);
  return out.str();
}

}  // namespace runback

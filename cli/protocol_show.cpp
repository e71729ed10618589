#include "protocol_show.hpp"

#include <functional>
#include <ostream>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "protocol/step_words.hpp"
#include "text_table.hpp"

namespace runback::cli {
namespace {

std::string cite(const std::string& ref) {
  return ref.empty() ? "" : " [" + ref + "]";
}

std::string plural(int count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string capitalise_word(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = char(word[0] - 'a' + 'A');
  return word;
}

void heading(std::ostream& out, const std::string& title) {
  out << '\n' << title << '\n';
}

void print_header(std::ostream& out, const Protocol& p) {
  out << p.title << '\n';
  out << "  Protocol:  " << p.id << ", version " << p.version << '\n';
  out << "  Condition: " << p.condition << '\n';
  if (!p.authors.empty()) out << "  Authors:   " << join_with_and(p.authors) << '\n';
  if (!p.summary.empty()) out << '\n' << p.summary << '\n';
}

void print_start(std::ostream& out, const Protocol& p) {
  if (!p.entry_criteria.empty()) {
    heading(out, "Before starting, the runner confirms");
    for (const auto& c : p.entry_criteria) out << "  - " << c.text << cite(c.ref) << '\n';
  }
  heading(out, "Where to start");
  const int index = p.stage_index(p.start.default_stage);
  const std::string name = index >= 0 ? p.stages[std::size_t(index)].name : p.start.default_stage;
  if (!p.start.entry_test) {
    out << "  At " << step_label(step_words(p), index) << " (" << name << ").\n";
    return;
  }
  const EntryTest& test = *p.start.entry_test;
  out << "  Asked: \"" << test.question << "\" (answer in " << test.unit << ")" << cite(test.ref)
      << '\n';
  for (std::size_t i = 0; i < test.bands.size(); ++i) {
    const StartBand& band = test.bands[i];
    const int stage = p.stage_index(band.stage);
    const StartBand* next = i + 1 < test.bands.size() ? &test.bands[i + 1] : nullptr;
    out << "    " << describe_band_range(band, next) << ": " << step_label(step_words(p), stage)
        << " (" << band.stage << ")\n";
  }
  out << "  Without an answer: " << step_label(step_words(p), index) << " (" << name << ").\n";
}

// "3-4 runs a week [load-caps], at least 1 rest day between runs [post-acl]": each key with its
// own source (format 2), the frequency's `ref` after the whole.
std::string frequency_words(const Frequency& f) {
  const std::string rest = describe_rest_days(f);
  return describe_sessions_per_week(f) + cite(f.sessions_ref) +
         (rest.empty() ? "" : ", " + rest + cite(f.rest_ref));
}

// The running of a session; blocks repeated to a total (format 2) add "+ 1.5 mi run-walk".
std::string run_column(const SessionTotals& totals) {
  const std::string run = describe_total(totals.run_seconds, totals.run_metres);
  if (totals.run_walk_seconds <= 0 && totals.run_walk_metres <= 0) return run;
  const std::string mixed =
      describe_total(totals.run_walk_seconds, totals.run_walk_metres) + " run-walk";
  return run == "none" ? mixed : run + " + " + mixed;
}

// A list of sessions (format 2) from its least to its most: a list need not rise in every
// column (week 3 of post-acl-run-walk runs 21, 16, then 20 minutes), and "21 min to 20 min",
// its first and last, would hide the 16.
std::string least_to_most(const Stage& s, const std::function<double(const SessionTotals&)>& size,
                          const std::function<std::string(const SessionTotals&)>& describe) {
  SessionTotals least = session_totals(s.session);
  SessionTotals most = least;
  for (int i = 1; i < session_count(s); ++i) {
    const SessionTotals totals = session_totals(session_for(s, i));
    if (size(totals) < size(least)) least = totals;
    if (size(totals) > size(most)) most = totals;
  }
  const std::string from = describe(least);
  const std::string to = describe(most);
  return from == to ? from : from + " to " + to;
}

// One of seconds and metres is zero in a session by time or by distance, so their sum orders
// the sessions of a list by how much running they hold.
std::string run_range(const Stage& s) {
  return least_to_most(
      s,
      [](const SessionTotals& t) {
        return t.run_seconds + t.run_walk_seconds + t.run_metres + t.run_walk_metres;
      },
      run_column);
}

std::string walk_range(const Stage& s) {
  return least_to_most(
      s, [](const SessionTotals& t) { return t.walk_seconds + t.walk_metres; },
      [](const SessionTotals& t) { return describe_total(t.walk_seconds, t.walk_metres); });
}

// A stage's session, or (format 2) its list of sessions, one per good run in a row.
void print_sessions(std::ostream& out, const Stage& s) {
  const int count = session_count(s);
  if (count == 1) {
    out << "     " << describe_session(s.session) << cite(s.ref) << '\n';
    return;
  }
  out << "     " << count << " sessions, one for each good session in a row" << cite(s.ref)
      << "; a session that does not pass starts the list over:\n";
  for (int i = 0; i < count; ++i) {
    out << "       " << i + 1 << ". " << describe_session(session_for(s, i));
    if (i + 1 == count && count < s.sessions_to_advance) {
      out << " (and at every good run after it, until the stage moves on)";
    }
    out << '\n';
  }
}

// Format 2: what each runner chooses at start, and the week's cap.
void print_runner_choices(std::ostream& out, const Protocol& p) {
  if (!p.goal && p.options.empty() && !p.weekly_cap) return;
  heading(out, "Each runner's choices");
  if (p.goal) {
    out << "  Goal: " << describe_goal(*p.goal) << " (runback start --goal)" << cite(p.goal->ref)
        << '\n';
  }
  if (!p.options.empty()) {
    out << "  Options (runback start --option; the first unless they choose):\n";
    for (const auto& o : p.options) out << "    " << o.id << ": " << o.name << '\n';
  }
  if (p.weekly_cap) out << "  Weekly cap: " << describe_weekly_cap(*p.weekly_cap) << '\n';
}

// A calendar programme's stages: one session each, on its day (the runs a week, rest days and
// sessions to advance do not apply).
void print_calendar_stages(std::ostream& out, const Protocol& p) {
  const StepWords words = step_words(p);
  heading(out,
          capitalise_word(words.many) + " (one session each, on its day of the calendar below)");
  TextTable table({"#", capitalise_word(words.one), "Day", "Run/session", "Walk/session"});
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const Stage& s = p.stages[i];
    const SessionTotals totals = session_totals(s.session);
    std::string day;
    for (const CalendarDay& entry : p.calendar->days) {
      if (entry.stage == s.id) day = std::to_string(entry.day);
    }
    table.add_row({std::to_string(i + 1), s.id, day, run_column(totals),
                   describe_total(totals.walk_seconds, totals.walk_metres)});
  }
  table.print(out, "  ");
}

void print_calendar(std::ostream& out, const Protocol& p) {
  if (!p.calendar) return;
  const Calendar& calendar = *p.calendar;
  heading(out, "Calendar (by programme day; day 1 is the start date)" + cite(calendar.ref));
  int expected = 1;
  for (const CalendarDay& entry : calendar.days) {
    if (entry.day > expected) {
      out << "  Day" << (entry.day - 1 > expected ? "s " + std::to_string(expected) + "-" : " ")
          << entry.day - 1 << ": rest day\n";
    }
    out << "  Day " << entry.day << ": ";
    if (entry.recovery) {
      out << describe_recovery_day(entry.activity) << '\n';
    } else {
      const int index = p.stage_index(entry.stage);
      out << step_words(p).one << " " << index + 1 << " (" << entry.stage << ")\n";
    }
    expected = entry.day + 1;
  }
  out << "  Each good session moves on to the next day of the calendar, as many days after the "
         "run as the calendar puts between the two; after a setback the rest of the calendar "
         "shifts.\n";
  if (calendar.bad_day) {
    out << "  On a bad day (a session that does not pass for pain, a limp, swelling or a "
           "response): "
        << describe_bad_day(*calendar.bad_day) << "." << cite(calendar.bad_day->ref)
        << " A stop or a more cautious response still wins.\n";
  } else {
    out << "  A session that does not pass is done again, as the responses say.\n";
  }
}

void print_stages(std::ostream& out, const Protocol& p) {
  if (p.calendar) {
    print_calendar_stages(out, p);
  } else {
    heading(out, capitalise_word(step_words(p).many) + " (by default " +
                     frequency_words(p.frequency) + ")" + cite(p.frequency.ref));
    TextTable table({"#", capitalise_word(step_words(p).one), "Run/session", "Walk/session",
                     "Runs/week", "Rest days", "Advance after"});
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
      const Stage& s = p.stages[i];
      const Frequency& f = s.frequency;
      table.add_row({std::to_string(i + 1), s.id, run_range(s), walk_range(s),
                     f.sessions_up_to ? "up to " + std::to_string(f.sessions_max)
                     : f.sessions_min == f.sessions_max
                         ? std::to_string(f.sessions_min)
                         : std::to_string(f.sessions_min) + "-" + std::to_string(f.sessions_max),
                     "at least " + std::to_string(f.min_rest_days),
                     plural(s.sessions_to_advance, "session", "sessions")});
    }
    table.print(out, "  ");
  }
  for (const WeekFrequency& week : p.frequency.by_week) {
    out << "  " << capitalise_word(describe_week_frequency(week)) << "." << cite(week.ref) << '\n';
  }
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const Stage& s = p.stages[i];
    out << '\n' << "  " << i + 1 << ". " << s.name;
    if (s.name != s.id) out << " (" << s.id << ")";
    out << '\n';
    print_sessions(out, s);
    const std::string intensity = describe_intensity(s.intensity);
    if (!intensity.empty()) {
      out << "     Intensity: " << intensity << cite(s.intensity.ref) << '\n';
    }
    if ((s.frequency.ref != p.frequency.ref ||
         s.frequency.sessions_ref != p.frequency.sessions_ref ||
         s.frequency.rest_ref != p.frequency.rest_ref) &&
        !p.calendar) {
      out << "     Runs: " << frequency_words(s.frequency) << cite(s.frequency.ref) << '\n';
    }
    if (s.frequency.by_week != p.frequency.by_week) {
      for (const WeekFrequency& week : s.frequency.by_week) {
        out << "     Runs " << describe_week_frequency(week) << "." << cite(week.ref) << '\n';
      }
    }
    if (!s.surface.empty()) out << "     Surface: " << s.surface << '\n';
    if (s.ladder) out << "     Ladder: " << describe_ladder(s) << '\n';
    for (const auto& a : s.alternatives) {
      out << "     Alternative " << describe_alternative(a) << '\n';
    }
    if (!s.notes.empty()) out << "     Notes: " << s.notes << '\n';
    for (const auto& e : s.exercises) {
      out << "     Exercise: " << e.name << ", " << describe_exercise_dose(e) << cite(e.ref)
          << '\n';
    }
  }
}

// Format 2: the weeks that follow the last stage.
void print_after_goal(std::ostream& out, const Protocol& p) {
  if (!p.after_goal) return;
  heading(out, "After the goal" + cite(p.after_goal->ref));
  for (const auto& line : describe_after_goal(*p.after_goal)) out << "  " << line << '\n';
}

void print_progression(std::ostream& out, const Protocol& p) {
  const Progression& g = p.progression;
  heading(out, "Moving on");
  const StepWords words = step_words(p);
  if (p.calendar) {
    out << "  A " << words.one << " is done when its session is done without problems; the "
        << "calendar's days are the pace (no cap on the " << words.many << " up in 7 days)."
        << cite(g.ref) << '\n';
  } else {
    out << "  A " << words.one << " is done when its sessions are done without problems (see "
        << "each " << words.one << ").\n";
    out << "  At most " << plural(g.max_stages_per_7_days, words.one, words.many)
        << " up in any 7 days"
        << (g.max_stages_per_7_days > 2 ? " (more than the common cap of 2 a week)." : ".")
        << cite(g.ref) << '\n';
  }
  // The default (wait for the next morning) is what "How a checkpoint is decided" says already.
  if (g.decide != DecideWhen::next_morning) out << "  " << describe_decide(g.decide) << '\n';
  out << "  A session done only in part "
      << (g.partial_session == PartialSession::counts ? "counts towards moving on."
                                                      : "does not count; it is repeated.")
      << '\n';
  for (const auto& b : g.breaks) {
    out << "  After " << b.days << " days or more without running: "
        << (b.restart ? "start again from the first " + words.one
                      : "step back " + plural(b.step_back, words.one, words.many))
        << "." << cite(b.ref) << '\n';
  }
}

void print_pain(std::ostream& out, const Protocol& p) {
  heading(out, "Pain limits (0-10 scale)");
  const auto limit = [](const std::optional<PainLimit>& l) {
    return l ? describe_pain_limit(*l) + cite(l->ref) : std::string("no limit");
  };
  // The warm-up row only for a protocol that sets it (format 2), so others read as before.
  TextTable table = p.pain.warmup ? TextTable({"In the warm-up:", limit(p.pain.warmup)})
                                  : TextTable({"During a run:", limit(p.pain.during)});
  if (p.pain.warmup) table.add_row({"During a run:", limit(p.pain.during)});
  table.add_row(
      {plural(p.pain.after_minutes, "minute", "minutes") + " after:", limit(p.pain.after)});
  table.add_row({"Next morning:", limit(p.pain.next_morning)});
  table.print(out, "  ");
  out << "  A limit passed with no response below: repeat the " << step_words(p).one << ".\n";
  out << "  \"Your usual pain\" is the pain the runner gives at `runback start` (their pain on an "
         "ordinary day before any running), until they log a next-morning score; from then on it "
         "is the last next-morning score before the run. Never an assumed 0.\n";

  if (p.responses.empty()) return;
  heading(out, "Responses (when several apply, the most cautious wins)");
  const StepWords words = step_words(p);
  for (const auto& r : p.responses) {
    out << "  - If " << describe_condition(r.when) << ": "
        << describe_action(r.then, words.one, words.many) << "." << cite(r.ref) << '\n';
    if (!r.why.empty()) out << "    Why: " << r.why << '\n';
  }
}

void print_red_flags(std::ostream& out, const Protocol& p) {
  heading(out, "Red flags: stop running and see a clinician for");
  for (const auto& f : p.red_flags) out << "  - " << f.text << cite(f.ref) << '\n';
}

void print_exercises(std::ostream& out, const Protocol& p) {
  if (p.exercises.empty()) return;
  heading(out, "Exercises (every stage)");
  for (const auto& e : p.exercises) {
    out << "  - " << e.name << ": " << describe_exercise_dose(e) << cite(e.ref) << '\n';
    if (!e.progression.empty()) out << "    Progression: " << e.progression << '\n';
  }
}

void print_recovery(std::ostream& out, const Protocol& p) {
  if (p.recovery.empty()) return;
  heading(out, "Recovery routine");
  for (const auto& r : p.recovery) {
    out << "  - " << r.name << ", " << describe_recovery_when(r);
    if (r.duration) out << ", " << format_amount(*r.duration);
    if (!r.details.empty()) out << ": " << r.details;
    out << cite(r.ref) << '\n';
  }
}

void print_plugin(std::ostream& out, const Protocol& p) {
  if (!p.plugin) return;
  heading(out, "Plugin");
  out << "  " << p.plugin->name << cite(p.plugin->ref) << '\n';
  for (const auto& [key, value] : p.plugin->params) {
    out << "    " << key << ": " << value.text << '\n';
  }
}

void print_references(std::ostream& out, const Protocol& p) {
  if (p.references.empty()) return;
  heading(out, "References");
  for (const auto& r : p.references) {
    out << "  [" << r.id << "] " << r.citation;
    if (!r.note.empty()) out << " " << r.note;
    out << '\n';
    if (!r.url.empty()) out << "    " << r.url << '\n';
  }
}

}  // namespace

void print_protocol(std::ostream& out, const Protocol& p) {
  print_header(out, p);
  print_start(out, p);
  print_runner_choices(out, p);
  print_stages(out, p);
  print_calendar(out, p);
  print_after_goal(out, p);
  print_progression(out, p);
  print_pain(out, p);
  print_red_flags(out, p);
  print_exercises(out, p);
  print_recovery(out, p);
  print_plugin(out, p);
  print_references(out, p);
}

}  // namespace runback::cli

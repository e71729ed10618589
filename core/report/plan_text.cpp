#include "report/plan_text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

#include "plan/schedule.hpp"
#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "protocol/safety.hpp"

namespace runback {
namespace {

using Days = std::chrono::days;

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string capitalise(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

const Stage& stage_at(const Protocol& protocol, int index) {
  return protocol.stages[std::size_t(std::clamp(index, 0, int(protocol.stages.size()) - 1))];
}

// "stage 3 of 12, 2-minute runs"
std::string stage_title(const Protocol& protocol, int index) {
  const Stage& stage = stage_at(protocol, index);
  std::string out =
      "stage " + std::to_string(index + 1) + " of " + std::to_string(protocol.stages.size());
  if (!stage.name.empty() && stage.name != stage.id) out += ", " + stage.name;
  return out;
}

void write_run(std::ostream& out, const Protocol& protocol, const PlannedDay& day) {
  const Stage& stage = stage_at(protocol, day.run->stage_index);
  out << "  " << capitalise(describe_session(stage.session)) << ".\n";
  out << "  " << capitalise(describe_totals(session_totals(stage.session))) << ".\n";
  std::string intensity = describe_intensity(stage.intensity);
  while (!intensity.empty() && (intensity.back() == '.' || intensity.back() == ' '))
    intensity.pop_back();
  if (!intensity.empty()) out << "  " << capitalise(intensity) << ".\n";
  for (const SessionCue& cue : day.cues) out << "  Cue: " << cue.text << ".\n";
  if (!stage.surface.empty()) out << "  Surface: " << stage.surface << "\n";
  if (!stage.notes.empty()) out << "  Note: " << stage.notes << "\n";
}

// "pain during 2/10, after 1/10, next morning 0/10, morning stiffness 10 min, swelling" -- what
// was logged for a past day, so the week shows how it went, not only that it happened.
std::string logged_words(const Protocol& protocol, const DayLog& log) {
  std::vector<std::string> parts;
  auto score = [](int value) { return std::to_string(value) + "/10"; };
  if (log.pain_during) parts.push_back("pain during " + score(*log.pain_during));
  if (log.pain_after) {
    parts.push_back((parts.empty() ? "pain after " : "after ") + score(*log.pain_after));
  }
  if (log.pain_next_morning) {
    parts.push_back((parts.empty() ? "pain the next morning " : "next morning ") +
                    score(*log.pain_next_morning));
  }
  if (log.stiffness_minutes) {
    parts.push_back("morning stiffness " + std::to_string(*log.stiffness_minutes) + " min");
  }
  if (log.swelling) parts.push_back("swelling");
  if (log.limp) parts.push_back("a limp");
  for (const std::string& flag : log.red_flags) {
    parts.push_back("red flag: " + lower_first(red_flag_text(protocol, flag)));
  }
  for (const auto& [key, value] : log.answers) parts.push_back(key + " " + value);
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// "After the run, log: pain during the run (0-10); pain 60 minutes after the run (0-10)" and the
// one command that logs them all.
void write_reminder(std::ostream& out, const Reminder& reminder, Date day) {
  const bool morning = reminder.when == TimePoint::next_morning;
  const bool own_day = reminder.session_date == day;
  out << "  " << (morning ? "This morning, log for " : "After the run, log for ")
      << (own_day ? std::string("today's run")
                  : (reminder.session_date + std::chrono::days{1} == day
                         ? "yesterday's run"
                         : "the run on " + short_day(reminder.session_date)))
      << ": ";
  for (std::size_t i = 0; i < reminder.fields.size(); ++i) {
    const LogField& field = reminder.fields[i];
    out << (i == 0 ? "" : "; ") << field.what;
    if (field.value == LogValue::answer && field.yes_no) out << " (yes or no)";
  }
  out << "\n      " << log_command(reminder) << "\n";
  if (!morning && own_day) {
    out << "      (add --session partial if you did only part of it, --session skipped if you "
           "did not run; --limp or --swelling if you noticed either)\n";
  }
}

void write_day(std::ostream& out, const Protocol& protocol, const PlannedDay& day, Date today) {
  out << short_day(day.date) << (day.date == today ? " (today)" : "") << ": ";
  if (day.run) {
    const PlannedRun& run = *day.run;
    if (run.missed) {
      out << "missed run (" << stage_title(protocol, run.stage_index)
          << "): nothing was logged. If you ran, log it now with the command below; if not, "
             "that is all right: carry on with the plan.\n";
      for (const Reminder& reminder : day.reminders) {
        out << "      " << log_command(reminder) << "\n";
      }
    } else if (run.logged) {
      out << (run.outcome == SessionOutcome::skipped ? "run skipped" : "ran") << " ("
          << stage_title(protocol, run.stage_index) << ")";
      if (run.outcome == SessionOutcome::partial) out << ", partly";
      if (run.unplanned) out << "; no run was planned that day";
      out << "\n";
    } else {
      out << "run, " << stage_title(protocol, run.stage_index)
          << (run.if_all_goes_well ? " (if the runs before it go well)" : "") << "\n";
      write_run(out, protocol, day);
    }
  } else {
    switch (day.rest) {
      case RestKind::before_start:
        out << "your programme has not started yet.\n";
        return;
      case RestKind::stopped:
        out << "no running. Please see your physiotherapist before you run again.\n";
        return;
      case RestKind::finished:
        out << "programme finished. Well done.\n";
        break;
      case RestKind::imposed:
        out << "rest day, as your last checkpoint asked. Rest is part of the plan.\n";
        break;
      default:
        out << "rest day. Your body adapts on rest days.\n";
        break;
    }
  }
  if (day.logged) {
    const std::string words = logged_words(protocol, *day.logged);
    if (!words.empty()) out << "  You logged: " << words << ".\n";
  }
  if (day.date < today) return;
  for (const Exercise& exercise : day.exercises) {
    out << "  Exercise: " << exercise.name << ": " << describe_exercise_dose(exercise) << "\n";
  }
  for (const RecoveryItem& item : day.recovery) {
    out << "  Recovery: " << item.name;
    if (item.duration) out << ", " << format_amount(*item.duration);
    if (!item.details.empty()) out << ". " << item.details;
    out << "\n";
  }
  for (const Reminder& reminder : day.reminders) write_reminder(out, reminder, day.date);
}

}  // namespace

std::string short_day(Date date) {
  const std::chrono::year_month_day ymd{date};
  return capitalise(weekday_short(std::chrono::weekday{date})) + " " +
         std::to_string(unsigned(ymd.day())) + " " + kMonths[unsigned(ymd.month()) - 1];
}

std::string log_flag(const LogField& field) {
  switch (field.value) {
    case LogValue::pain_during:
      return "--pain-during N";
    case LogValue::pain_after:
      return "--pain-after N";
    case LogValue::pain_next_morning:
      return "--pain-morning N";
    case LogValue::stiffness:
      return "--stiffness-min N";
    case LogValue::answer:
      return "--answer " + field.answer_key + (field.yes_no ? "=yes" : "=N");
  }
  return "";
}

std::string log_command(const Reminder& reminder) {
  std::string out = "runback log " + format_date(reminder.session_date);
  for (const LogField& field : reminder.fields) out += " " + log_flag(field);
  return out;
}

std::string standing_text(const Protocol& protocol, const Plan& plan, Date today) {
  std::ostringstream out;
  const PlanStatus& status = plan.status;
  if (status.complete) {
    out << "You have completed all " << protocol.stages.size() << " stages. Well done.\n";
  } else {
    out << capitalise(stage_title(protocol, status.stage_index)) << ". ";
    if (status.stopped) {
      out << "Running is on hold since " << short_day(*status.stopped_on)
          << ": please see your physiotherapist before you run again. Once they clear you, "
             "record it with `runback clear --by \"NAME\" --date DATE` (the day they saw you).\n";
    } else if (status.clean_sessions >= status.sessions_to_advance) {
      out << status.clean_sessions << " good run" << (status.clean_sessions == 1 ? "" : "s")
          << " in a row here, enough to move up";
      if (status.can_move_up_from && *status.can_move_up_from > today) {
        out << "; this protocol allows only " << protocol.progression.max_stages_per_7_days
            << " move" << (protocol.progression.max_stages_per_7_days == 1 ? "" : "s")
            << " up in 7 days, so a good run from " << short_day(*status.can_move_up_from)
            << " moves you up";
      } else {
        out << ": your next good run moves you up";
      }
      out << ".\n";
    } else {
      const int more = status.sessions_to_advance - status.clean_sessions;
      out << status.clean_sessions << " of " << status.sessions_to_advance
          << " good runs in a row done here; " << more << " more to move up.\n";
    }
  }
  if (const Decision* last = last_decision(plan)) {
    out << "Last decision (" << short_day(last->date) << "): " << last->explanation << "\n";
  } else if (!status.complete && !waiting_decision(plan)) {
    out << "No runs logged yet: start with the first run in your plan, and log how it went.\n";
  }
  if (const Decision* waiting = waiting_decision(plan)) out << waiting->explanation << "\n";
  if (!status.recent_missed.empty()) {
    out << "Missed: " << status.recent_missed.size() << " planned run"
        << (status.recent_missed.size() == 1 ? "" : "s") << " in the last 14 days with nothing "
        << "logged (";
    for (std::size_t i = 0; i < status.recent_missed.size(); ++i) {
      out << (i == 0 ? "" : ", ") << short_day(status.recent_missed[i]);
    }
    out << "). If you ran, log it: `runback log DATE --pain-during N`.\n";
  }
  for (const Decision& next : plan.projected) {
    if (next.kind == DecisionKind::break_back) out << "Next run: " << next.explanation << "\n";
    break;
  }
  if (plan.next_run && !status.stopped && !status.complete) {
    int stage = status.stage_index;
    for (const PlannedDay& day : plan.days) {
      if (day.date == *plan.next_run && day.run) stage = day.run->stage_index;
    }
    out << "Next run: " << short_day(*plan.next_run) << (*plan.next_run == today ? " (today)" : "")
        << ", " << stage_title(protocol, stage) << ".\n";
  }
  return out.str();
}

std::vector<std::string> run_day_warnings(const Protocol& protocol,
                                          const std::vector<std::chrono::weekday>& preferred) {
  std::vector<std::string> warnings;
  if (preferred.empty()) return warnings;
  auto days_words = [](const std::vector<std::chrono::weekday>& days) {
    std::string out;
    for (std::size_t i = 0; i < days.size(); ++i) {
      out += (i == 0 ? "" : (i + 1 == days.size() ? " and " : ", ")) +
             capitalise(weekday_short(days[i]));
    }
    return out;
  };
  std::vector<Frequency> seen;
  for (std::size_t i = 0; i < protocol.stages.size(); ++i) {
    const Frequency& f = protocol.stages[i].frequency;
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    const RunDayPattern pattern = run_day_pattern(preferred, f);
    if (pattern.preferred_fit) continue;
    std::string stages;
    std::size_t count = 0;
    for (std::size_t j = i; j < protocol.stages.size(); ++j) {
      if (protocol.stages[j].frequency == f) {
        stages += (stages.empty() ? "" : ", ") + std::to_string(j + 1);
        ++count;
      }
    }
    const std::string where = count == protocol.stages.size() ? "this protocol"
                              : count == 1                    ? "stage " + stages
                                                              : "stages " + stages;
    warnings.push_back("your days (" + days_words(preferred) + ") do not fit " + where + ": " +
                       describe_frequency(f) + ". runback will plan your runs on " +
                       days_words(pattern.days) +
                       (count == protocol.stages.size() ? "." : " there."));
  }
  return warnings;
}

std::string red_flags_text(const Protocol& protocol) {
  std::string out = "Stop running and see your clinician if you notice: ";
  bool first = true;
  for (const auto& flag : safety::kBuiltInRedFlags) {
    out += (first ? "" : "; ") + lower_first(std::string(flag.text)) + " (" + std::string(flag.id) +
           ")";
    first = false;
  }
  for (const RedFlag& flag : protocol.red_flags) {
    if (flag.built_in) continue;
    out += "; " + lower_first(flag.text) + " (" + flag.id + ")";
  }
  return out + ". Log it with `runback log --red-flag NAME`, the name in brackets.\n";
}

std::string week_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                      Date today) {
  std::ostringstream out;
  if (plan.days.empty()) return "";
  const Date from = plan.days.front().date;
  out << (runner.empty() ? "Your" : runner + "'s") << " week from "
      << format_day_range(from, plan.days.back().date) << ": " << protocol.title << "\n";
  out << standing_text(protocol, plan, today);
  if (!plan.status.complete) {
    if (plan.status.usual_pain) {
      out << "A rise in pain is measured from your last next-morning score, or from your usual "
          << *plan.status.usual_pain << "/10 until you have logged one.\n";
    }
    out << red_flags_text(protocol);
  }
  for (const std::string& note : plan.notes) out << "Note: " << note << "\n";
  for (const PlannedDay& day : plan.days) {
    out << "\n";
    write_day(out, protocol, day, today);
  }
  return out.str();
}

std::string status_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                        Date today, int decisions_shown) {
  std::ostringstream out;
  const PlanStatus& status = plan.status;
  out << (runner.empty() ? std::string("You") : runner) << ": " << protocol.title << " ("
      << protocol.id << " " << protocol.version << ")\n";
  out << standing_text(protocol, plan, today);
  if (status.usual_pain) {
    out << "Usual pain before starting: " << *status.usual_pain
        << "/10 (a rise in pain is measured from it until you log a next-morning value).\n";
  }
  if (status.missed_runs > 0) {
    out << "Missed runs since the start: " << status.missed_runs << ".\n";
  }
  if (!plan.decisions.empty()) {
    out << "\nLast decisions:\n";
    const std::size_t shown = std::min(plan.decisions.size(), std::size_t(decisions_shown));
    for (std::size_t i = plan.decisions.size() - shown; i < plan.decisions.size(); ++i) {
      const Decision& d = plan.decisions[i];
      out << "  " << short_day(d.date) << ": " << d.explanation << "\n";
    }
  }
  if (plan.projected_completion && !status.complete) {
    const auto days = (*plan.projected_completion - today).count();
    out << "\nProjected completion: " << short_day(*plan.projected_completion) << " "
        << int(std::chrono::year_month_day{*plan.projected_completion}.year()) << ", in about "
        << (days + 6) / 7 << " week" << ((days + 6) / 7 == 1 ? "" : "s")
        << " if every run goes well.\n";
  }
  for (const std::string& note : plan.notes) out << "Note: " << note << "\n";
  return out.str();
}

std::string simulation_text(const Protocol& protocol, const Simulation& sim,
                            const std::string& symptoms) {
  std::ostringstream out;
  out << "Simulation of " << protocol.id << " " << protocol.version << " (" << protocol.title
      << ") with " << symptoms << ", starting " << short_day(sim.start) << " "
      << int(std::chrono::year_month_day{sim.start}.year()) << ".\n\n";
  out << "Stage  Days       From        To          Runs  Name\n";
  for (const StageSpan& span : sim.timeline) {
    const Stage& stage = stage_at(protocol, span.stage_index);
    char line[128];
    std::snprintf(line, sizeof line, "%-6d %-10d %-11s %-11s %-5d ", span.stage_index + 1,
                  int((span.last - span.first).count()) + 1, format_date(span.first).c_str(),
                  format_date(span.last).c_str(), span.runs);
    out << line << stage.name << "\n";
  }
  int ups = 0, repeats = 0, backs = 0, stops = 0;
  std::vector<const Decision*> setbacks;
  for (const Decision& d : sim.decisions) {
    switch (d.kind) {
      case DecisionKind::advance:
      case DecisionKind::complete:
        ++ups;
        break;
      case DecisionKind::repeat:
        ++repeats;
        break;
      case DecisionKind::step_back:
      case DecisionKind::break_back:
        ++backs;
        break;
      case DecisionKind::stop:
        ++stops;
        break;
      default:
        break;
    }
    if (!is_pass(d.kind) && d.kind != DecisionKind::waiting) setbacks.push_back(&d);
  }
  out << "\n"
      << sim.logs.size() << " runs: " << ups << " moves up, " << repeats << " repeats, " << backs
      << " steps back, " << stops << " stops.\n";
  if (!setbacks.empty()) {
    out << "\nSetbacks:\n";
    constexpr std::size_t kShown = 12;
    for (std::size_t i = 0; i < setbacks.size() && i < kShown; ++i) {
      out << "  " << format_date(setbacks[i]->date) << ": " << setbacks[i]->explanation << "\n";
    }
    if (setbacks.size() > kShown) {
      out << "  ... and " << setbacks.size() - kShown
          << " more (--format json lists every decision).\n";
    }
  }
  out << "\n";
  if (sim.days_to_completion) {
    out << "Completed on " << format_date(*sim.completed) << ": " << *sim.days_to_completion
        << " days (" << (*sim.days_to_completion + 6) / 7 << " weeks) from the start.\n";
  } else if (sim.stopped) {
    out << "Stopped: the runner would need a clinician's clearance to go on.\n";
  } else {
    out << "Not completed within the simulated days.\n";
  }
  return out.str();
}

}  // namespace runback

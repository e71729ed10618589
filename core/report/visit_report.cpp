#include "report/visit_report.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "protocol/describe.hpp"
#include "protocol/personalise.hpp"
#include "report/decision_words.hpp"
#include "report/plan_text.hpp"
#include "report/plan_words.hpp"
#include "report/standing_text.hpp"
#include "report/svg_chart.hpp"

namespace runback {
namespace {

bool within(Date date, Date from, Date to) {
  return date >= from && date <= to;
}

std::vector<AnswerSeries> answer_series(const RunnerRecords& records,
                                        const std::vector<CheckpointQuestion>& questions, Date from,
                                        Date to) {
  std::map<std::string, AnswerSeries> by_key;
  for (const DayLog& log : records.logs) {
    if (!within(log.date, from, to)) continue;
    for (const auto& [key, text] : log.answers) {
      AnswerSeries& series = by_key[key];
      if (series.key.empty()) {
        series.key = key;
        series.question = key;
        // clang 14 does not capture a structured binding in a lambda: a named reference does.
        const std::string& asked_key = key;
        const auto asked =
            std::find_if(questions.begin(), questions.end(),
                         [&](const CheckpointQuestion& q) { return q.key == asked_key; });
        if (asked != questions.end()) {
          series.question = asked->text;
          series.yes_no = asked->kind == CheckpointQuestion::Kind::yes_no;
          series.min = asked->min;
          // A 0-10 score keeps its whole scale; a wide one (minutes, counts up to 100) is drawn
          // to the highest answer, or its few answers would lie flat along the bottom.
          series.max = asked->max <= 10 ? asked->max : asked->min + 1;
        }
      }
      AnswerSeries::Point point{log.date, 0, text};
      if (text == "yes" || text == "no") {
        series.yes_no = true;
        point.value = text == "yes" ? 1 : 0;
      } else {
        try {
          point.value = std::stod(text);
        } catch (const std::exception&) {
          continue;  // not a number: a plugin's own words, nothing to draw
        }
        series.max = std::max(series.max, point.value);
        series.min = std::min(series.min, point.value);
      }
      series.points.push_back(std::move(point));
    }
  }
  std::vector<AnswerSeries> out;
  for (auto& [key, series] : by_key) {
    if (!series.points.empty()) out.push_back(std::move(series));
  }
  return out;
}

// The cadence the plugin set for each run done, when it sets one.
std::optional<AnswerSeries> cadence_series(const Plan& plan, Date from, Date to) {
  AnswerSeries series;
  series.key = "steps/min";
  series.question = "The cadence target the plugin set for each run done, in steps per minute";
  series.target = true;
  for (const PlannedDay& day : plan.days) {
    if (!within(day.date, from, to) || !day.run || !day.run->logged || !day.run->outcome ||
        *day.run->outcome == SessionOutcome::skipped) {
      continue;
    }
    for (const SessionCue& cue : day.cues) {
      if (!cue.cadence_spm) continue;
      series.points.push_back(
          {day.date, *cue.cadence_spm, svg_number(*cue.cadence_spm) + " steps/min"});
      break;
    }
  }
  if (series.points.empty()) return std::nullopt;
  // Around the targets, not from 0: a rise of 5% is what there is to see.
  const auto [low, high] =
      std::minmax_element(series.points.begin(), series.points.end(),
                          [](const auto& a, const auto& b) { return a.value < b.value; });
  series.min = low->value - 5;
  series.max = high->value + 5;
  return series;
}

void add_week_totals(VisitReport& report, const Protocol& protocol, const Plan& plan) {
  for (const PlannedDay& day : plan.days) {
    if (!within(day.date, report.from, report.to)) continue;
    const Date monday = std::max(monday_of(day.date), report.from);
    if (report.weeks.empty() || report.weeks.back().monday != monday) {
      report.weeks.push_back(ReportWeek{monday});
    }
    if (!day.run || !day.run->logged || !day.run->outcome ||
        *day.run->outcome == SessionOutcome::skipped) {
      continue;
    }
    ReportWeek& week = report.weeks.back();
    const Session& session =
        session_for(stage_at(protocol, day.run->stage_index), day.run->session_index);
    ++(walk_only(session) ? week.walks : week.runs);
    if (*day.run->outcome != SessionOutcome::done) continue;
    week.run_minutes += running_volume(session, Amount::Kind::time) / 60.0;
    if (running_volume(session, Amount::Kind::distance) > 0) week.by_distance = true;
  }
}

}  // namespace

VisitReport make_visit_report(const Protocol& protocol, const RunnerRecords& records,
                              const Plan& plan, const Plan& week_plan,
                              const std::vector<CheckpointQuestion>& questions, Date from, Date to,
                              const CommandSyntax& commands) {
  VisitReport report;
  report.runner = records.runner.name;
  report.protocol_title = protocol.title;
  report.protocol_id = protocol.id;
  report.protocol_version = protocol.version;
  report.step_word = protocol.step_word;
  report.programme_start = records.programme.start_date;
  report.from = from;
  report.to = to;
  for (int i = 0; i < int(protocol.stages.size()); ++i) {
    report.stage_titles.push_back(stage_title(protocol, i));
  }
  report.limits = effective_pain_limits(protocol);

  std::map<Date, int> stage_on;
  for (const PlannedDay& day : plan.days) stage_on[day.date] = day.stage_index;
  for (Date day = from; day <= to; day += std::chrono::days{1}) {
    auto it = stage_on.find(day);
    report.stage_by_day.push_back(it != stage_on.end() ? it->second
                                                       : records.programme.starting_stage);
  }

  for (const DayLog& log : records.logs) {
    if (!within(log.date, from, to)) continue;
    if (const auto outcome = implied_session(log)) {
      const int stage = report.stage_by_day[std::size_t((log.date - from).count())];
      report.sessions.push_back(ReportSession{log.date, *outcome, stage, log.pain_during,
                                              log.pain_after, log.pain_next_morning, log.note});
    }
    for (const std::string& id : log.red_flags) {
      report.red_flags.push_back(ReportRedFlag{log.date, id, red_flag_text(protocol, id)});
    }
  }
  for (const Decision& decision : plan.decisions) {
    if (decision.kind == DecisionKind::waiting || !within(decision.date, from, to)) continue;
    report.decisions.push_back(ReportDecision{decision, explanation_text(decision, commands)});
  }
  add_week_totals(report, protocol, plan);
  report.answers = answer_series(records, questions, from, to);
  if (auto cadence = cadence_series(plan, from, to)) report.answers.push_back(std::move(*cadence));
  for (const Clearance& clearance : records.clearances) {
    if (within(clearance.date, from, to)) report.clearances.push_back(clearance);
  }
  report.standing = standing_text(protocol, week_plan, to, commands);
  report.week = week_text(protocol, week_plan, records.runner.name, to, commands);
  return report;
}

}  // namespace runback

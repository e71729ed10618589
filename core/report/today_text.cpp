// `runback today` in words: the one day, all of it, in a few lines.
#include "report/day_text.hpp"
#include "report/decision_words.hpp"
#include "report/plan_text.hpp"
#include "report/plan_words.hpp"
#include "report/standing_text.hpp"

namespace runback {

std::string today_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                       Date today, const CommandSyntax& commands, TextLayout layout) {
  if (plan.days.empty()) return "";
  const PlannedDay& day = plan.days.front();
  TextWriter out(layout);
  out.paragraph((runner.empty() ? std::string("You") : runner) + ", " + short_day(day.date) + ": " +
                    protocol.title,
                0, Tone::heading);
  // Where the runner stands, without what the day below says anyway: a value still waited for
  // that today's reminder asks for (unless what was logged already fails the session: that
  // news is not in the reminder), the next run when it is today, a plain decision.
  const Decision* waiting = waiting_decision(plan);
  for (const Reminder& reminder : day.reminders) {
    if (waiting && !waiting->fails_already && reminder.session_date == waiting->date) {
      waiting = nullptr;
    }
  }
  const std::string waiting_line =
      waiting_decision(plan) ? explanation_text(*waiting_decision(plan), commands) : std::string();
  const std::vector<StandingLine> lines = standing_lines(protocol, plan, today, commands);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const StandingLine& line = lines[i];
    const bool stage_line = i == 0;
    const bool next_run = line.text.rfind("Next run: ", 0) == 0;
    if (!waiting && !waiting_line.empty() && line.text == waiting_line) continue;
    if (!stage_line && line.tone == Tone::plain && !next_run) continue;
    if (next_run && day.run) continue;
    out.paragraph(line.text, 0, line.tone);
  }
  SaidOnce said;
  said.stage_index = plan.status.stage_index;
  write_day(out, protocol, commands, day, today, said);
  return out.str();
}

}  // namespace runback

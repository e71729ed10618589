#include "report/visit_html.hpp"

#include "report/html_escape.hpp"
#include "report/plan_words.hpp"
#include "report/report_charts.hpp"
#include "report/visit_css.hpp"

namespace runback {
namespace {

std::string e(std::string_view text) {
  return html_escape(text);
}

std::string limit_words(const std::string& when, const std::optional<PainLimit>& limit) {
  if (!limit) return {};
  std::string words;
  if (limit->max) words = "at most " + std::to_string(*limit->max) + "/10";
  if (limit->max_rise) {
    if (!words.empty()) words += ", and ";
    words += *limit->max_rise == 0
                 ? std::string("no higher than the baseline")
                 : "no more than " + std::to_string(*limit->max_rise) + " above the baseline";
  }
  return "<li>Pain " + when + ": " + words + ".</li>";
}

std::string pain_section(const VisitReport& report) {
  const EffectivePainLimits& limits = report.limits;
  std::string out = "<section class=\"chart\"><h2>Pain</h2><figure>" + pain_chart(report) +
                    "<figcaption>Each session's pain during the run (circles), after it "
                    "(squares) and the next morning (triangles), on 0 to 10. The dashed lines "
                    "are the highest scores the protocol allows. Its limits:<ul>";
  out += limit_words("in the warm-up", limits.warmup);
  out += limit_words("during the run", limits.during);
  out += limit_words("about " + std::to_string(limits.after_minutes) + " minutes after the run",
                     limits.after);
  out += limit_words("the next morning", limits.next_morning);
  out +=
      "</ul>The baseline is the last next-morning score before the session (before the first, "
      "the usual pain given at the start).</figcaption></figure></section>\n";
  return out;
}

std::string stage_section(const VisitReport& report) {
  return "<section class=\"chart\"><h2>" + e(capitalise(report.step_word)) +
         " over time</h2><figure>" + stage_chart(report) + "<figcaption>The line is the " +
         e(report.step_word) +
         " each day; each marker is a decision taken at a session or an event, its reason "
         "shown when you point at it and listed under Decisions below.</figcaption></figure>"
         "</section>\n";
}

std::string weekly_section(const VisitReport& report) {
  bool by_distance = false;
  for (const ReportWeek& week : report.weeks) by_distance = by_distance || week.by_distance;
  return "<section class=\"chart\"><h2>Runs and running minutes per week</h2><figure>" +
         weekly_chart(report) +
         "<figcaption>Bars: the minutes of running planned for the sessions done in full, "
         "Monday to Sunday; above each, the runs done or partly done (and the walks, for a "
         "programme with walk days)." +
         std::string(by_distance ? " Running set by distance is not in the minutes." : "") +
         "</figcaption></figure></section>\n";
}

std::string answers_section(const VisitReport& report) {
  if (report.answers.empty()) return {};
  std::string out = "<section class=\"answers\"><h2>The plugin's questions and targets</h2>\n";
  for (const AnswerSeries& series : report.answers) {
    out += "<figure>" + answer_chart(report, series) + "<figcaption>" + e(series.question) +
           (series.target ? "" : " (<code>" + e(series.key) + "</code>)") +
           "</figcaption></figure>\n";
  }
  return out + "</section>\n";
}

std::string stage_change(const Decision& decision) {
  if (decision.from_stage == decision.to_stage) return std::to_string(decision.from_stage + 1);
  return std::to_string(decision.from_stage + 1) + " → " + std::to_string(decision.to_stage + 1) +
         (decision.rest_days > 0 ? ", rest " + std::to_string(decision.rest_days) + " d" : "");
}

std::string decisions_section(const VisitReport& report) {
  std::string out = "<section><h2>Decisions</h2>\n";
  if (report.decisions.empty()) return out + "<p>No decisions in these dates.</p></section>\n";
  out += "<table><thead><tr><th>Date</th><th>Decision</th><th>" + e(capitalise(report.step_word)) +
         "</th><th>Why</th></tr></thead><tbody>\n";
  for (const ReportDecision& entry : report.decisions) {
    const Decision& decision = entry.decision;
    out +=
        "<tr><td class=\"nowrap\">" + e(short_day(decision.date)) + "</td><td>" +
        e(decision_words(decision.kind)) + "</td><td class=\"nowrap\">" +
        e(stage_change(decision)) + "</td><td>" + e(entry.reason) +
        (decision.rule.empty() ? "" : " <span class=\"rule\">(" + e(decision.rule) + ")</span>") +
        "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

std::string flags_section(const VisitReport& report) {
  std::string out = "<section><h2>Red flags and clearances</h2>\n";
  if (report.red_flags.empty() && report.clearances.empty()) {
    return out + "<p>No red flags and no clearances in these dates.</p></section>\n";
  }
  out += "<table><thead><tr><th>Date</th><th>What</th><th>Details</th></tr></thead><tbody>\n";
  for (const ReportRedFlag& flag : report.red_flags) {
    out += "<tr><td class=\"nowrap\">" + e(short_day(flag.date)) + "</td><td>Red flag <code>" +
           e(flag.id) + "</code></td><td>" + e(flag.text) + "</td></tr>\n";
  }
  for (const Clearance& clearance : report.clearances) {
    out += "<tr><td class=\"nowrap\">" + e(short_day(clearance.date)) +
           "</td><td>Clearance</td><td>By " + e(clearance.by) +
           (clearance.note.empty() ? "" : ": " + e(clearance.note)) + "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

std::string value(const std::optional<int>& score) {
  return score ? std::to_string(*score) : std::string("–");
}

std::string sessions_section(const VisitReport& report) {
  std::string out = "<section><h2>Sessions</h2>\n";
  if (report.sessions.empty()) return out + "<p>No sessions logged in these dates.</p></section>\n";
  out += "<table><thead><tr><th>Date</th><th>Session</th><th>" + e(capitalise(report.step_word)) +
         "</th><th>Pain during</th><th>After</th><th>Next "
         "morning</th><th>Note</th></tr></thead><tbody>\n";
  for (const ReportSession& session : report.sessions) {
    const char* outcome = session.outcome == SessionOutcome::done      ? "done"
                          : session.outcome == SessionOutcome::partial ? "partly done"
                                                                       : "skipped";
    out += "<tr><td class=\"nowrap\">" + e(short_day(session.date)) + "</td><td>" + outcome +
           "</td><td class=\"num\">" + std::to_string(session.stage_index + 1) +
           "</td><td class=\"num\">" + value(session.pain_during) + "</td><td class=\"num\">" +
           value(session.pain_after) + "</td><td class=\"num\">" +
           value(session.pain_next_morning) + "</td><td>" + e(session.note) + "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

}  // namespace

std::string visit_html(const VisitReport& report) {
  const std::string range = format_day_range(report.from, report.to);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // No script, no fetch: the page shows health data and needs neither.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      e(report.runner) + ": visit report, " + e(range) + "</title>\n<style>" + kVisitCss +
      "</style>\n</head>\n<body>\n<header><h1>" + e(report.runner) + ": visit report</h1>\n" +
      "<p class=\"meta\">" + e(range) + ". " + e(report.protocol_title) + " (<code>" +
      e(report.protocol_id) + "</code> " + e(report.protocol_version) + "), started " +
      e(short_day(report.programme_start)) + " " +
      e(format_date(report.programme_start).substr(0, 4)) + ".</p></header>\n<main>\n" +
      "<section><h2>Where " + e(report.runner) + " stands on " + e(short_day(report.to)) +
      "</h2>\n<pre>" + e(report.standing) + "</pre></section>\n";
  out += pain_section(report);
  out += stage_section(report);
  out += weekly_section(report);
  out += answers_section(report);
  out += decisions_section(report);
  out += flags_section(report);
  out += sessions_section(report);
  out += "<section><h2>The plan for the week of " + e(short_day(monday_of(report.to))) +
         "</h2>\n<pre>" + e(report.week) + "</pre></section>\n";
  out +=
      "</main>\n<footer>Made by runback from the records on this machine. This file needs no "
      "network and no script to read or print.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace runback

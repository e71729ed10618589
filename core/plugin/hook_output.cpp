#include "plugin/hook_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>

#include "plugin/plugin_text.hpp"

#include "util/name_table.hpp"

namespace runback {

namespace {

constexpr NameTable<Hook, 6> kHookNames{{{Hook::validate, "validate"},
                                         {Hook::exercises, "exercises"},
                                         {Hook::session_cues, "session_cues"},
                                         {Hook::questions, "questions"},
                                         {Hook::verdict, "verdict"},
                                         {Hook::fixed_questions, "fixed_questions"}}};

// More than this from one call is a runaway plugin, not a plan.
constexpr std::size_t kMaxResults = 200;
// The sizes of the structs as ABI 1.0 defined them: a 1.0 plugin's are this long, and the host
// reads nothing past them.
constexpr std::size_t kQuestion10 = offsetof(rb_question, choices);
constexpr std::size_t kVerdict10 = offsetof(rb_verdict, waiting_for);
constexpr std::size_t kMaxChoices = 20;

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string quoted_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "infinity" : "-infinity";
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

bool in_range(std::int32_t value, std::int32_t low, std::int32_t high) {
  return value >= low && value <= high;
}

}  // namespace

std::string hook_name(Hook hook) {
  return name_of(hook, kHookNames);
}

HookCollector::HookCollector(Hook hook)
    : hook_(hook), sink_{sizeof(rb_sink), this,    &on_fail,     &on_diagnostic,
                         &on_exercise,    &on_cue, &on_question, &on_verdict} {}

void HookCollector::finish(std::int32_t status) {
  if (status == RB_OK) return;
  if (status != RB_FAILED) {
    record_fault("the " + hook_name(hook_) + " hook returned the unknown status " +
                 std::to_string(status));
  } else if (!fault_) {
    record_fault("the " + hook_name(hook_) + " hook failed without saying why");
  }
}

void HookCollector::record_fault(const std::string& message) {
  if (!fault_) fault_ = message;
}

void HookCollector::nonsense(const std::string& message) {
  record_fault("the " + hook_name(hook_) + " hook returned nonsense: " + message);
}

bool HookCollector::accepts(Hook from, const char* what) {
  if (fault_) return false;
  if (from != hook_) {
    nonsense(std::string("it reported ") + what + ", which only the " + hook_name(from) +
             " hook may do");
    return false;
  }
  if (++results_ > kMaxResults) {
    nonsense("more than " + std::to_string(kMaxResults) + " results from one call");
    return false;
  }
  return true;
}

void HookCollector::on_fail(void* host, const char* message) {
  HookCollector& c = self(host);
  auto text = plugin_text(message, kMaxPluginText);
  std::string why = "(no message)";
  if (!text) {
    why = "(its message " + text.error() + ")";
  } else if (!blank(*text)) {
    why = *text;
  }
  c.record_fault("the " + hook_name(c.hook_) + " hook failed: " + why);
}

void HookCollector::on_diagnostic(void* host, std::int32_t severity, const char* param,
                                  const char* message) {
  HookCollector& c = self(host);
  if (!c.accepts(Hook::validate, "a parameter diagnostic")) return;
  if (severity != RB_ERROR && severity != RB_WARNING) {
    return c.nonsense("a diagnostic with the unknown severity " + std::to_string(severity));
  }
  const auto text = plugin_text(message, kMaxPluginText);
  if (!text) return c.nonsense("a diagnostic whose message " + text.error());
  if (blank(*text)) return c.nonsense("a diagnostic without a message");
  PluginDiagnostic d{severity == RB_ERROR ? Severity::error : Severity::warning, std::nullopt,
                     *text};
  if (param != nullptr) {
    const auto name = plugin_text(param, kMaxPluginKey);
    if (!name) return c.nonsense("a diagnostic whose parameter name " + name.error());
    d.param = *name;
  }
  c.diagnostics.push_back(std::move(d));
}

void HookCollector::on_exercise(void* host, const rb_exercise* e) {
  HookCollector& c = self(host);
  if (!c.accepts(Hook::exercises, "an exercise")) return;
  // Labels for messages about it, built only when there is something to say.
  const auto which = [&c] { return "exercise " + std::to_string(c.exercises.size() + 1); };
  if (e == nullptr || e->struct_size < sizeof(rb_exercise)) {
    return c.nonsense(which() + " is missing or too small for ABI 1.0");
  }
  const auto name = plugin_text(e->name, kMaxPluginName);
  if (!name) return c.nonsense(which() + "'s name " + name.error());
  if (blank(*name)) return c.nonsense(which() + " has an empty name");
  const auto what = [&] { return which() + " ('" + *name + "')"; };
  if (!in_range(e->sets, 1, 20)) {
    return c.nonsense(what() + " has " + std::to_string(e->sets) + " sets (expected 1..20)");
  }
  if (e->reps != 0 && !in_range(e->reps, 1, 200)) {
    return c.nonsense(what() + " has " + std::to_string(e->reps) + " reps (expected 1..200)");
  }
  if (e->hold_s != 0 && !in_range(e->hold_s, 1, 600)) {
    return c.nonsense(what() + " has a hold of " + std::to_string(e->hold_s) +
                      " s (expected 1..600)");
  }
  if ((e->reps == 0) == (e->hold_s == 0)) {
    return c.nonsense(what() + " must have exactly one of reps and hold_s");
  }
  if (!in_range(e->times, 1, 14)) {
    return c.nonsense(what() + " is done " + std::to_string(e->times) +
                      " times per period (expected 1..14)");
  }
  if (e->per != RB_PER_DAY && e->per != RB_PER_WEEK) {
    return c.nonsense(what() + " has the unknown period " + std::to_string(e->per));
  }
  const auto tempo = plugin_text(e->tempo, kMaxPluginText);
  if (!tempo) return c.nonsense(what() + "'s tempo " + tempo.error());
  const auto load = plugin_text(e->load, kMaxPluginText);
  if (!load) return c.nonsense(what() + "'s load " + load.error());
  const auto progression = plugin_text(e->progression, kMaxPluginText);
  if (!progression) return c.nonsense(what() + "'s progression " + progression.error());
  Exercise out;
  out.name = *name;
  out.sets = e->sets;
  if (e->reps != 0) out.reps = e->reps;
  if (e->hold_s != 0) out.hold_s = e->hold_s;
  out.times = e->times;
  out.per = e->per == RB_PER_DAY ? Period::day : Period::week;
  out.tempo = *tempo;
  out.load = *load;
  out.progression = *progression;
  c.exercises.push_back(std::move(out));
}

void HookCollector::on_cue(void* host, const rb_cue* cue) {
  HookCollector& c = self(host);
  if (!c.accepts(Hook::session_cues, "a session cue")) return;
  const auto which = [&c] { return "cue " + std::to_string(c.cues.size() + 1); };
  if (cue == nullptr || cue->struct_size < sizeof(rb_cue)) {
    return c.nonsense(which() + " is missing or too small for ABI 1.0");
  }
  const auto text = plugin_text(cue->text, kMaxPluginText);
  if (!text) return c.nonsense(which() + "'s text " + text.error());
  if (blank(*text)) return c.nonsense(which() + " has no text");
  SessionCue out{*text, std::nullopt, std::nullopt};
  if (cue->cadence_spm != 0) {
    if (!(cue->cadence_spm >= 100 && cue->cadence_spm <= 240)) {
      return c.nonsense(which() + " has a cadence of " + quoted_number(cue->cadence_spm) +
                        " steps/min (expected 100..240)");
    }
    out.cadence_spm = cue->cadence_spm;
  }
  if (cue->metronome_bpm != 0) {
    if (!(cue->metronome_bpm >= 40 && cue->metronome_bpm <= 240)) {
      return c.nonsense(which() + " has a metronome at " + quoted_number(cue->metronome_bpm) +
                        " bpm (expected 40..240)");
    }
    out.metronome_bpm = cue->metronome_bpm;
  }
  c.cues.push_back(std::move(out));
}

namespace {

bool is_key(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// A choice question's allowed answers, or why they are not usable.
Result<std::vector<std::string>> read_choices(const char* text) {
  if (text == nullptr) return Error{"has no choices (expected \"a|b|...\")"};
  auto all = plugin_text(text, kMaxPluginText);
  if (!all) return Error{"has choices that " + all.error()};
  std::vector<std::string> choices;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t bar = all->find('|', begin);
    std::string choice = all->substr(begin, bar == std::string::npos ? bar : bar - begin);
    if (!is_key(choice) || choice.size() > kMaxPluginKey) {
      return Error{"has the choice '" + choice + "' (expected [a-z0-9_-]+, at most " +
                   std::to_string(kMaxPluginKey) + " characters)"};
    }
    for (const auto& earlier : choices) {
      if (earlier == choice) return Error{"repeats the choice '" + choice + "'"};
    }
    choices.push_back(std::move(choice));
    if (bar == std::string::npos) break;
    begin = bar + 1;
  }
  if (choices.size() < 2 || choices.size() > kMaxChoices) {
    return Error{"has " + std::to_string(choices.size()) + " choices (expected 2.." +
                 std::to_string(kMaxChoices) + ")"};
  }
  return choices;
}

}  // namespace

void HookCollector::on_question(void* host, const rb_question* q) {
  HookCollector& c = self(host);
  const Hook from = c.hook_ == Hook::fixed_questions ? Hook::fixed_questions : Hook::questions;
  if (!c.accepts(from, "a question")) return;
  const auto which = [&c] { return "question " + std::to_string(c.questions.size() + 1); };
  if (q == nullptr || q->struct_size < kQuestion10) {
    return c.nonsense(which() + " is missing or too small for ABI 1.0");
  }
  // Past 1.0's fields only when the plugin's struct has them.
  const bool v11 = q->struct_size >= sizeof(rb_question);
  auto key = plugin_text(q->key, kMaxPluginKey);
  if (!key) return c.nonsense(which() + "'s key " + key.error());
  if (!is_key(*key)) return c.nonsense(which() + " has no valid key (expected [a-z0-9_-]+)");
  for (const auto& earlier : c.questions) {
    if (earlier.key == *key) return c.nonsense(which() + " repeats the key '" + *key + "'");
  }
  const auto label = [&] { return which() + " ('" + *key + "')"; };
  auto text = plugin_text(q->text, kMaxPluginText);
  if (!text) return c.nonsense(label() + "'s text " + text.error());
  if (blank(*text)) return c.nonsense(label() + " has no text");
  const bool known_kind = q->kind == RB_QUESTION_NUMBER || q->kind == RB_QUESTION_YES_NO ||
                          (v11 && q->kind == RB_QUESTION_CHOICE);
  if (!known_kind) {
    return c.nonsense(label() + " has the unknown kind " + std::to_string(q->kind) +
                      (q->kind == RB_QUESTION_CHOICE ? " (choice questions need ABI 1.1)" : ""));
  }
  if (q->kind == RB_QUESTION_NUMBER &&
      !(std::isfinite(q->min) && std::isfinite(q->max) && q->min < q->max)) {
    return c.nonsense(label() + " has the range " + quoted_number(q->min) + ".." +
                      quoted_number(q->max));
  }
  if (!in_range(q->when, RB_DURING, RB_NEXT_MORNING)) {
    return c.nonsense(label() + " has the unknown time point " + std::to_string(q->when));
  }
  CheckpointQuestion out;
  if (q->kind == RB_QUESTION_CHOICE) {
    auto choices = read_choices(q->choices);
    if (!choices) return c.nonsense(label() + " " + choices.error());
    out.choices = std::move(*choices);
  }
  out.key = std::move(*key);
  out.text = std::move(*text);
  out.kind = q->kind == RB_QUESTION_NUMBER   ? CheckpointQuestion::Kind::number
             : q->kind == RB_QUESTION_YES_NO ? CheckpointQuestion::Kind::yes_no
                                             : CheckpointQuestion::Kind::choice;
  out.min = q->kind == RB_QUESTION_NUMBER ? q->min : 0;
  out.max = q->kind == RB_QUESTION_NUMBER ? q->max : 1;
  out.when = static_cast<TimePoint>(q->when);
  // 1.0 had no way to say; its questions were never waited for.
  out.optional = !v11 || q->optional != 0;
  c.questions.push_back(std::move(out));
}

void HookCollector::on_verdict(void* host, const rb_verdict* v) {
  HookCollector& c = self(host);
  if (!c.accepts(Hook::verdict, "a verdict")) return;
  if (c.verdict) return c.nonsense("more than one verdict");
  if (v == nullptr || v->struct_size < kVerdict10) {
    return c.nonsense("the verdict is missing or too small for ABI 1.0");
  }
  const bool v11 = v->struct_size >= sizeof(rb_verdict);
  if (v->kind == RB_WAIT && v11) {
    const auto what = plugin_text(v->waiting_for, kMaxPluginText);
    if (!what) return c.nonsense("a verdict whose waiting_for " + what.error());
    if (blank(*what)) return c.nonsense("a verdict that waits without saying for what");
    const auto why = plugin_text(v->why, kMaxPluginText);
    if (!why) return c.nonsense("a verdict whose reason " + why.error());
    Verdict out;
    out.action = Action{ActionKind::proceed, 0, 0};
    out.why = *why;
    out.waiting_for = *what;
    c.verdict = std::move(out);
    return;
  }
  if (!in_range(v->kind, RB_PROCEED, RB_STOP)) {
    return c.nonsense("the verdict kind " + std::to_string(v->kind) +
                      " does not exist (expected proceed, repeat, step_back, stop" +
                      (v11 ? std::string(" or wait") : std::string("; wait needs ABI 1.1")) + ")");
  }
  if (v->kind == RB_STEP_BACK ? !in_range(v->stages, 1, 10) : v->stages != 0) {
    return c.nonsense("a verdict that steps back " + std::to_string(v->stages) +
                      " stages (expected 1..10 with step_back, else 0)");
  }
  if (!in_range(v->rest_days, 0, 14)) {
    return c.nonsense("a verdict with " + std::to_string(v->rest_days) +
                      " rest days (expected 0..14)");
  }
  const auto why = plugin_text(v->why, kMaxPluginText);
  if (!why) return c.nonsense("a verdict whose reason " + why.error());
  if (v->kind != RB_PROCEED && blank(*why)) {
    return c.nonsense("a verdict that holds the runner back without saying why");
  }
  Verdict out;
  out.action.kind = static_cast<ActionKind>(v->kind);
  out.action.stages = v->stages;
  out.action.rest_days = v->rest_days;
  out.why = *why;
  c.verdict = std::move(out);
}

}  // namespace runback

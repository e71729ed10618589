#pragma once
// Writing a runback plugin in C++: a header-only layer over the C ABI in <runback/plugin_abi.h>.
// You write one class with static members; RUNBACK_DECLARE_PLUGIN turns it into the exported
// entry point, the ABI handshake and a hook table holding only the hooks your class defines.
// Nothing of this header crosses the library boundary: runback sees only plugin_abi.h.
//
// A complete plugin (docs/plugin-sdk.md walks through it; docs/examples/plugin-hello builds it):
//
//   #include <runback/plugin.hpp>
//   namespace sdk = runback::sdk;
//
//   struct Hello {
//     static constexpr const char* name = "hello";          // REQUIRED: what protocols name
//     static constexpr const char* version = "1.0.0";       // REQUIRED
//     static constexpr const char* description = "Greets the runner before every interval";
//     static constexpr rb_param_spec params[] = {            // OPTIONAL
//         sdk::text("greeting", "Off you go", "What to say before each run interval")};
//
//     // OPTIONAL hooks: define only the ones you need.
//     static void session_cues(const sdk::Context& context, sdk::Cues& cues) {
//       cues.add({.text = context.text("greeting")});
//     }
//   };
//   RUNBACK_DECLARE_PLUGIN(Hello)
//
// The hooks a class may define (each OPTIONAL; runback shows which ones a plugin provides).
// These exact signatures are checked at compile time, and so are near-miss names (`exercise`,
// `cue`, `question`, `verdicts`, `validates`, ...): a misspelt hook fails to compile, saying
// which name it meant, instead of being silently ignored.
//   static void validate(const sdk::Params&, const sdk::Diagnostics&);
//       Checks beyond what the parameter specs say. The host has already checked types,
//       ranges, allowed values, required and unknown keys. Programme-scope parameters are absent
//       at lint time.
//   static void exercises(const sdk::Context&, const sdk::Exercises&);  // the day's, dosed
//   static void session_cues(const sdk::Context&, const sdk::Cues&);    // for each run interval
//   static void questions(const sdk::Context&, const sdk::Questions&);  // checkpoint questions
//   static void questions(const sdk::Params&, const sdk::Questions&);
//       The same, when the questions depend on the parameters alone (not on the day, stage or
//       logs): runback then asks once per runner's plan instead of at every checkpoint, which
//       halves the calls a plan makes. Define one of the two.
//   static sdk::Verdict verdict(const sdk::Context&, const sdk::DayLog&);
//       The plugin's view of that day's checkpoint: proceed (no objection), repeat, step back,
//       stop, or wait for a value it needs. It can only hold the runner back: there is no
//       "advance".
// (A sink parameter taken as a non-const reference, `sdk::Cues&`, is accepted too.)
//
// Errors: throw any std::exception from a hook; it is caught here, at the boundary, and runback
// reports it with the plugin's name and path. Everything passed to a hook is valid only during
// the call; everything you add to a sink is copied at once.

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "runback/plugin_abi.h"

namespace runback::sdk {

// ---- Parameter specs (constexpr, for a static `params` array) -----------------------------

constexpr rb_param_spec integer(const char* name, const char* default_value, double min, double max,
                                const char* unit, const char* description) {
  return {name, RB_PARAM_INTEGER, RB_SCOPE_PROTOCOL, 0, default_value, 1, min, 1, max, nullptr,
          unit, description};
}
constexpr rb_param_spec number(const char* name, const char* default_value, double min, double max,
                               const char* unit, const char* description) {
  return {name, RB_PARAM_NUMBER, RB_SCOPE_PROTOCOL, 0, default_value, 1, min, 1, max, nullptr,
          unit, description};
}
constexpr rb_param_spec boolean(const char* name, const char* default_value,
                                const char* description) {
  return {name, RB_PARAM_BOOLEAN, RB_SCOPE_PROTOCOL, 0,          default_value, 0, 0, 0,
          0,    nullptr,          nullptr,           description};
}
constexpr rb_param_spec text(const char* name, const char* default_value, const char* description) {
  return {name, RB_PARAM_STRING, RB_SCOPE_PROTOCOL, 0,          default_value, 0, 0, 0,
          0,    nullptr,         nullptr,           description};
}
// `allowed` separates the values with '|': "alfredson|hsr".
constexpr rb_param_spec choice(const char* name, const char* default_value, const char* allowed,
                               const char* description) {
  return {name, RB_PARAM_ENUM, RB_SCOPE_PROTOCOL, 0,          default_value, 0, 0, 0,
          0,    allowed,       nullptr,           description};
}
// Must be given; any default is dropped.
constexpr rb_param_spec required(rb_param_spec spec) {
  spec.required = 1;
  spec.default_value = nullptr;
  return spec;
}
// Set for each runner when their programme starts (`runback start --param NAME=VALUE`),
// not in the protocol.
constexpr rb_param_spec per_runner(rb_param_spec spec) {
  spec.scope = RB_SCOPE_PROGRAMME;
  return spec;
}

// ---- What hooks read --------------------------------------------------------------------

// Parameter values, already checked against their specs by runback.
class Params {
 public:
  explicit Params(const rb_params* params) : params_(params) {}
  bool has(std::string_view name) const { return find(name) != nullptr; }
  std::string text(std::string_view name) const { return require(name); }
  long integer(std::string_view name) const { return std::strtol(require(name), nullptr, 10); }
  double number(std::string_view name) const { return std::strtod(require(name), nullptr); }
  bool boolean(std::string_view name) const { return std::string_view(require(name)) == "true"; }

 private:
  const char* find(std::string_view name) const {
    for (std::size_t i = 0; params_ != nullptr && i < params_->count; ++i) {
      if (name == params_->items[i].name) return params_->items[i].value;
    }
    return nullptr;
  }
  const char* require(std::string_view name) const {
    const char* value = find(name);
    if (value == nullptr) {
      throw std::logic_error("parameter '" + std::string(name) + "' has no value");
    }
    return value;
  }
  const rb_params* params_;
};

enum class Action {
  proceed = RB_PROCEED,
  repeat = RB_REPEAT,
  step_back = RB_STEP_BACK,
  stop = RB_STOP
};

class DayLog {
 public:
  explicit DayLog(const rb_day_log* log) : log_(log) {}
  int date() const { return log_->date; }
  std::optional<int> pain_during() const { return score(log_->pain_during); }
  std::optional<int> pain_after() const { return score(log_->pain_after); }
  std::optional<int> pain_next_morning() const { return score(log_->pain_next_morning); }
  std::optional<int> stiffness_minutes() const { return score(log_->stiffness_minutes); }
  bool ran() const { return log_->session == RB_DONE || log_->session == RB_PARTIAL; }
  // The runner's answer to one of the plugin's questions, when given and a number.
  std::optional<double> number(std::string_view key) const {
    for (std::size_t i = 0; i < log_->answer_count; ++i) {
      if (key != log_->answers[i].key) continue;
      char* end = nullptr;
      const double value = std::strtod(log_->answers[i].value, &end);
      if (end == log_->answers[i].value || *end != '\0' || !std::isfinite(value)) break;
      return value;
    }
    return std::nullopt;
  }
  // The answer to a yes/no question. runback checks and stores these as "yes" or "no" (the
  // runner may type yes/no/y/n/true/false/1/0, any case); the other spellings are read too, for
  // answers logged before runback checked them.
  std::optional<bool> yes_no(std::string_view key) const {
    const char* text = answer(key);
    if (text == nullptr) return std::nullopt;
    const std::string_view value = text;
    if (value == "yes" || value == "true" || value == "y" || value == "1") return true;
    if (value == "no" || value == "false" || value == "n" || value == "0") return false;
    return std::nullopt;
  }
  // The answer to a choice question: one of its choices, as the plugin spelt it.
  std::optional<std::string> choice(std::string_view key) const {
    const char* text = answer(key);
    return text == nullptr ? std::nullopt : std::optional<std::string>(text);
  }
  // Was `key` answered at all?
  bool answered(std::string_view key) const { return answer(key) != nullptr; }

 private:
  static std::optional<int> score(int32_t value) {
    return value < 0 ? std::nullopt : std::optional<int>(value);
  }
  const char* answer(std::string_view key) const {
    for (std::size_t i = 0; i < log_->answer_count; ++i) {
      if (key == log_->answers[i].key) return log_->answers[i].value;
    }
    return nullptr;
  }
  const rb_day_log* log_;
};

class Context {
 public:
  explicit Context(const rb_context* context) : context_(context), params_(&context->params) {}
  const Params& params() const { return params_; }
  std::string text(std::string_view name) const { return params_.text(name); }
  long integer(std::string_view name) const { return params_.integer(name); }
  double number(std::string_view name) const { return params_.number(name); }
  bool boolean(std::string_view name) const { return params_.boolean(name); }
  bool has(std::string_view name) const { return params_.has(name); }

  int date() const { return context_->date; }  // days since 1970-01-01
  int programme_start() const { return context_->programme_start; }
  // 1 in the programme's first seven days, 2 in the next seven, ...
  int programme_week() const {
    const int days = context_->date - context_->programme_start;
    return days < 0 ? 1 : days / 7 + 1;
  }
  int stage_index() const { return context_->stage_index; }
  int stage_count() const { return context_->stage_count; }
  int days_at_stage() const { return context_->days_at_stage; }
  std::string_view stage_id() const { return context_->stage_id ? context_->stage_id : ""; }
  std::span<const rb_checkpoint> checkpoints() const {
    return {context_->checkpoints, context_->checkpoint_count};
  }
  std::span<const rb_day_log> logs() const { return {context_->logs, context_->log_count}; }

  // Whole programme weeks before this one that had at least one checkpoint, all of them with
  // nothing against going on. Progress a dose by these, so it rises only after symptom-clean
  // weeks and holds otherwise.
  int clean_weeks() const {
    const int this_week = programme_week();
    // One pass over the checkpoints, in whatever order they come: called for every day of a
    // plan, a scan per week would grow with the square of the history.
    enum : unsigned char { kSeen = 1, kHeldBack = 2 };
    std::vector<unsigned char> weeks(static_cast<std::size_t>(this_week), 0);
    for (const rb_checkpoint& checkpoint : checkpoints()) {
      const int days = checkpoint.date - context_->programme_start;
      if (days < 0 || days / 7 + 1 >= this_week) continue;
      weeks[static_cast<std::size_t>(days / 7 + 1)] |=
          kSeen | (checkpoint.outcome == RB_PROCEED ? 0 : kHeldBack);
    }
    return static_cast<int>(std::count(weeks.begin(), weeks.end(), kSeen));
  }
  // The most recent checkpoint before today stepped back or stopped.
  bool last_checkpoint_held_back() const {
    const auto all = checkpoints();
    return !all.empty() && all.back().outcome >= RB_STEP_BACK;
  }
  // The latest numeric answer to `key` logged before today, if any.
  std::optional<double> previous_answer(std::string_view key) const {
    const auto all = logs();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      if (it->date >= context_->date) continue;
      if (auto value = DayLog(&*it).number(key)) return value;
    }
    return std::nullopt;
  }

 private:
  const rb_context* context_;
  Params params_;
};

// ---- What hooks give back ---------------------------------------------------------------

struct Exercise {
  std::string name{};
  int sets = 1;
  int reps = 0;  // exactly one of reps / hold_s
  int hold_s = 0;
  int times = 1;  // per `per`
  rb_period per = RB_PER_DAY;
  std::string tempo{};
  std::string load{};
  std::string progression{};
};

struct Cue {
  std::string text{};
  double cadence_spm = 0;    // 0: none
  double metronome_bpm = 0;  // 0: none
};

// A checkpoint question. Unless `optional`, the checkpoint waits until it is answered, as it
// waits for a pain score: the week says so and shows the `runback log` command that answers it.
struct Question {
  std::string key{};   // [a-z0-9_-]+: what the runner types in --answer KEY=VALUE
  std::string text{};  // one line, as the runner reads it
  rb_question_kind kind = RB_QUESTION_NUMBER;
  double min = 0;  // numbers: the range accepted
  double max = 10;
  rb_time_point when = RB_NEXT_MORNING;
  std::vector<std::string> choices{};  // RB_QUESTION_CHOICE: the answers accepted, [a-z0-9_-]+
  bool optional = false;
};

struct Verdict {
  Action action = Action::proceed;
  int stages = 0;
  int rest_days = 0;
  std::string why{};
  std::string waiting_for{};  // not empty: no verdict yet, the checkpoint waits for this

  static Verdict proceed() { return {}; }
  static Verdict repeat(std::string why) { return {Action::repeat, 0, 0, std::move(why), {}}; }
  static Verdict step_back(int stages, std::string why, int rest_days = 0) {
    return {Action::step_back, stages, rest_days, std::move(why), {}};
  }
  static Verdict stop(std::string why) { return {Action::stop, 0, 0, std::move(why), {}}; }
  // No decision yet: hold the checkpoint until `what` is logged, e.g. "the heel-raise count".
  // What a verdict should return when a value it needs is missing, rather than proceed.
  static Verdict wait(std::string what) { return {Action::proceed, 0, 0, {}, std::move(what)}; }
  bool waiting() const { return !waiting_for.empty(); }
};

// Returns the more cautious of two verdicts, for hooks that weigh several rules. From least to
// most cautious: proceed, repeat, step back, wait, stop (a stop needs nothing more to be sure).
inline Verdict most_cautious(Verdict a, Verdict b) {
  const auto rank = [](const Verdict& v) {
    if (v.waiting()) return 3;
    return v.action == Action::stop ? 4 : static_cast<int>(v.action);
  };
  return rank(b) > rank(a) ? b : a;
}

class Sink {
 public:
  explicit Sink(const rb_sink* sink) : sink_(sink) {}

 protected:
  const rb_sink* sink_;
};

class Exercises : public Sink {
 public:
  using Sink::Sink;
  void add(const Exercise& e) const {
    const rb_exercise out{sizeof(rb_exercise),
                          e.name.c_str(),
                          e.sets,
                          e.reps,
                          e.hold_s,
                          e.times,
                          e.per,
                          e.tempo.c_str(),
                          e.load.c_str(),
                          e.progression.c_str()};
    sink_->exercise(sink_->host, &out);
  }
};

class Cues : public Sink {
 public:
  using Sink::Sink;
  void add(const Cue& c) const {
    const rb_cue out{sizeof(rb_cue), c.text.c_str(), c.cadence_spm, c.metronome_bpm};
    sink_->cue(sink_->host, &out);
  }
};

class Questions : public Sink {
 public:
  using Sink::Sink;
  void add(const Question& q) const {
    std::string choices;
    for (const std::string& choice : q.choices) choices += (choices.empty() ? "" : "|") + choice;
    const rb_question out{sizeof(rb_question),
                          q.key.c_str(),
                          q.text.c_str(),
                          q.kind,
                          q.min,
                          q.max,
                          q.when,
                          q.choices.empty() ? nullptr : choices.c_str(),
                          q.optional ? 1 : 0};
    sink_->question(sink_->host, &out);
  }
};

class Diagnostics : public Sink {
 public:
  using Sink::Sink;
  void error(const char* param, const std::string& message) const {
    sink_->diagnostic(sink_->host, RB_ERROR, param, message.c_str());
  }
  void warning(const char* param, const std::string& message) const {
    sink_->diagnostic(sink_->host, RB_WARNING, param, message.c_str());
  }
};

}  // namespace runback::sdk

// What RUNBACK_DECLARE_PLUGIN expands to: the hook table, built from the hooks a class defines.
#include "runback/plugin_glue.hpp"

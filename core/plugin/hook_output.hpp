#pragma once
// Collects what one call of a plugin hook gives back through its rb_sink, checking every value
// as it arrives. A plugin that returns nonsense (negative reps, NaN, an empty name, a verdict
// kind that does not exist, a result from the wrong hook) is at fault; nothing it said reaches
// the planner.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "extension/extension.hpp"
#include "runback/plugin_abi.h"

namespace runback {

enum class Hook { validate, exercises, session_cues, questions, verdict, fixed_questions };
std::string hook_name(Hook hook);  // "exercises", ...

struct PluginDiagnostic {
  Severity severity = Severity::error;
  std::optional<std::string> param;  // the parameter it is about; none: the plugin block
  std::string message;
};

class HookCollector {
 public:
  explicit HookCollector(Hook hook);
  HookCollector(const HookCollector&) = delete;
  HookCollector& operator=(const HookCollector&) = delete;

  const rb_sink* sink() const { return &sink_; }
  // Records the hook's return status; RB_FAILED without a message still counts as a failure.
  void finish(std::int32_t status);
  // Records a fault found outside the sink (e.g. an exception that escaped the hook).
  void record_fault(const std::string& message);
  // What went wrong, as "the exercises hook ...", or nothing.
  const std::optional<std::string>& fault() const { return fault_; }

  std::vector<Exercise> exercises;
  std::vector<SessionCue> cues;
  std::vector<CheckpointQuestion> questions;
  std::optional<Verdict> verdict;
  std::vector<PluginDiagnostic> diagnostics;

 private:
  static HookCollector& self(void* host) { return *static_cast<HookCollector*>(host); }
  static void on_fail(void* host, const char* message);
  static void on_diagnostic(void* host, std::int32_t severity, const char* param,
                            const char* message);
  static void on_exercise(void* host, const rb_exercise* exercise);
  static void on_cue(void* host, const rb_cue* cue);
  static void on_question(void* host, const rb_question* question);
  static void on_verdict(void* host, const rb_verdict* verdict);

  bool accepts(Hook from, const char* what);
  void nonsense(const std::string& message);

  Hook hook_;
  rb_sink sink_;
  std::optional<std::string> fault_;
  std::size_t results_ = 0;
};

}  // namespace runback

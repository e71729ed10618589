#pragma once
// What the planner asks of a plugin. The plugin host (plugin/) adapts each loaded shared library
// to this interface, catching anything the library throws and checking what it returns; the
// planner then clamps every verdict so a plugin can only make a plan more cautious.
//
// Kept free of the SDK's ABI types on purpose: the planner and its tests use fakes of this
// interface and never load a library.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "util/result.hpp"

namespace runback {

// A checkpoint decided so far, as the planner saw it: enough for a plugin to progress a dose
// only after symptom-clean weeks.
struct CheckpointSummary {
  Date date;
  int stage_index = 0;
  ActionKind outcome = ActionKind::repeat;
};

struct ExtensionContext {
  const Protocol& protocol;
  const Programme& programme;
  Date date;                     // the day being planned (exercises, cues) or the checkpoint's day
  int stage_index = 0;           // the runner's stage on that day
  int days_at_stage = 0;         // whole days since the runner reached this stage
  std::span<const DayLog> logs;  // up to and including `date`
  std::span<const CheckpointSummary> checkpoints;  // decided before `date`
  // Which history `logs` and `checkpoints` belong to, so an extension can convert them once and
  // then only what is new (the plugin host does; a plan calls it for every checkpoint and day).
  // Within one history_id the extension called, the protocol and the programme are the same,
  // and `logs` and `checkpoints` only grow at the end: what an earlier call saw is never
  // changed, removed or reordered (the vectors may reallocate: their addresses are no identity).
  // The planner takes a new id from next_history_id() for each run; ids are never reused in a
  // process. 0: no identity, everything is read afresh.
  std::uint64_t history_id = 0;
};

// A history_id no earlier call has used (never 0). Thread-safe.
std::uint64_t next_history_id();

// A cue shown with a run session, e.g. "cadence 172 steps/min (metronome 172 bpm)".
struct SessionCue {
  std::string text;                     // required, shown as is
  std::optional<double> cadence_spm;    // steps per minute, when the cue is a cadence target
  std::optional<double> metronome_bpm;  // beats per minute for a metronome
};

// An extra question asked at a checkpoint, answered with `runback log --answer KEY=VALUE`
// (checked by answer_check.hpp before anything is written).
struct CheckpointQuestion {
  enum class Kind { number, yes_no, choice };
  std::string key;   // [a-z0-9-_], unique within the plugin
  std::string text;  // the question as the runner reads it
  Kind kind = Kind::number;
  double min = 0;  // for numbers
  double max = 10;
  TimePoint when = TimePoint::next_morning;
  std::vector<std::string> choices{};  // for choice: the allowed answers, as the plugin spelt them
  // Unanswered, it holds nothing; otherwise the checkpoint waits for it as for a pain score.
  bool optional = false;
  bool operator==(const CheckpointQuestion&) const = default;
};

struct Verdict {
  Action action;    // proceed means "nothing against it"
  std::string why;  // required when the action is not proceed
  // Not empty: no verdict yet, the checkpoint waits for these values (`action` is then
  // ignored), e.g. "the heel-raise count".
  std::string waiting_for{};
};

// One hook call of several made together (PlanExtension::call_all).
struct ExtensionCall {
  enum class Hook { exercises, session_cues, questions, verdict };
  Hook hook = Hook::verdict;
  ExtensionContext context;
  const DayLog* log = nullptr;  // verdict: the checkpoint's log
};

// What a call answered: its hook's member, or the error it failed with.
struct ExtensionReply {
  std::optional<Error> error;
  std::vector<Exercise> exercises;
  std::vector<SessionCue> cues;
  std::vector<CheckpointQuestion> questions;
  Verdict verdict{Action{ActionKind::proceed, 0, 0}, ""};
};

class PlanExtension {
 public:
  virtual ~PlanExtension() = default;
  virtual std::string name() const = 0;
  virtual std::string version() const = 0;
  // Checks the protocol's `plugin.params` and the programme's `--param`s; diagnostics point at
  // the YAML location of the offending parameter.
  virtual std::vector<Diagnostic> validate(const PluginRef& ref) const = 0;
  // Exercises for the day, with that week's dose.
  virtual Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const = 0;
  // Cues added to a run session on the day.
  virtual Result<std::vector<SessionCue>> session_cues(const ExtensionContext& context) const = 0;
  virtual Result<std::vector<CheckpointQuestion>> questions(
      const ExtensionContext& context) const = 0;
  // The plugin's view of the checkpoint of context.date, from the day's log (answers included).
  virtual Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const = 0;
  // Checks a programme's `--param KEY=VALUE`s (e.g. the knee plugin's baseline_cadence) before
  // the programme starts: one plain message per problem. Added after the first contract, with
  // a default so existing fakes need not define it.
  virtual std::vector<std::string> check_programme_params(
      const std::map<std::string, std::string>& params) const {
    (void)params;
    return {};
  }
  // The calls, answered in order as if each were made alone: one reply per call. A plugin in a
  // host process answers them in one round trip (the planner batches its hooks this way,
  // plan/batched_extension.hpp); the default makes them one at a time.
  virtual std::vector<ExtensionReply> call_all(std::span<const ExtensionCall> calls) const;
  // Whether call_all is much cheaper than the calls one at a time, so that the planner should
  // walk a history twice or three times to batch them (a plugin host process: yes).
  virtual bool answers_in_batches() const { return false; }
  // Whether questions() gives the same answer for every context of one plan (the plugin's
  // questions depend on its parameters alone), so the planner asks once a plan rather than at
  // every checkpoint.
  virtual bool questions_fixed() const { return false; }
};

// Finds loaded extensions by name; implemented by the plugin host and by test fakes.
class ExtensionCatalog {
 public:
  virtual ~ExtensionCatalog() = default;
  // The extension, or an error saying why it is not available (not found: with "did you mean";
  // failed to load: with the reason and the path).
  virtual Result<std::shared_ptr<const PlanExtension>> find(const std::string& name) const = 0;
  // Which library find(name) serves, as a programme records it (records.hpp), so that a
  // programme is planned only with the plugin it started with (extension/programme_plugin.hpp).
  // The default, for catalogs without files (test fakes, the demo), has the extension's name
  // and version and no digest or path.
  virtual Result<PluginIdentity> identify(const std::string& name) const;
};

}  // namespace runback

#pragma once
// `runback protocol simulate`: a protocol run against a scripted or generated symptom sequence,
// with the same planner as a runner's week and no database. Lets a physiotherapist see how a
// protocol behaves before giving it to anyone.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "util/name_table.hpp"

namespace runback {

// Generated symptoms: steady (every run goes well), flare (now and then a run hurts and the next
// ones settle), stall (pain hovering at a typical limit).
enum class SymptomProfile { steady, flare, stall };
// The names `--profile` takes and the simulation's JSON and text give.
inline constexpr NameTable<SymptomProfile, 3> kSymptomProfileNames{{
    {SymptomProfile::steady, "steady"},
    {SymptomProfile::flare, "flare"},
    {SymptomProfile::stall, "stall"},
}};
inline std::string profile_name(SymptomProfile profile) {
  return name_of(profile, kSymptomProfileNames);
}

struct SimulationRequest {
  const Protocol& protocol;
  const PlanExtension* extension;
  Date start;
  int starting_stage = 0;
  std::vector<DayLog> script;  // used first, one per run, then the profile
  SymptomProfile profile = SymptomProfile::steady;
  std::uint64_t seed = 1;
  int max_days = 365;
  std::map<std::string, std::string> params;   // the programme's `--param`s, for the plugin
  std::vector<std::chrono::weekday> run_days;  // preferred run days; empty: spread out
  int usual_pain = 0;  // the simulated runner's usual pain, the baseline for a rise
};

// A stretch of days at one stage.
struct StageSpan {
  int stage_index = 0;
  Date first;
  Date last;
  int runs = 0;
};

struct Simulation {
  Date start;
  std::vector<DayLog> logs;               // the generated log, one per run
  std::vector<Decision> decisions;        // every decision, in order
  std::vector<StageSpan> timeline;        // stage by stage
  std::optional<Date> completed;          // the day the last stage was completed
  std::optional<int> days_to_completion;  // from the start, both days counted
  bool stopped = false;                   // a stop that only a clinician can lift
  bool ran_out = false;                   // max_days passed without completing
  // A calendar programme (format 2): every day from the start to the last run, as the planner
  // laid it out (each with its programme day, run or recovery); empty without a calendar.
  std::vector<PlannedDay> calendar_days;
};

Simulation simulate(const SimulationRequest& request);

}  // namespace runback

// The knee plugin (patellofemoral pain): a cadence target raised in bounded steps from the
// runner's own baseline, with a metronome cue for every run interval; hip and knee
// strengthening alongside; a pain-on-stairs checkpoint.
// Every default cites ../shared/clinical-basis.md (line numbers in brackets).

#include <algorithm>
#include <cmath>
#include <string>

#include <runback/plugin.hpp>

#include "leap_strength.hpp"

namespace sdk = runback::sdk;

namespace {

// The core's own ceiling: whatever a protocol says, never more than +10% above baseline
// (Heiderscheit 2011, Lenhart 2014, Bramah 2019 all stop at +10%; clinical-basis.md lines 100-102,
// 107).
constexpr double kCeilingPercent = 10;

int level(const sdk::Context& context) {
  int clean = context.clean_weeks();
  if (context.last_checkpoint_held_back()) clean = std::max(0, clean - 1);
  return clean;
}

std::string whole(double value) {
  return std::to_string(std::lround(value));
}

}  // namespace

// The version is a macro only so that a test can build this plugin again as an impostor that
// claims another version (tests/plugin/impostor/): shipped builds never set it.
#ifndef KNEE_PLUGIN_VERSION
#define KNEE_PLUGIN_VERSION "1.0.0"
#endif

struct Knee {
  static constexpr const char* name = "knee";
  static constexpr const char* version = KNEE_PLUGIN_VERSION;
  static constexpr const char* description =
      "Cadence retraining for knee pain (a metronome target 5-10% above the runner's baseline), "
      "hip and knee strengthening, and a pain-on-stairs checkpoint";

  static constexpr rb_param_spec params[] = {
      sdk::per_runner(sdk::required(sdk::number(
          "baseline_cadence", nullptr, 120, 220, "steps/min",
          "The runner's own cadence at their easy pace, counted before starting; the target is "
          "5-10% above it at the same speed (clinical-basis.md line 107)"))),
      sdk::number("step_percent", "5", 1, 5, "%",
                  "How much the cadence target rises after each week the symptoms stayed "
                  "settled; the first week is at +step. +5% already lowers the energy the knee "
                  "absorbs (Heiderscheit 2011; clinical-basis.md line 100). No published ramp "
                  "exists (clinical-basis.md line 108), "
                  "so steps are bounded to 5%"),
      sdk::number("target_percent", "10", 5, 10, "%",
                  "The final cadence increase above baseline: 5-10% (clinical-basis.md line 107); "
                  "+10% lowered "
                  "peak patellofemoral force by 14% (Lenhart 2014; clinical-basis.md line 101). "
                  "Never above 10%"),
      sdk::integer("stairs_pain_max", "2", 0, 5, "/10",
                   "Pain on stairs above this at a checkpoint keeps the runner at their stage: "
                   "'avoid downhill and stairs until <=2/10' (TREK; clinical-basis.md line 33)"),
  };

  static double cadence_percent(const sdk::Context& context) {
    const double target = std::min(kCeilingPercent, context.number("target_percent"));
    return std::min(target, context.number("step_percent") * (1 + level(context)));
  }

  static void session_cues(const sdk::Context& context, const sdk::Cues& out) {
    const double baseline = context.number("baseline_cadence");
    const double percent = cadence_percent(context);
    const double cadence = std::round(baseline * (1 + percent / 100));
    out.add({.text = "Cadence " + whole(cadence) + " steps/min (" + whole(baseline) + " +" +
                     sdk_percent(percent) + "): set a metronome to " + whole(cadence) +
                     " bpm for every run interval, and keep your easy pace",
             .cadence_spm = cadence,
             .metronome_bpm = cadence});
  }

  static void exercises(const sdk::Context& context, const sdk::Exercises& out) {
    // Hip and knee strengthening alongside cadence work (Ferber 2015, Fukuda 2012, Dolak 2011;
    // clinical-basis.md line 110). The basis gives no dose for those programmes, so the LEAP dosing
    // is used.
    runback_plugins::add_leap_strength(level(context), out);
  }

  static void questions(const sdk::Params&, const sdk::Questions& out) {
    // Optional: they add to the core's pain scores, which the checkpoint already waits for; an
    // unanswered one holds nothing, and a runner who answers has the answer checked by `log`.
    out.add({.key = "stairs-pain",
             .text = "How much did your knee hurt going down stairs this morning? (0-10)",
             .min = 0,
             .max = 10,
             .optional = true});
  }

  static sdk::Verdict verdict(const sdk::Context& context, const sdk::DayLog& log) {
    const auto stairs = log.number("stairs-pain");
    if (!stairs) return sdk::Verdict::proceed();
    const double limit = double(context.integer("stairs_pain_max"));
    if (*stairs > limit) {
      return sdk::Verdict::repeat("Stairs hurt " + whole(*stairs) + "/10 this morning, above " +
                                  whole(limit) +
                                  "/10. Stay at this stage, and avoid stairs "
                                  "and downhills where you can, until it settles.");
    }
    // "No increase next morning" (TREK; clinical-basis.md line 31).
    const auto before = context.previous_answer("stairs-pain");
    if (before && *stairs > *before) {
      return sdk::Verdict::repeat("Stairs hurt more this morning (" + whole(*stairs) +
                                  "/10) than last time (" + whole(*before) +
                                  "/10). Stay at this stage until it settles.");
    }
    return sdk::Verdict::proceed();
  }

 private:
  static std::string sdk_percent(double percent) {
    std::string text = std::to_string(std::lround(percent * 10) / 10.0);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text + "%";
  }
};

RUNBACK_DECLARE_PLUGIN(Knee)

// The Achilles plugin: a calf-loading programme whose dose follows the runner's symptoms, and
// two checkpoint questions (morning stiffness, single-leg heel raises).
// Every default cites ../shared/clinical-basis.md (line numbers in brackets).

#include <algorithm>
#include <cmath>
#include <string>

#include <runback/plugin.hpp>

namespace sdk = runback::sdk;

namespace {

std::string kilos(double kg) {
  std::string text = std::to_string(std::lround(kg * 10) / 10.0);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text + " kg";
}

std::string whole(double value) {
  return std::to_string(std::lround(value));
}

// "1 minute", "5 minutes": as a runner reads it.
std::string counted(double value, const std::string& one, const std::string& many) {
  return whole(value) + " " + (std::lround(value) == 1 ? one : many);
}

// How far the dose has come: one step per symptom-clean week, one back after a checkpoint that
// stepped back or stopped.
int dose_level(const sdk::Context& context) {
  int level = context.clean_weeks();
  if (context.last_checkpoint_held_back()) level = std::max(0, level - 1);
  return level;
}

void alfredson(const sdk::Context& context, const sdk::Exercises& out) {
  const double load = std::min(
      context.number("max_load_kg"),
      context.number("start_load_kg") + context.number("load_step_kg") * dose_level(context));
  const std::string load_text =
      load > 0 ? "body weight + " + kilos(load) + " (a backpack)" : "body weight";
  const std::string progression =
      "Some soreness in the first 1-2 weeks is expected. Once the drops no longer hurt, " +
      kilos(context.number("load_step_kg")) + " more after each week your symptoms stay " +
      "settled, up to " + kilos(context.number("max_load_kg")) + " (Alfredson 1998)";
  const std::string tempo =
      "lower slowly below step level on the sore leg; come back up on "
      "the other leg";
  for (const char* name :
       {"Eccentric heel drop, knee straight", "Eccentric heel drop, knee bent"}) {
    out.add({.name = name,
             .sets = 3,
             .reps = 15,
             .times = 2,
             .per = RB_PER_DAY,
             .tempo = tempo,
             .load = load_text,
             .progression = progression});
  }
}

void heavy_slow_resistance(const sdk::Context& context, const sdk::Exercises& out) {
  // Beyer 2015: week 1 3x15RM; weeks 2-3 3x12RM; 4-5 4x10RM; 6-8 4x8RM; 9-12 4x6RM [75].
  const int week = 1 + dose_level(context);
  int sets = 4, reps = 6;
  if (week == 1) {
    sets = 3, reps = 15;
  } else if (week <= 3) {
    sets = 3, reps = 12;
  } else if (week <= 5) {
    reps = 10;
  } else if (week <= 8) {
    reps = 8;
  }
  const std::string load = "heavy: a weight you can lift " + std::to_string(reps) +
                           " times and no more (" + std::to_string(reps) + "RM)";
  const char* progression =
      "Heavier and fewer repetitions by the Beyer 2015 schedule, one step after each week "
      "your symptoms stay settled; more pain after training means a lighter load";
  for (const char* name : {"Seated bent-knee calf raise", "Straight-knee calf raise (leg press)",
                           "Standing calf raise"}) {
    out.add({.name = name,
             .sets = sets,
             .reps = reps,
             .times = 3,
             .per = RB_PER_WEEK,
             .tempo = "3 s down, 3 s up; 2-3 min between sets",
             .load = load,
             .progression = progression});
  }
}

}  // namespace

struct Achilles {
  static constexpr const char* name = "achilles";
  static constexpr const char* version = "1.0.1";
  static constexpr const char* description =
      "Calf loading for Achilles tendinopathy (Alfredson heel drops or heavy slow resistance), "
      "dosed by symptoms, with morning-stiffness and heel-raise checkpoints";

  static constexpr rb_param_spec params[] = {
      sdk::choice("programme", "alfredson", "alfredson|hsr",
                  "alfredson: eccentric heel drops, knee straight and bent, 3 x 15 each, twice "
                  "a day, every day (Alfredson 1998; clinical-basis.md lines 64-67). hsr: heavy "
                  "slow resistance, 3 sessions a week, 3 x 15RM down to 4 x 6RM over 12 weeks "
                  "(Beyer 2015; clinical-basis.md lines 72-76)"),
      sdk::number("start_load_kg", "0", 0, 60, "kg",
                  "Extra load on the heel drops in the first week; 0 is body weight, as in "
                  "Alfredson 1998 (clinical-basis.md lines 64-68)"),
      sdk::number(
          "load_step_kg", "5", 0, 5, "kg",
          "Load added to the heel drops after each week the symptoms stayed settled: "
          "'add 5 kg a week' (Alfredson 1998; clinical-basis.md line 68). 0 holds the load"),
      sdk::number("max_load_kg", "60", 0, 60, "kg",
                  "The most extra load on the heel drops: 'up to 60 kg' (Alfredson 1998; "
                  "clinical-basis.md line 68)"),
      sdk::integer("min_heel_raises", "10", 1, 30, "raises",
                   "Fewer single-leg heel raises than this at a checkpoint keeps the runner at "
                   "their stage: 'trouble doing 10 single-leg heel raises' marks the first "
                   "phase of Silbernagel's programme (clinical-basis.md line 79)"),
  };

  static void validate(const sdk::Params& values, const sdk::Diagnostics& out) {
    if (values.number("start_load_kg") > values.number("max_load_kg")) {
      out.error("start_load_kg",
                "the starting load is above max_load_kg (" + values.text("max_load_kg") + " kg)");
    }
  }

  static void exercises(const sdk::Context& context, const sdk::Exercises& out) {
    if (context.text("programme") == "hsr") {
      heavy_slow_resistance(context, out);
    } else {
      alfredson(context, out);
    }
  }

  static void questions(const sdk::Params&, const sdk::Questions& out) {
    // Optional: they add to the core's pain scores, which the checkpoint already waits for; an
    // unanswered one holds nothing, and a runner who answers has the answer checked by `log`.
    out.add({.key = "morning-stiffness",
             .text = "How many minutes was your Achilles stiff after getting up this morning? "
                     "(0 if not at all)",
             .min = 0,
             .max = 240,
             .optional = true});
    out.add({.key = "heel-raises",
             .text = "How many slow single-leg heel raises could you do on the sore side "
                     "before it hurt or tired?",
             .min = 0,
             .max = 100,
             .optional = true});
  }

  static sdk::Verdict verdict(const sdk::Context& context, const sdk::DayLog& log) {
    sdk::Verdict verdict = sdk::Verdict::proceed();
    // "Pain and stiffness must not rise from week to week" is widely quoted but unconfirmed
    // (clinical-basis.md line 28, [U]); it is used only to hold the runner where they are, the
    // cautious side.
    auto stiffness = log.number("morning-stiffness");
    if (!stiffness && log.stiffness_minutes()) stiffness = *log.stiffness_minutes();
    const auto before = context.previous_answer("morning-stiffness");
    if (stiffness && before && *stiffness > *before) {
      verdict = sdk::most_cautious(
          verdict, sdk::Verdict::repeat("Your Achilles was stiff for " +
                                        counted(*stiffness, "minute", "minutes") +
                                        " this morning, longer than last time (" + whole(*before) +
                                        "). Stay at this stage until it settles."));
    }
    if (const auto raises = log.number("heel-raises")) {
      const double floor = double(context.integer("min_heel_raises"));
      const auto last = context.previous_answer("heel-raises");
      if (*raises < floor) {
        verdict = sdk::most_cautious(
            verdict, sdk::Verdict::repeat(
                         "You managed " +
                         counted(*raises, "single-leg heel raise", "single-leg heel raises") +
                         "; at least " + whole(floor) +
                         " are needed to move on. Keep going with your calf "
                         "exercises at this stage."));
      } else if (last && *raises < *last) {
        verdict = sdk::most_cautious(
            verdict,
            sdk::Verdict::repeat(
                "You managed " +
                counted(*raises, "single-leg heel raise", "single-leg heel raises") +
                ", fewer than last time (" + whole(*last) + "). Stay at this stage for now."));
      }
    }
    return verdict;
  }
};

RUNBACK_DECLARE_PLUGIN(Achilles)

// The hip plugin: hip-extension mobility after running, the LEAP gluteal strength progression,
// and a hip checkpoint (pain lying on the sore side, single-leg stance).
// Every default cites ../shared/clinical-basis.md (line numbers in brackets).

#include <algorithm>
#include <cmath>
#include <string>

#include <runback/plugin.hpp>

#include "leap_strength.hpp"

namespace sdk = runback::sdk;

struct Hip {
  static constexpr const char* name = "hip";
  static constexpr const char* version = "1.0.0";
  static constexpr const char* description =
      "Hip-extension mobility and the LEAP gluteal strength progression, with a hip checkpoint";

  static constexpr rb_param_spec params[] = {
      sdk::integer("stretch_hold_s", "30", 20, 60, "s",
                   "Each hold of the kneeling hip-flexor stretch, back glute squeezed: "
                   "1-2 x 30 s per side after running (clinical-basis.md lines 118-119)"),
      sdk::integer("stretch_sets", "2", 1, 3, "sets",
                   "Holds per side: 1-2 x 30 s (clinical-basis.md line 118); static hip stretches "
                   ">=30 s x 3 "
                   "after activity (clinical-basis.md line 119)"),
      sdk::integer("side_lying_pain_max", "3", 0, 5, "/10",
                   "Pain lying on the sore side above this at a checkpoint keeps the runner at "
                   "their stage: 0-3 is the safe zone (clinical-basis.md line 27), and never above "
                   "5 (clinical-basis.md line 24)"),
  };

  static void exercises(const sdk::Context& context, const sdk::Exercises& out) {
    out.add({.name = "Kneeling hip-flexor stretch (each side)",
             .sets = int(context.integer("stretch_sets")),
             .hold_s = int(context.integer("stretch_hold_s")),
             .tempo = "after running; squeeze the glute of the back leg",
             .load = "gentle stretch, no pain"});
    int level = context.clean_weeks();
    if (context.last_checkpoint_held_back()) level = std::max(0, level - 1);
    runback_plugins::add_leap_strength(level, out);
  }

  static void questions(const sdk::Params&, const sdk::Questions& out) {
    // Optional: they add to the core's pain scores, which the checkpoint already waits for; an
    // unanswered one holds nothing, and a runner who answers has the answer checked by `log`.
    out.add({.key = "side-lying-pain",
             .text = "How much did your hip hurt lying on the sore side last night? (0-10)",
             .min = 0,
             .max = 10,
             .optional = true});
    // Single-leg balance for 10 s is a readiness test before running (Goom 2019; clinical-basis.md
    // line 136).
    out.add({.key = "single-leg-stance",
             .text = "Can you stand on the sore leg for 10 seconds without pain? (yes/no)",
             .kind = RB_QUESTION_YES_NO,
             .optional = true});
  }

  static sdk::Verdict verdict(const sdk::Context& context, const sdk::DayLog& log) {
    sdk::Verdict verdict = sdk::Verdict::proceed();
    if (const auto pain = log.number("side-lying-pain")) {
      const double limit = double(context.integer("side_lying_pain_max"));
      const auto before = context.previous_answer("side-lying-pain");
      if (*pain > limit) {
        verdict =
            sdk::Verdict::repeat("Lying on your hip hurt " + std::to_string(std::lround(*pain)) +
                                 "/10 last night, "
                                 "above " +
                                 std::to_string(std::lround(limit)) +
                                 "/10. Stay at this stage until it "
                                 "settles.");
      } else if (before && *pain > *before) {
        // "If pain is up the next day, lower the load" (Silbernagel 2007; clinical-basis.md line
        // 25): here, hold.
        verdict = sdk::Verdict::repeat(
            "Lying on your hip hurt more last night than the time "
            "before. Stay at this stage until it settles.");
      }
    }
    if (log.yes_no("single-leg-stance") == false) {
      verdict = sdk::most_cautious(
          verdict, sdk::Verdict::repeat("Standing on the sore leg for 10 seconds was not yet "
                                        "pain-free. Stay at this stage for now."));
    }
    return verdict;
  }
};

RUNBACK_DECLARE_PLUGIN(Hip)

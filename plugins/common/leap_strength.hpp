#pragma once
// The gluteal and hip strength progression of the LEAP trial, shared by the hip and knee
// plugins. Source: Mellor et al., BMJ 2018; protocol BMC Musculoskelet Disord 2016, Table 3
// (../shared/clinical-basis.md §4, clinical-basis.md lines 113-117) [V]:
//   week 1: double-leg bridge 1x10 daily, squat 1x10, side-stepping 10 each way daily;
//   week 2: adds an offset (single-leg-biased) bridge and squat 1x5;
//   weeks 3-8: single-leg-biased bridge and squat 2x5-10, side-stepping, band side-slides
//   1-2x5-10; effort light -> somewhat hard -> hard.
// The isometric abduction holds of week 1 have no dose in the basis, so they are left out.
//
// `level` counts symptom-clean weeks (sdk::Context::clean_weeks), so the programme moves to
// its next week only when the runner's symptoms allowed the last one.

#include <runback/plugin.hpp>

namespace runback_plugins {

inline void add_leap_strength(int level, const runback::sdk::Exercises& out) {
  namespace sdk = runback::sdk;
  const char* progression =
      "Moves on one LEAP week after each week your symptoms stayed settled (LEAP, Mellor 2018)";
  if (level <= 0) {
    out.add({.name = "Double-leg bridge",
             .sets = 1,
             .reps = 10,
             .tempo = "slow and controlled",
             .load = "body weight, light effort",
             .progression = progression});
    out.add({.name = "Squat",
             .sets = 1,
             .reps = 10,
             .tempo = "slow and controlled",
             .load = "body weight, light effort",
             .progression = progression});
  } else if (level == 1) {
    out.add({.name = "Double-leg bridge",
             .sets = 1,
             .reps = 10,
             .load = "body weight",
             .progression = progression});
    out.add({.name = "Offset bridge (weight mostly on the sore side)",
             .sets = 1,
             .reps = 5,
             .load = "body weight, somewhat hard",
             .progression = progression});
    out.add({.name = "Squat",
             .sets = 1,
             .reps = 10,
             .load = "body weight",
             .progression = progression});
    out.add({.name = "Offset squat (weight mostly on the sore side)",
             .sets = 1,
             .reps = 5,
             .load = "body weight, somewhat hard",
             .progression = progression});
  } else {
    // LEAP weeks 3-8 prescribe 2 x 5-10: the first such week at 5, then 10.
    const int reps = level == 2 ? 5 : 10;
    out.add({.name = "Single-leg-biased bridge",
             .sets = 2,
             .reps = reps,
             .load = "hard effort",
             .progression = progression});
    out.add({.name = "Single-leg-biased squat",
             .sets = 2,
             .reps = reps,
             .load = "hard effort",
             .progression = progression});
    out.add({.name = "Band side-slides",
             .sets = level == 2 ? 1 : 2,
             .reps = reps,
             .load = "resistance band above the knees",
             .progression = progression});
  }
  out.add({.name = "Side-stepping (each way)",
           .sets = 1,
           .reps = 10,
           .load = level >= 2 ? "resistance band" : "body weight",
           .progression = progression});
}

}  // namespace runback_plugins

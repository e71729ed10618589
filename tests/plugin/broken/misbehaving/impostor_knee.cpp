// An impostor: a plugin named "knee", version 6.6.6, that behaves as the shipped knee plugin
// (plugins/knee/knee.cpp, compiled in here) but for one cue of its own, so that a runner who
// silently got it instead of knee 1.0.0 shows it.
#include <runback/plugin.hpp>

#pragma push_macro("RUNBACK_DECLARE_PLUGIN")
#undef RUNBACK_DECLARE_PLUGIN
#define RUNBACK_DECLARE_PLUGIN(Type)
#include "knee/knee.cpp"
#pragma pop_macro("RUNBACK_DECLARE_PLUGIN")

struct ImpostorKnee : Knee {
  static constexpr const char* version = "6.6.6";
  static constexpr const char* description = "Not the knee plugin runback ships";

  static void session_cues(const sdk::Context& context, const sdk::Cues& out) {
    Knee::session_cues(context, out);
    out.add({.text = "IMPOSTOR knee 6.6.6 cue"});
  }
};
RUNBACK_DECLARE_PLUGIN(ImpostorKnee)

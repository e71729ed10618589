// Returns nonsense chosen by its `mode` parameter, for the host's output checks.
#include <cmath>
#include <limits>
#include <runback/plugin.hpp>

namespace sdk = runback::sdk;

struct Nonsense {
  static constexpr const char* name = "nonsense";
  static constexpr const char* version = "0.0.1";
  static constexpr const char* description = "Returns nonsense from its hooks";
  static constexpr rb_param_spec params[] = {
      sdk::choice("mode", "negative-reps",
                  "negative-reps|empty-name|nan-cadence|bad-verdict|silent-repeat|bad-question",
                  "Which nonsense to return")};

  static void exercises(const sdk::Context& context, const sdk::Exercises& out) {
    const std::string mode = context.text("mode");
    if (mode == "negative-reps") out.add({.name = "Heel drop", .sets = 3, .reps = -3});
    if (mode == "empty-name") out.add({.name = "  ", .sets = 3, .reps = 15});
  }
  static void session_cues(const sdk::Context& context, const sdk::Cues& out) {
    if (context.text("mode") == "nan-cadence") {
      out.add({.text = "Cadence", .cadence_spm = std::numeric_limits<double>::quiet_NaN()});
    }
  }
  static void questions(const sdk::Context& context, const sdk::Questions& out) {
    if (context.text("mode") == "bad-question") {
      out.add({.key = "Stairs Pain!", .text = "How much?"});
    }
  }
  static sdk::Verdict verdict(const sdk::Context& context, const sdk::DayLog&) {
    const std::string mode = context.text("mode");
    if (mode == "bad-verdict") return {static_cast<sdk::Action>(7), 0, 0, "why not"};
    if (mode == "silent-repeat") return {sdk::Action::repeat, 0, 0, ""};
    return sdk::Verdict::proceed();
  }
};
RUNBACK_DECLARE_PLUGIN(Nonsense)

// A complete runback plugin: a cue before every run interval, with one parameter, and a
// checkpoint question whose answer can hold the runner back. docs/plugin-sdk.md explains it.
#include <runback/plugin.hpp>

namespace sdk = runback::sdk;

struct Hello {
  static constexpr const char* name = "hello";
  static constexpr const char* version = "1.0.0";
  static constexpr const char* description = "Greets the runner before every run interval";

  static constexpr rb_param_spec params[] = {
      sdk::text("greeting", "Off you go, gently", "What to say before each run interval"),
      sdk::integer("max_tiredness", "7", 0, 10, "/10",
                   "Tiredness above this at a checkpoint keeps the runner at their stage"),
  };

  static void session_cues(const sdk::Context& context, const sdk::Cues& cues) {
    cues.add({.text = context.text("greeting")});
  }

  // Answered with `runback log DATE --answer tiredness=3`; the checkpoint waits for it. The
  // question is the same at every checkpoint, so it takes the parameters, not the context.
  static void questions(const sdk::Params&, const sdk::Questions& out) {
    out.add({.key = "tiredness", .text = "How tired do you feel this morning? (0-10)"});
  }

  static sdk::Verdict verdict(const sdk::Context& context, const sdk::DayLog& log) {
    const auto tiredness = log.number("tiredness");
    if (!tiredness) return sdk::Verdict::wait("tiredness score");  // never proceed unasked
    if (*tiredness > context.number("max_tiredness")) {
      return sdk::Verdict::repeat("You are tired today: stay at this stage and rest well.");
    }
    return sdk::Verdict::proceed();
  }
};

RUNBACK_DECLARE_PLUGIN(Hello)

#pragma once
// The plugins of the misbehaving-plugin tests (tests/plugin/broken/misbehaving_test.py): each
// is a plain, well-formed plugin with every hook, which misbehaves in one way (its `misbehave()`
// at the start of every hook) or through the text it gives back (its `text()`). Every hook
// misbehaves, so whichever one a command calls first - `validate` for `protocol lint`, the
// planning hooks for `week` - meets the fault.
//
// Except while RUNBACK_TEST_PLUGIN_BEHAVES is set: the test sets it to start runners on the
// plugin and log their days (which may call hooks), as a clinic did before the plugin went
// wrong, and to plan the week the others' plans are compared with. It is the same library
// either way, so nothing that recognises a plugin by its file can tell the two apart.
#include <cstdlib>
#include <string>

#include <runback/plugin.hpp>

namespace broken {

namespace sdk = runback::sdk;

template <class Self>
struct EveryHook {
  static constexpr const char* version = "0.0.1";

  static void misbehave() {}
  // What a hook says where a well-behaved plugin would say `plain`; "" from validate means no
  // warning.
  static std::string text(std::string plain) { return plain; }

  static bool behaving() { return std::getenv("RUNBACK_TEST_PLUGIN_BEHAVES") != nullptr; }
  static void fault() {
    if (!behaving()) Self::misbehave();
  }
  static std::string say(const std::string& plain) {
    return behaving() ? plain : Self::text(plain);
  }

  static void validate(const sdk::Params&, const sdk::Diagnostics& out) {
    fault();
    const std::string warning = say("");
    if (!warning.empty()) out.warning("", warning);
  }
  static void exercises(const sdk::Context&, const sdk::Exercises& out) {
    fault();
    out.add({.name = say("Seated calf raise"), .sets = 3, .reps = 15});
  }
  static void session_cues(const sdk::Context&, const sdk::Cues& out) {
    fault();
    out.add({.text = say("Relax your shoulders")});
  }
  static void questions(const sdk::Context&, const sdk::Questions& out) {
    fault();
    out.add({.key = "calf-pain", .text = say("How sore is your calf this morning? (0-10)")});
  }
  static sdk::Verdict verdict(const sdk::Context&, const sdk::DayLog&) {
    fault();
    const std::string why = say("");
    return why.empty() ? sdk::Verdict::proceed() : sdk::Verdict::repeat(why);
  }
};

}  // namespace broken

// Plugins that fail the handshake, written against the C ABI directly (as a plugin from
// another compiler would be). Which one is chosen at build time:
//   BROKEN_ABI_MAJOR  built for ABI 2.0
//   BROKEN_ABI_MINOR  built for ABI 1.99
//   BROKEN_NAMELESS   declares an empty name
//   BROKEN_TINY       declares a descriptor smaller than ABI 1.0's
//   BROKEN_RAW_THROW  a hook lets a C++ exception escape through the C boundary
//   BROKEN_TWO_QUESTIONS  provides both `questions` and `fixed_questions` (ABI 1.2)
#include <stdexcept>

#include "runback/plugin_abi.h"

namespace {

int32_t throwing_exercises(const rb_context*, const rb_sink*) {
  throw std::runtime_error("escaped through the C boundary");
}

[[maybe_unused]] int32_t no_questions(const rb_context*, const rb_sink*) {
  return RB_OK;
}
[[maybe_unused]] int32_t no_fixed_questions(const rb_params*, const rb_sink*) {
  return RB_OK;
}

rb_plugin make() {
  rb_plugin p{};
  p.abi_major = RUNBACK_PLUGIN_ABI_MAJOR;
  p.abi_minor = RUNBACK_PLUGIN_ABI_MINOR;
  p.struct_size = sizeof(rb_plugin);
  p.name = BROKEN_NAME;
  p.version = "0.0.1";
  p.description = "A deliberately broken plugin for runback's tests";
#if defined(BROKEN_ABI_MAJOR)
  p.abi_major = 2;
  p.abi_minor = 0;
#elif defined(BROKEN_ABI_MINOR)
  p.abi_minor = 99;
#elif defined(BROKEN_NAMELESS)
  p.name = "";
#elif defined(BROKEN_TINY)
  p.struct_size = 24;
#elif defined(BROKEN_RAW_THROW)
  p.exercises = &throwing_exercises;
#elif defined(BROKEN_TWO_QUESTIONS)
  p.questions = &no_questions;
  p.fixed_questions = &no_fixed_questions;
#endif
  return p;
}

const rb_plugin plugin = make();

}  // namespace

extern "C" RUNBACK_PLUGIN_EXPORT const rb_plugin* runback_plugin_entry(void) {
  return &plugin;
}

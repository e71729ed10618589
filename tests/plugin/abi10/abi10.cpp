// A plugin as it was built against plugin ABI 1.0, before 1.1 grew rb_question and rb_verdict:
// its descriptor says 1.0 and its structs are 1.0's size, so a newer runback must read only what
// 1.0 defined. Written against the C ABI with 1.0's structs spelt out, as an old binary has them.
#include <cstdint>

#include "runback/plugin_abi.h"

namespace {

// ABI 1.0's rb_question and rb_verdict, field for field.
struct Question10 {
  uint32_t struct_size;
  const char* key;
  const char* text;
  int32_t kind;
  double min;
  double max;
  int32_t when;
};
struct Verdict10 {
  uint32_t struct_size;
  int32_t kind;
  int32_t stages;
  int32_t rest_days;
  const char* why;
};

int32_t questions(const rb_context*, const rb_sink* sink) {
  const Question10 hop{sizeof(Question10),
                       "hop-ok",
                       "Could you hop 10 times without pain?",
                       RB_QUESTION_YES_NO,
                       0,
                       0,
                       RB_AFTER};
  sink->question(sink->host, reinterpret_cast<const rb_question*>(&hop));
  return RB_OK;
}

int32_t verdict(const rb_context*, const rb_day_log* log, const rb_sink* sink) {
  for (size_t i = 0; i < log->answer_count; ++i) {
    const char* value = log->answers[i].value;
    if (value[0] == 'n') {
      const Verdict10 v{sizeof(Verdict10), RB_REPEAT, 0, 1, "Hopping still hurts."};
      sink->verdict(sink->host, reinterpret_cast<const rb_verdict*>(&v));
    }
  }
  return RB_OK;
}

rb_plugin make() {
  rb_plugin p{};
  p.abi_major = 1;
  p.abi_minor = 0;
  p.struct_size = sizeof(rb_plugin);  // rb_plugin itself did not grow in 1.1
  p.name = "abi-one-oh";
  p.version = "1.0.0";
  p.description = "A plugin built against plugin ABI 1.0";
  p.questions = &questions;
  p.verdict = &verdict;
  return p;
}

const rb_plugin plugin = make();

}  // namespace

extern "C" RUNBACK_PLUGIN_EXPORT const rb_plugin* runback_plugin_entry(void) {
  return &plugin;
}

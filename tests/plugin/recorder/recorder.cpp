// A test plugin that gives nothing back and notes what each hook call saw, through the bare
// C ABI (no SDK in between), so the tests can check the host's conversion value by value.
#include <runback/plugin_abi.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "recorded_call.hpp"

namespace {

std::vector<recorder::Call> calls;

std::vector<std::pair<std::string_view, std::string_view>> answers_of(const rb_day_log& log) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (std::size_t i = 0; i < log.answer_count; ++i) {
    out.emplace_back(log.answers[i].key, log.answers[i].value);
  }
  return out;
}

void add_log(recorder::Digest& digest, const rb_day_log& log) {
  recorder::add_log(digest, log.date, log.session, log.pain_during, log.pain_after,
                    log.pain_next_morning, log.stiffness_minutes, log.swelling, log.limp,
                    log.red_flag_count, answers_of(log));
}

void note(recorder::HookKind hook, const rb_context* context, const rb_day_log* day) {
  recorder::Call call;
  call.hook = hook;
  call.date = context->date;
  call.log_count = context->log_count;
  call.checkpoint_count = context->checkpoint_count;
  recorder::Digest logs, checkpoints, params;
  for (std::size_t i = 0; i < context->log_count; ++i) add_log(logs, context->logs[i]);
  for (std::size_t i = 0; i < context->checkpoint_count; ++i) {
    const rb_checkpoint& checkpoint = context->checkpoints[i];
    for (std::int64_t n : {checkpoint.date, checkpoint.stage_index, checkpoint.outcome}) {
      checkpoints.add(n);
    }
  }
  for (std::size_t i = 0; i < context->params.count; ++i) {
    params.add(std::string_view(context->params.items[i].name));
    params.add(std::string_view(context->params.items[i].value));
  }
  call.logs = logs.value;
  call.checkpoints = checkpoints.value;
  call.params = params.value;
  if (context->log_count > 0) {
    const rb_day_log& last = context->logs[context->log_count - 1];
    call.first_log_date = context->logs[0].date;
    call.last_log_date = last.date;
    if (last.answer_count > 0) {
      const char* value = last.answers[last.answer_count - 1].value;
      std::memcpy(call.last_answer, value,
                  std::min(std::strlen(value), sizeof(call.last_answer) - 1));
    }
  }
  if (day != nullptr) {
    recorder::Digest digest;
    add_log(digest, *day);
    call.day = digest.value;
  }
  calls.push_back(call);
}

int32_t exercises(const rb_context* context, const rb_sink*) {
  note(recorder::kExercises, context, nullptr);
  return RB_OK;
}
int32_t session_cues(const rb_context* context, const rb_sink*) {
  note(recorder::kSessionCues, context, nullptr);
  return RB_OK;
}
int32_t questions(const rb_context* context, const rb_sink*) {
  note(recorder::kQuestions, context, nullptr);
  return RB_OK;
}
int32_t verdict(const rb_context* context, const rb_day_log* log, const rb_sink*) {
  note(recorder::kVerdict, context, log);
  return RB_OK;
}

const rb_param_spec params[] = {
    {"tag", RB_PARAM_STRING, RB_SCOPE_PROTOCOL, 0, "plain", 0, 0, 0, 0, nullptr, nullptr,
     "A protocol-scope text the recorder notes"},
    {"runner", RB_PARAM_STRING, RB_SCOPE_PROGRAMME, 0, "anonymous", 0, 0, 0, 0, nullptr, nullptr,
     "A programme-scope text the recorder notes"},
};

const rb_plugin descriptor = {RUNBACK_PLUGIN_ABI_MAJOR,
                              RUNBACK_PLUGIN_ABI_MINOR,
                              sizeof(rb_plugin),
                              "recorder",
                              "1.0.0",
                              "Notes what each hook call saw, for the host's tests",
                              params,
                              sizeof(params) / sizeof(params[0]),
                              nullptr,
                              exercises,
                              session_cues,
                              questions,
                              verdict,
                              nullptr};

}  // namespace

extern "C" RUNBACK_PLUGIN_EXPORT const rb_plugin* runback_plugin_entry(void) {
  return &descriptor;
}
extern "C" RUNBACK_PLUGIN_EXPORT std::size_t recorder_count(void) {
  return calls.size();
}
extern "C" RUNBACK_PLUGIN_EXPORT const recorder::Call* recorder_at(std::size_t i) {
  return i < calls.size() ? &calls[i] : nullptr;
}
extern "C" RUNBACK_PLUGIN_EXPORT void recorder_reset(void) {
  calls.clear();
}

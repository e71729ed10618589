#include "plan/log_fields.hpp"

namespace runback {

std::vector<LogField> checkpoint_fields(const Protocol& protocol, const NeededLogs& needed,
                                        const std::vector<CheckpointQuestion>& questions,
                                        TimePoint when) {
  std::vector<LogField> fields;
  const bool morning = when == TimePoint::next_morning;
  if (!morning) {
    if (needed.warmup) {
      fields.push_back({LogValue::pain_warmup, "pain in the warm-up (0-10)", "", false, 0, 10});
    }
    fields.push_back({LogValue::pain_during, "pain during the run (0-10)", "", false, 0, 10});
    if (needed.after) {
      fields.push_back(
          {LogValue::pain_after,
           "pain " + std::to_string(protocol.pain.after_minutes) + " minutes after the run (0-10)",
           "", false, 0, 10});
    }
  } else {
    fields.push_back(
        {LogValue::pain_next_morning, "pain the next morning (0-10)", "", false, 0, 10});
    if (needed.stiffness) {
      fields.push_back(
          {LogValue::stiffness, "morning stiffness (minutes, 0 if none)", "", false, 0, 1440});
    }
  }
  for (const CheckpointQuestion& q : questions) {
    if ((q.when == TimePoint::next_morning) != morning) continue;
    fields.push_back({LogValue::answer, q.text, q.key, q.kind == CheckpointQuestion::Kind::yes_no,
                      q.min, q.max, q.choices});
  }
  return fields;
}

bool field_logged(const LogField& field, const DayLog& log) {
  switch (field.value) {
    case LogValue::pain_warmup:
      return log.pain_warmup.has_value();
    case LogValue::pain_during:
      return log.pain_during.has_value();
    case LogValue::pain_after:
      return log.pain_after.has_value();
    case LogValue::pain_next_morning:
      return log.pain_next_morning.has_value();
    case LogValue::stiffness:
      return log.stiffness_minutes.has_value();
    case LogValue::answer:
      return log.answers.count(field.answer_key) > 0;
  }
  return false;
}

}  // namespace runback

#include "report/json_names.hpp"

namespace runback {

const char* rest_kind_name(RestKind kind) {
  switch (kind) {
    case RestKind::none:
      return "none";
    case RestKind::rest:
      return "rest";
    case RestKind::imposed:
      return "imposed";
    case RestKind::stopped:
      return "stopped";
    case RestKind::before_start:
      return "before_start";
    case RestKind::finished:
      return "finished";
    case RestKind::recovery:
      return "recovery";
  }
  return "rest";
}

const char* log_value_name(LogValue value) {
  switch (value) {
    case LogValue::pain_warmup:
      return "pain_warmup";
    case LogValue::pain_during:
      return "pain_during";
    case LogValue::pain_after:
      return "pain_after";
    case LogValue::pain_next_morning:
      return "pain_next_morning";
    case LogValue::stiffness:
      return "stiffness_minutes";
    case LogValue::answer:
      return "answer";
  }
  return "";
}

}  // namespace runback

#include "report/plan_words.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>

#include "protocol/step_words.hpp"

namespace runback {
namespace {

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string capitalise(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

const Stage& stage_at(const Protocol& protocol, int index) {
  return protocol.stages[std::size_t(std::clamp(index, 0, int(protocol.stages.size()) - 1))];
}

std::string stage_title(const Protocol& protocol, int index) {
  const Stage& stage = stage_at(protocol, index);
  std::string out =
      step_label(step_words(protocol), index) + " of " + std::to_string(protocol.stages.size());
  if (!stage.name.empty() && stage.name != stage.id) out += ", " + stage.name;
  return out;
}

std::string short_day(Date date) {
  const std::chrono::year_month_day ymd{date};
  return capitalise(weekday_short(std::chrono::weekday{date})) + " " +
         std::to_string(unsigned(ymd.day())) + " " + kMonths[unsigned(ymd.month()) - 1];
}

std::string time_until(std::chrono::days days) {
  const auto count = days.count();
  if (count <= 0) return "today";
  if (count == 1) return "tomorrow";
  if (count < 14) return "in " + std::to_string(count) + " days";
  return "in about " + std::to_string((count + 3) / 7) + " weeks";
}

}  // namespace runback

#include "protocol/step_words.hpp"

namespace runback {

StepWords step_words(const Protocol& protocol) {
  // Every allowed word makes its plural with an 's'.
  return StepWords{protocol.step_word, protocol.step_word + "s"};
}

std::string step_label(const StepWords& words, int index) {
  return words.one + " " + std::to_string(index + 1);
}

std::string step_count(const StepWords& words, int n) {
  return std::to_string(n) + " " + (n == 1 ? words.one : words.many);
}

}  // namespace runback

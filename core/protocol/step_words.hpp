#pragma once
// The protocol's own word for a step of its progression (format 2, `step_word: level`): what the
// runner reads everywhere ("level 3", "2 levels"). JSON keys keep "stage" whatever the word.

#include <string>

#include "protocol/protocol.hpp"

namespace runback {

struct StepWords {
  std::string one = "stage";    // "level"
  std::string many = "stages";  // "levels"
};

// The words `step_word` may be, for the reader's choice and the docs.
inline constexpr const char* kStepWordChoices[] = {"stage", "level", "phase",
                                                   "step",  "week",  "day"};

StepWords step_words(const Protocol& protocol);
// "level 3" for the 0-based index 2.
std::string step_label(const StepWords& words, int index);
// "1 level", "2 levels".
std::string step_count(const StepWords& words, int n);

}  // namespace runback

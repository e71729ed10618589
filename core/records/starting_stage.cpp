#include "records/starting_stage.hpp"

#include <charconv>
#include <system_error>

namespace runback {
namespace {

// Whether all of `text` is one number, read into `out`.
template <class Number>
bool parse_all(const std::string& text, Number& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<int> choose_starting_stage(const Protocol& protocol, const StartingStageRequest& request) {
  const int count = int(protocol.stages.size());
  if (!request.stage.empty()) {
    int n = 0;
    if (!parse_all(request.stage, n) || n < 1 || n > count) {
      return Error{"'" + request.stage + "' is not a stage of " + protocol.id +
                   "; give a number from 1 to " + std::to_string(count)};
    }
    return n - 1;
  }
  if (!request.entry_test.empty()) {
    if (!protocol.start.entry_test) {
      return Error{protocol.id + " has no entry test; give --stage N (1 to " +
                   std::to_string(count) + ") or leave both out to start at its first stage"};
    }
    const EntryTest& test = *protocol.start.entry_test;
    double value = 0;
    if (!parse_all(request.entry_test, value) || value < 0) {
      return Error{"'" + request.entry_test + "' is not a number from 0 (" + test.question +
                   ", in " + test.unit + ")"};
    }
    int index = -1;
    for (const auto& band : test.bands) {
      // `above: x` (format 2) is an exclusive bound: x itself stays in the band before.
      const bool in_band = band.exclusive ? value > band.at_least : value >= band.at_least;
      if (in_band) index = protocol.stage_index(band.stage);
    }
    if (index < 0) return Error{"no band of " + protocol.id + " covers " + request.entry_test};
    return index;
  }
  if (!protocol.start.default_stage.empty()) {
    const int index = protocol.stage_index(protocol.start.default_stage);
    if (index >= 0) return index;
  }
  return 0;
}

}  // namespace runback

#pragma once
// The C view (runback/plugin_abi.h) of a plan's history: its logs and checkpoints, converted
// once and then extended by what is new. A plan calls its plugin at every checkpoint and for
// every day laid out, each time with everything up to that day; converting it all at each call
// made a plan quadratic in its history (docs/performance.md).
//
// The view owns everything its pointers point into (answer texts included), in storage that
// does not move, so it stays valid however the caller's vectors reallocate.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "records/records.hpp"
#include "runback/plugin_abi.h"

namespace runback {

// Whole days since 1970-01-01, as the ABI counts dates.
std::int32_t abi_day(Date date);

// One log as the ABI shows it; `answers` holds its log.answers.size() answers (null when none).
rb_day_log to_abi(const DayLog& log, const rb_answer* answers);

class ConvertedHistory {
 public:
  // Brings the view up to `logs` and `checkpoints`. When what it holds is still their
  // beginning (as ExtensionContext::history_id promises), only what was added is converted;
  // otherwise (they shrank, or the last converted entry differs) it starts again.
  void update(std::span<const DayLog> logs, std::span<const CheckpointSummary> checkpoints);
  // Forgets the history, keeping the memory for the next one.
  void clear();

  const std::vector<rb_day_log>& logs() const { return logs_; }
  const std::vector<rb_checkpoint>& checkpoints() const { return checkpoints_; }

 private:
  bool continues_into(std::span<const DayLog> logs,
                      std::span<const CheckpointSummary> checkpoints) const;
  void append(const DayLog& log);
  void repoint_answers();

  std::deque<std::string> texts_;   // answer keys and values; a deque never moves its elements
  std::vector<rb_answer> answers_;  // every log's answers, one log after another
  std::vector<rb_day_log> logs_;
  std::vector<rb_checkpoint> checkpoints_;
};

}  // namespace runback

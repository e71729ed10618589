#pragma once
// A caseload in plain words: the `runners` table (one row per runner, what needs attention at
// the end) and the one line per runner of `week --all --summary`.

#include <string>
#include <vector>

#include "report/caseload_summary.hpp"
#include "util/date.hpp"

namespace runback {

// The table of `runners`, rows in the order given: runner, stage, last log, pain trend, next
// run, and what needs attention (attention_text: a stop, silence, setbacks, values awaited).
// Columns fit 80 characters for names of up to 12 or so; a row whose note would pass 80 has it
// on a line of its own, indented.
std::string caseload_table(const std::vector<RunnerAttention>& runners, Date today);

// One runner in a line: name (padded to `name_width`), stage, next run, what the checkpoint
// awaits and what needs attention.
std::string caseload_summary_line(const RunnerAttention& runner, Date today,
                                  std::size_t name_width);

// The small cells both use: "3/13" ("complete", "-" with no plan), "yesterday" / "8 days
// ago" / "never", "Thu 3 Dec" ("today", "on hold", "-").
std::string stage_cell(const RunnerAttention& runner);
std::string last_log_cell(const RunnerAttention& runner);
std::string next_run_cell(const RunnerAttention& runner, Date today);

// Characters, not bytes, of UTF-8 text (names may have accents).
std::size_t text_width(const std::string& text);

}  // namespace runback

#pragma once
// A scripted symptom sequence for `runback protocol simulate --symptoms FILE`: one line per run,
// in order, e.g.
//   # the third run flares up
//   during=1 after=0 morning=0
//   during=2 morning=1
//   during=6 after=4 morning=3 stiffness=20
//   skipped
//   partial during=2 morning=0
//   flag=night-pain
//   during=1 morning=0 limp swelling answer.hop-pain=1
// Keys: during, after, morning (0-10), stiffness (minutes, 0-1440), flag (a red flag id,
// repeatable), answer.KEY (a plugin answer); words: done (the default), partial, skipped, limp,
// swelling. Blank lines and lines starting with # are ignored.

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "records/records.hpp"

namespace runback {

struct SymptomScript {
  std::vector<DayLog> sessions;  // dates unset: the simulation gives each its run day
  std::vector<Diagnostic> diagnostics;
};

SymptomScript parse_symptom_script(std::string_view text, const std::string& display_path);

}  // namespace runback

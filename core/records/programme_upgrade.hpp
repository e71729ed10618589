#pragma once
// What moving a running programme to another text of its protocol would change, worked out
// before anything is changed (`runback program upgrade` shows it, and switches with --yes).

#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "util/result.hpp"

namespace runback {

struct ProgrammeUpgrade {
  bool up_to_date = false;  // the programme already follows `next`'s text: nothing changes
  // The changes a plan depends on, in plain words (protocol_diff.hpp), then where the starting
  // stage goes when it moves. When the text the programme started with no longer loads, only
  // what the programme itself records (version, plugin) is compared.
  std::vector<std::string> changes;
  std::vector<std::string> warnings;  // for the author of `next`: a text changed, same version
  std::vector<std::string> diff;      // line by line: "-N: ..." as started, "+N: ..." now
  int starting_stage = 0;             // 0-based, in `next`
};

// `next` is a text of the programme's protocol (the same id). An error (ErrorKind::conflict)
// when the stage the programme started at has no place in `next`.
Result<ProgrammeUpgrade> compare_upgrade(const Programme& programme, const Protocol& next);

}  // namespace runback

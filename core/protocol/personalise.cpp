#include "protocol/personalise.hpp"

#include <algorithm>
#include <cmath>

#include "protocol/after_goal.hpp"

namespace runback {

double running_volume(const Session& session, Amount::Kind kind) {
  double total = 0;
  for (const auto& block : session.blocks) {
    // A block repeated `until` a total has no fixed count: its running is not known in advance.
    if (block.run && !block.until && block.run->kind == kind) {
      total += block.run->value * block.repeat;
    }
  }
  return total;
}

int ladder_steps(const Stage& stage, const Amount& goal) {
  if (!stage.ladder || stage.session.blocks.empty()) return 0;
  const IntervalBlock& last_block = stage.session.blocks.back();
  const double per_step = stage.ladder->add.value * last_block.repeat;
  if (per_step <= 0) return 0;
  const double missing = goal.value - running_volume(stage.session, goal.kind);
  // A hair of tolerance: 4 x 0.25 mi is 2 mi even in binary.
  return std::max(0, int(std::ceil(missing / per_step - 1e-9)));
}

bool is_personal(const Protocol& protocol) {
  return protocol.goal.has_value() || !protocol.options.empty() || protocol.after_goal.has_value();
}

std::optional<Amount> goal_or_default(const Protocol& protocol, const std::optional<Amount>& goal) {
  if (!protocol.goal) return std::nullopt;
  return goal ? goal : std::optional<Amount>(protocol.goal->default_goal);
}

std::string option_or_default(const Protocol& protocol, const std::string& option) {
  if (protocol.options.empty()) return {};
  return option.empty() ? protocol.options.front().id : option;
}

namespace {

void choose_alternative(Stage& stage, const std::string& option) {
  for (const auto& alternative : stage.alternatives) {
    if (alternative.id != option) continue;
    if (alternative.session) stage.session = *alternative.session;
    if (alternative.intensity) stage.intensity = *alternative.intensity;
    if (!alternative.surface.empty()) stage.surface = alternative.surface;
    if (!alternative.name.empty()) stage.name += " (" + alternative.name + ")";
    return;
  }
}

// Step `n` of the ladder on `base`: the last block's run grows by n x add, never past the goal.
Stage ladder_step(const Stage& base, const Amount& goal, int n) {
  Stage step = base;
  step.id = base.id + "-plus-" + std::to_string(n);
  step.name = base.name + " + " + std::to_string(n);
  step.generated_step = n;
  step.ladder.reset();
  IntervalBlock& block = step.session.blocks.back();
  block.run->value += n * base.ladder->add.value;
  const double over = running_volume(step.session, goal.kind) - goal.value;
  if (over > 0) block.run->value -= over / block.repeat;
  return step;
}

}  // namespace

Protocol personalise(const Protocol& protocol, const std::optional<Amount>& goal,
                     const std::string& option) {
  if (!is_personal(protocol)) return protocol;
  Protocol out = protocol;
  out.runner_goal = goal_or_default(protocol, goal);
  out.runner_option = option_or_default(protocol, option);
  out.stages.clear();
  for (Stage stage : protocol.stages) {
    if (!out.runner_option.empty()) choose_alternative(stage, out.runner_option);
    out.stages.push_back(stage);
    if (!stage.ladder || !out.runner_goal) continue;
    const int steps = std::min(ladder_steps(stage, *out.runner_goal), kMaxLadderSteps);
    for (int n = 1; n <= steps; ++n) out.stages.push_back(ladder_step(stage, *out.runner_goal, n));
  }
  if (protocol.after_goal && !out.stages.empty()) {
    const Stage goal_stage = out.stages.back();
    for (int week = 1; week <= protocol.after_goal->weeks; ++week) {
      out.stages.push_back(after_goal_step(goal_stage, *protocol.after_goal, week));
    }
  }
  return out;
}

}  // namespace runback

#include "protocol/protocol_diff.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>
#include <utility>

#include "protocol/describe.hpp"

namespace runback {

namespace {

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

std::string change(const std::string& what, const std::string& before, const std::string& after) {
  return what + ": " + before + " -> " + after;
}

std::string pain_limit_text(const std::optional<PainLimit>& limit) {
  if (!limit) return "no limit";
  const std::string text = describe_pain_limit(*limit);
  return text.empty() ? "no limit" : text;
}

void compare_pain(const PainLimits& old, const PainLimits& next, std::vector<std::string>& out) {
  const std::pair<const char*, std::optional<PainLimit> PainLimits::*> points[] = {
      {"pain during the run", &PainLimits::during},
      {"pain after the run", &PainLimits::after},
      {"pain the next morning", &PainLimits::next_morning}};
  for (const auto& [what, member] : points) {
    const std::string before = pain_limit_text(old.*member), after = pain_limit_text(next.*member);
    if (before != after) out.push_back(change(what, before, after));
  }
  if (old.after_minutes != next.after_minutes) {
    out.push_back(change("pain after the run is scored this long after it",
                         std::to_string(old.after_minutes) + " min",
                         std::to_string(next.after_minutes) + " min"));
  }
}

std::string rule_text(const Response& response) {
  return "when " + describe_condition(response.when) + ", " + describe_action(response.then);
}

void compare_responses(const Protocol& old, const Protocol& next, std::vector<std::string>& out) {
  auto find = [](const Protocol& p, const std::string& name) -> const Response* {
    for (const Response& r : p.responses) {
      if (r.name == name) return &r;
    }
    return nullptr;
  };
  for (const Response& before : old.responses) {
    const Response* after = find(next, before.name);
    const std::string what = "response " + quoted(before.name);
    if (!after) {
      out.push_back(what + " is removed (it was: " + rule_text(before) + ")");
      continue;
    }
    if (!(before.when == after->when)) {
      out.push_back(change(what, "when " + describe_condition(before.when),
                           "when " + describe_condition(after->when)));
    }
    if (!(before.then == after->then)) {
      out.push_back(change(what, describe_action(before.then), describe_action(after->then)));
    }
  }
  for (const Response& added : next.responses) {
    if (!find(old, added.name)) {
      out.push_back("response " + quoted(added.name) + " is new: " + rule_text(added));
    }
  }
}

// Things known by an id whose words matter: red flags and entry criteria.
template <class Item>
void compare_texts(const std::vector<Item>& old, const std::vector<Item>& next,
                   const std::string& kind, std::vector<std::string>& out) {
  auto find = [](const std::vector<Item>& items, const std::string& id) -> const Item* {
    for (const Item& item : items) {
      if (item.id == id) return &item;
    }
    return nullptr;
  };
  for (const Item& before : old) {
    const Item* after = find(next, before.id);
    const std::string what = kind + " " + quoted(before.id);
    if (!after) {
      out.push_back(what + " is removed (it was: " + before.text + ")");
    } else if (before.text != after->text) {
      out.push_back(change(what, quoted(before.text), quoted(after->text)));
    }
  }
  for (const Item& added : next) {
    if (!find(old, added.id))
      out.push_back(kind + " " + quoted(added.id) + " is new: " + added.text);
  }
}

// One property of every stage in both texts, compared: stages that change the same way share one
// line, "every stage: ..." when that is all of them.
void compare_stages(const Protocol& old, const Protocol& next, const std::string& what,
                    const std::function<std::string(const Stage&)>& describe,
                    std::vector<std::string>& out) {
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<std::string>>> groups;
  std::size_t in_both = 0;
  for (const Stage& stage : old.stages) {
    const int index = next.stage_index(stage.id);
    if (index < 0) continue;
    ++in_both;
    std::pair<std::string, std::string> key{describe(stage),
                                            describe(next.stages[std::size_t(index)])};
    if (key.first == key.second) continue;
    auto group =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (group == groups.end()) {
      groups.push_back({std::move(key), {stage.id}});
    } else {
      group->second.push_back(stage.id);
    }
  }
  for (const auto& [texts, ids] : groups) {
    std::string who;
    if (ids.size() == in_both && in_both > 1) {
      who = "every stage";
    } else if (ids.size() == 1) {
      who = "stage " + ids.front();
    } else {
      who = "stages " + join_with_and(ids);
    }
    out.push_back(change(who + (what.empty() ? "" : ": " + what), texts.first, texts.second));
  }
}

std::string runs_a_week(const Stage& stage) {
  const Frequency& f = stage.frequency;
  return std::to_string(f.sessions_min) +
         (f.sessions_max == f.sessions_min ? "" : "-" + std::to_string(f.sessions_max));
}

std::string rest_days(const Stage& stage) {
  return "at least " + std::to_string(stage.frequency.min_rest_days);
}

std::string break_action(const BreakRule& rule) {
  if (rule.restart) return "start again from the first stage";
  return "step back " + std::to_string(rule.step_back) +
         (rule.step_back == 1 ? " stage" : " stages");
}

std::string partial_text(PartialSession partial) {
  return partial == PartialSession::repeat ? "repeats the stage" : "counts toward moving up";
}

void compare_progression(const Progression& old, const Progression& next,
                         std::vector<std::string>& out) {
  if (old.max_stages_per_7_days != next.max_stages_per_7_days) {
    out.push_back(change("stages up in 7 days",
                         "at most " + std::to_string(old.max_stages_per_7_days),
                         "at most " + std::to_string(next.max_stages_per_7_days)));
  }
  if (old.decide != next.decide) {
    auto words = [](DecideWhen decide) {
      return decide == DecideWhen::after_session ? std::string("after the session")
                                                 : std::string("the next morning");
    };
    out.push_back(change("a session is decided", words(old.decide), words(next.decide)));
  }
  if (old.partial_session != next.partial_session) {
    out.push_back(change("a run cut short", partial_text(old.partial_session),
                         partial_text(next.partial_session)));
  }
  auto find = [](const std::vector<BreakRule>& rules, int days) -> const BreakRule* {
    for (const BreakRule& rule : rules) {
      if (rule.days == days) return &rule;
    }
    return nullptr;
  };
  auto what = [](int days) { return "after " + std::to_string(days) + " days without running"; };
  for (const BreakRule& before : old.breaks) {
    const BreakRule* after = find(next.breaks, before.days);
    if (!after) {
      out.push_back(what(before.days) + ": " + break_action(before) + " -> no rule");
    } else if (break_action(before) != break_action(*after)) {
      out.push_back(change(what(before.days), break_action(before), break_action(*after)));
    }
  }
  for (const BreakRule& added : next.breaks) {
    if (!find(old.breaks, added.days)) {
      out.push_back(change(what(added.days), "no rule", break_action(added)));
    }
  }
}

void compare_stage_lists(const Protocol& old, const Protocol& next, std::vector<std::string>& out) {
  for (const Stage& stage : old.stages) {
    if (next.stage_index(stage.id) < 0) {
      out.push_back("stage " + stage.id + " (" + stage.name + ") is removed");
    }
  }
  for (const Stage& stage : next.stages) {
    if (old.stage_index(stage.id) < 0) {
      out.push_back("stage " + stage.id + " (" + stage.name +
                    ") is new: " + describe_stage_sessions(stage));
    }
  }
  compare_stages(
      old, next, "", [](const Stage& s) { return describe_stage_sessions(s); }, out);
  compare_stages(
      old, next, "intensity", [](const Stage& s) { return describe_intensity(s.intensity); }, out);
}

std::string param_text(const std::map<std::string, PluginParam>& params, const std::string& key) {
  auto it = params.find(key);
  return it == params.end() ? "not set" : it->second.text;
}

void compare_plugin(const std::optional<PluginRef>& old, const std::optional<PluginRef>& next,
                    std::vector<std::string>& out) {
  const std::string before = old ? old->name : "none", after = next ? next->name : "none";
  if (before != after) out.push_back(change("plugin", before, after));
  const std::map<std::string, PluginParam> none;
  const auto& old_params = old ? old->params : none;
  const auto& new_params = next ? next->params : none;
  std::vector<std::string> keys;
  for (const auto& [key, value] : old_params) keys.push_back(key);
  for (const auto& [key, value] : new_params) {
    if (!old_params.count(key)) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  for (const auto& key : keys) {
    const std::string was = param_text(old_params, key), now = param_text(new_params, key);
    if (was != now) out.push_back(change("plugin parameter " + key, was, now));
  }
}

// A calendar programme's days in a few words (format 2): "none", or "day 1 jog-1, day 2
// recovery, ...; bad day: rest 1 day, then the previous session".
std::string calendar_words(const std::optional<Calendar>& calendar) {
  if (!calendar) return "none";
  std::string out;
  for (const CalendarDay& day : calendar->days) {
    out += (out.empty() ? "day " : ", day ") + std::to_string(day.day) + " " +
           (day.recovery ? std::string("recovery") : day.stage);
  }
  return out + "; bad day: " +
         (calendar->bad_day ? describe_bad_day(*calendar->bad_day)
                            : std::string("as the responses say"));
}

using Lines = std::vector<std::string>;

// Format 2's keys that shape each runner's programme, in a few words each: "none" when absent.
std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out.empty() ? "none" : out;
}

std::string by_week_words(const std::vector<WeekFrequency>& weeks) {
  std::vector<std::string> parts;
  for (const auto& week : weeks) parts.push_back(describe_week_frequency(week));
  return joined(parts);
}

std::string options_words(const std::vector<StageOption>& options) {
  std::vector<std::string> parts;
  for (const auto& option : options) parts.push_back(option.id);
  return joined(parts);
}

void compare_runner_keys(const Protocol& old, const Protocol& next, std::vector<std::string>& out) {
  auto compare = [&](const std::string& what, const std::string& before, const std::string& after) {
    if (before != after) out.push_back(change(what, before, after));
  };
  compare("the runner's goal", old.goal ? describe_goal(*old.goal) : "none",
          next.goal ? describe_goal(*next.goal) : "none");
  compare("weekly cap", old.weekly_cap ? describe_weekly_cap(*old.weekly_cap) : "none",
          next.weekly_cap ? describe_weekly_cap(*next.weekly_cap) : "none");
  compare("options", options_words(old.options), options_words(next.options));
  // Line by line when both have weeks after the goal: only what changed.
  const auto old_lines = old.after_goal ? describe_after_goal(*old.after_goal) : Lines{};
  const auto next_lines = next.after_goal ? describe_after_goal(*next.after_goal) : Lines{};
  if (!old_lines.empty() && !next_lines.empty() && old_lines.size() == next_lines.size()) {
    for (std::size_t i = 0; i < old_lines.size(); ++i) {
      compare("after the goal", old_lines[i], next_lines[i]);
    }
  } else {
    compare("after the goal", joined(old_lines), joined(next_lines));
  }
  compare("the word for a step", old.step_word, next.step_word);
}

}  // namespace

std::vector<std::string> protocol_changes(const Protocol& old, const Protocol& next) {
  std::vector<std::string> out;
  if (old.version != next.version) out.push_back("version " + old.version + " -> " + next.version);
  compare_pain(old.pain, next.pain, out);
  compare_responses(old, next, out);
  compare_texts(old.red_flags, next.red_flags, "red flag", out);
  compare_stages(old, next, "runs a week", runs_a_week, out);
  compare_stages(old, next, "rest days between runs", rest_days, out);
  compare_stages(
      old, next, "good runs in a row to move up",
      [](const Stage& s) { return std::to_string(s.sessions_to_advance); }, out);
  compare_progression(old.progression, next.progression, out);
  compare_stage_lists(old, next, out);
  compare_texts(old.entry_criteria, next.entry_criteria, "entry criterion", out);
  compare_plugin(old.plugin, next.plugin, out);
  if (calendar_words(old.calendar) != calendar_words(next.calendar)) {
    out.push_back(change("calendar", calendar_words(old.calendar), calendar_words(next.calendar)));
  }
  compare_stages(
      old, next, "rules by programme week",
      [](const Stage& s) { return by_week_words(s.frequency.by_week); }, out);
  compare_runner_keys(old, next, out);
  return out;
}

std::vector<std::string> protocol_change_warnings(const std::string& old_text,
                                                  const std::string& old_version,
                                                  const Protocol& next) {
  if (old_text == next.source_text || old_version != next.version) return {};
  return {"the protocol's text changed but its version is still " + next.version +
          ": ask its author to raise the version"};
}

Result<StartingStage> starting_stage_in(int position, const Protocol* old, const Protocol& next) {
  if (old && position >= 0 && position < int(old->stages.size())) {
    const Stage& stage = old->stages[std::size_t(position)];
    const int index = next.stage_index(stage.id);
    if (index >= 0) {
      if (index == position) return StartingStage{index, ""};
      return StartingStage{index, "the starting stage, " + stage.id + " (" + stage.name +
                                      "), moves from stage " + std::to_string(position + 1) +
                                      " to stage " + std::to_string(index + 1)};
    }
    if (position < int(next.stages.size())) {
      const Stage& instead = next.stages[std::size_t(position)];
      return StartingStage{position, "the starting stage, " + stage.id + " (" + stage.name +
                                         "), is no longer in the protocol; the programme starts "
                                         "at stage " +
                                         std::to_string(position + 1) + ", " + instead.id + " (" +
                                         instead.name + "), instead"};
    }
  } else if (position >= 0 && position < int(next.stages.size())) {
    return StartingStage{position, ""};  // the old text no longer loads: by position, as before
  }
  return Error{"the new text of " + next.id + " has only " + std::to_string(next.stages.size()) +
                   " stages and none of them is the stage the programme started at; start again "
                   "with `runback start --replace`",
               ErrorKind::conflict};
}

std::vector<std::string> line_diff(const std::string& old_text, const std::string& new_text) {
  auto split = [](const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  };
  const auto a = split(old_text), b = split(new_text);
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<std::string> out;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push_back("+" + std::to_string(j + 1) + ": " + b[j]);
      ++j;
    } else {
      out.push_back("-" + std::to_string(i + 1) + ": " + a[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace runback

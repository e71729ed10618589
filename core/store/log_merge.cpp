#include "store/log_merge.hpp"

#include <algorithm>

namespace runback {

MergedLog merge_log(const std::optional<LogRow>& stored, const LogRow& change, bool replace,
                    const std::string& changed_at) {
  MergedLog out;
  LogRow& merged = out.row;
  merged = stored.value_or(LogRow{change.date, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}});
  // A value set again to what it was is no change: nothing to audit.
  auto note_change = [&](const std::string& field, const std::optional<std::string>& old_value,
                         const std::optional<std::string>& new_value) {
    if (old_value == new_value) return;
    out.replaced.push_back({"", "log", change.date, field, old_value, new_value, changed_at});
  };
  const auto old_fields = log_scalar_fields(merged);
  const auto new_fields = log_scalar_fields(change);
  for (std::size_t i = 0; i < new_fields.size(); ++i) {
    if (!new_fields[i].value) continue;
    if (old_fields[i].value) {
      if (*old_fields[i].value == *new_fields[i].value) {
        out.unchanged.push_back(
            {change.date, new_fields[i].name, *old_fields[i].value, *new_fields[i].value});
        continue;
      }
      if (!replace) {
        out.conflicts.push_back(
            {change.date, new_fields[i].name, *old_fields[i].value, *new_fields[i].value});
        continue;
      }
      note_change(new_fields[i].name, old_fields[i].value, new_fields[i].value);
    }
    copy_scalar(merged, change, new_fields[i].name);
  }
  for (const auto& [key, value] : change.answers) {
    auto it = merged.answers.find(key);
    if (it != merged.answers.end()) {
      if (it->second == value) {
        out.unchanged.push_back({change.date, "answers." + key, it->second, value});
        continue;
      }
      if (!replace) {
        out.conflicts.push_back({change.date, "answers." + key, it->second, value});
        continue;
      }
      note_change("answers." + key, it->second, value);
    }
    merged.answers[key] = value;
  }
  if (!change.red_flags.empty()) {
    if (replace) {
      const std::string old_flags = join_red_flags(merged.red_flags);
      const std::string new_flags = join_red_flags(change.red_flags);
      if (!merged.red_flags.empty()) note_change("red_flags", old_flags, new_flags);
      merged.red_flags = change.red_flags;
    } else {
      for (const auto& flag : change.red_flags) {
        if (std::find(merged.red_flags.begin(), merged.red_flags.end(), flag) ==
            merged.red_flags.end()) {
          merged.red_flags.push_back(flag);
        }
      }
    }
  }
  return out;
}

}  // namespace runback

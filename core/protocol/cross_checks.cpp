// Names that point elsewhere in the file, checked once the whole file has been read.
#include <algorithm>

#include "protocol/sections.hpp"
#include "util/suggest.hpp"

namespace runback::loading {
namespace {

std::string list_or_none(const std::vector<std::string>& names, const std::string& none) {
  if (names.empty()) return none;
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

void cross_check(Loading& loading) {
  std::vector<std::string> reference_ids;
  for (const auto& mention : loading.reference_ids) reference_ids.push_back(mention.name);
  for (const auto& mention : loading.ref_mentions) {
    if (std::find(reference_ids.begin(), reference_ids.end(), mention.name) !=
        reference_ids.end()) {
      continue;
    }
    const std::string suggestion = did_you_mean(mention.name, reference_ids);
    loading.reader.error(
        mention.where, mention.path,
        "no reference has the id '" + mention.name + "'" + suggestion +
            (suggestion.empty()
                 ? "; references: " + list_or_none(reference_ids, "none (add a references list)")
                 : ""));
  }

  std::vector<std::string> stage_ids;
  for (const auto& stage : loading.protocol.stages) {
    if (!stage.id.empty()) stage_ids.push_back(stage.id);
  }
  if (!stage_ids.empty()) {
    for (const auto& mention : loading.stage_mentions) {
      if (std::find(stage_ids.begin(), stage_ids.end(), mention.name) != stage_ids.end()) continue;
      const std::string suggestion = did_you_mean(mention.name, stage_ids);
      loading.reader.error(
          mention.where, mention.path,
          "no stage has the id '" + mention.name + "'" + suggestion +
              (suggestion.empty() ? "; stages: " + list_or_none(stage_ids, "") : ""));
    }
  }
  if (loading.protocol.start.default_stage.empty() && !loading.protocol.stages.empty()) {
    loading.protocol.start.default_stage = loading.protocol.stages.front().id;
  }

  for (const auto& id : loading.reference_ids) {
    const bool cited = std::any_of(loading.ref_mentions.begin(), loading.ref_mentions.end(),
                                   [&](const Mention& m) { return m.name == id.name; });
    if (!cited) {
      loading.reader.warning(id.where, id.path,
                             "reference '" + id.name + "' is never cited by a ref: key");
    }
  }
}

}  // namespace runback::loading

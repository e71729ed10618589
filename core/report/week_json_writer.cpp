#include "report/week_json_writer.hpp"

#include <algorithm>
#include <utility>

#include "report/json_text_writer.hpp"
#include "report/protocol_parts.hpp"
#include "report/week_document.hpp"

namespace runback {
namespace {

// The protocol's parts (report/protocol_parts.hpp) as the cache wrote them.
class CachedProtocolParts {
 public:
  explicit CachedProtocolParts(const WeekJsonCache::ProtocolText& text) : text_(text) {}

  void protocol_ref(JsonTextWriter& w) const { w.raw_value(text_.ref); }
  void stage_ref(JsonTextWriter& w, int index) const { w.raw_value(stage(index).ref); }
  void stage_run_members(JsonTextWriter& w, int index, int session_index = 0) const {
    const auto& members = stage(index).run_members;
    w.raw_members(members.at(
        std::min(static_cast<std::size_t>(std::max(session_index, 0)), members.size() - 1)));
  }

 private:
  const WeekJsonCache::StageText& stage(int index) const {
    return text_.stages.at(static_cast<std::size_t>(index));
  }

  const WeekJsonCache::ProtocolText& text_;
};

}  // namespace

const WeekJsonCache::ProtocolText& WeekJsonCache::of(const Protocol& protocol) {
  if (auto found = protocols_.find(&protocol); found != protocols_.end()) return found->second;
  // Written whole before it is kept: a text that throws (not UTF-8) leaves nothing half done.
  ProtocolText text;
  JsonTextWriter ref(text.ref);
  write_protocol_ref(ref, protocol);
  text.stages.resize(protocol.stages.size());
  for (std::size_t i = 0; i < protocol.stages.size(); ++i) {
    JsonTextWriter stage_ref(text.stages[i].ref);
    write_stage_ref(stage_ref, protocol.stages[i], int(i));
    const int sessions = session_count(protocol.stages[i]);
    text.stages[i].run_members.resize(std::size_t(sessions));
    for (int k = 0; k < sessions; ++k) {
      JsonTextWriter run_members(text.stages[i].run_members[std::size_t(k)]);
      write_stage_run_members(run_members, protocol.stages[i], k);
    }
  }
  return protocols_.emplace(&protocol, std::move(text)).first->second;
}

void append_week_body_json(std::string& out, const Protocol& protocol, const Plan& plan,
                           const std::string& runner, const CommandSyntax& commands,
                           WeekJsonCache& cache) {
  JsonTextWriter w(out);
  w.begin_object();
  write_week_members(w, CachedProtocolParts(cache.of(protocol)), commands, plan, runner);
  w.end_object();
}

}  // namespace runback

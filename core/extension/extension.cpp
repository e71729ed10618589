#include "extension/extension.hpp"

#include <atomic>

namespace runback {

std::uint64_t next_history_id() {
  // Relaxed is enough: only uniqueness matters, not ordering with other memory.
  static std::atomic<std::uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

std::vector<ExtensionReply> PlanExtension::call_all(std::span<const ExtensionCall> calls) const {
  std::vector<ExtensionReply> replies(calls.size());
  auto keep = [](auto result, auto& into, ExtensionReply& reply) {
    if (result) {
      into = std::move(*result);
    } else {
      reply.error = result.failure();
    }
  };
  for (std::size_t i = 0; i < calls.size(); ++i) {
    const ExtensionCall& call = calls[i];
    ExtensionReply& reply = replies[i];
    switch (call.hook) {
      case ExtensionCall::Hook::exercises:
        keep(exercises(call.context), reply.exercises, reply);
        break;
      case ExtensionCall::Hook::session_cues:
        keep(session_cues(call.context), reply.cues, reply);
        break;
      case ExtensionCall::Hook::questions:
        keep(questions(call.context), reply.questions, reply);
        break;
      case ExtensionCall::Hook::verdict:
        keep(verdict(call.context, *call.log), reply.verdict, reply);
        break;
    }
  }
  return replies;
}

}  // namespace runback

#pragma once
// The messages runback and its plugin host (runback-plugin-host) exchange over the host's
// channel, a socket on the host's fd 3 (stderr stays the plugin's own, read apart; what a hook
// prints to stdout the host catches and turns into an error of that call).
// Each message is one frame (wire_format.hpp) whose payload starts with a MessageType byte.
//
//   host -> runback   hello: magic, protocol version, then the plugin's PluginInfo or why it
//                     could not be loaded; sent once, first.
//   runback -> host   request: the histories the host may forget, then one or more calls.
//   host -> runback   reply: one per call, in order, sent together when the request is done
//                     (host_outbox.hpp); a failure mid-batch still names its call: the replies
//                     before it are sent first.
//
// A context call carries its history incrementally: the first call of a history_id sends the
// protocol and programme facts a plugin sees and every log so far ("fresh"); later calls send
// only the logs and checkpoints added since, with the count the host must already hold, so the
// two sides cannot silently drift apart. The protocol version changes with any change of layout.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "extension/extension.hpp"
#include "plugin/hook_output.hpp"
#include "plugin/loaded_plugin.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "util/result.hpp"

namespace runback::host_wire {

constexpr std::uint32_t kMagic = 0x48504252;  // "RBPH"
// 2: questions carry choices and whether they are optional, verdicts what they wait for (ABI 1.1).
// 3: a verdict's log may be the last of its history, sent once with the history.
constexpr std::uint16_t kProtocolVersion = 3;

enum class MessageType : std::uint8_t { hello = 1, request = 2, reply = 3 };

struct Hello {
  std::uint16_t version = kProtocolVersion;
  std::optional<PluginInfo> info;  // none: the load failed, as `load_error` says
  std::string error_name;          // PluginLoadError::name
  std::string load_error;          // the whole message
};

// The facts of a protocol and programme a plugin's context is made of (LoadedPlugin reads no
// more), sent once per history.
struct HistorySetup {
  std::string protocol_id;
  std::vector<std::string> stage_ids;
  std::optional<PluginRef> plugin;
  std::map<std::string, std::string> programme_params;
  Date programme_start;
};

// What a history call adds to the host's copy of its history.
struct HistoryDelta {
  std::uint64_t history_id = 0;       // 0: a one-off history, forgotten after the call
  std::optional<HistorySetup> fresh;  // set: start the history again from these facts
  std::uint32_t log_base = 0;         // logs the host must hold already
  std::vector<DayLog> logs;           // then these
  std::uint32_t checkpoint_base = 0;
  std::vector<CheckpointSummary> checkpoints;
};

// Which operation a call asks for: the plugin hooks, plus the host-side parameter check.
enum class CallKind : std::uint8_t {
  validate = 0,
  exercises = 1,
  session_cues = 2,
  questions = 3,
  verdict = 4,
  check_programme_params = 5,
};
std::string call_name(CallKind kind);  // "verdict", ...

struct Call {
  CallKind kind = CallKind::verdict;
  PluginRef ref;                              // validate
  std::map<std::string, std::string> params;  // check_programme_params
  HistoryDelta history;                       // context calls
  Date date;                                  // context calls
  std::int32_t stage_index = 0;
  std::int32_t days_at_stage = 0;
  // verdict: its checkpoint's log, nearly always the last of the history (then not sent again)
  bool log_is_last = false;
  DayLog log;  // when not
};

// A context call as runback sends it: the logs and checkpoints it adds are read where they
// are, not copied into a HistoryDelta first (a batch's copies were a fifth of what runback spent
// sending it).
struct ContextCallView {
  CallKind kind = CallKind::verdict;
  std::uint64_t history_id = 0;
  std::optional<HistorySetup> fresh;
  std::uint32_t log_base = 0;
  std::span<const DayLog> logs;
  std::uint32_t checkpoint_base = 0;
  std::span<const CheckpointSummary> checkpoints;
  Date date;
  std::int32_t stage_index = 0;
  std::int32_t days_at_stage = 0;
  const DayLog* log = nullptr;  // verdict: its checkpoint's log, when not the history's last
  bool log_is_last = false;
};

struct Request {
  std::vector<std::uint64_t> forget;  // histories the host drops before the calls
  std::vector<Call> calls;
};

struct Reply {
  std::optional<Error> error;  // the call failed: the plugin's fault, as LoadedPlugin says it
  std::vector<Diagnostic> diagnostics;  // validate
  std::vector<std::string> problems;    // check_programme_params
  std::vector<Exercise> exercises;
  std::vector<SessionCue> cues;
  std::vector<CheckpointQuestion> questions;
  std::optional<Verdict> verdict;
};

// Payloads, unframed (wire::Writer::frame frames them). Decoding refuses a wrong type, a
// truncated or over-long payload, values out of their enumeration, and a wrong version.
std::string encode(const Hello& hello);
std::string encode(const Request& request);
// The same bytes as encode(Request) for a request of context calls only.
std::string encode_context_calls(std::span<const std::uint64_t> forget,
                                 std::span<const ContextCallView> calls);
std::string encode(CallKind kind, const Reply& reply);
Result<Hello> decode_hello(std::string_view payload);
Result<Request> decode_request(std::string_view payload);
Result<Reply> decode_reply(CallKind kind, std::string_view payload);

}  // namespace runback::host_wire

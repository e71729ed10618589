#include "plugin/host_server.hpp"

#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <list>
#include <map>

#include "plugin/host_messages.hpp"
#include "plugin/host_outbox.hpp"
#include "plugin/loaded_plugin.hpp"
#include "plugin/stdout_capture.hpp"
#include "plugin/stray_output.hpp"
#include "plugin/wire_format.hpp"

namespace runback {

namespace {

using host_wire::Call;
using host_wire::CallKind;
using host_wire::Reply;

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool read_all(int fd, char* out, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, out + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// A history as the host holds it: what the plugin's contexts point into.
struct History {
  Protocol protocol;
  Programme programme;
  std::vector<DayLog> logs;
  std::vector<CheckpointSummary> checkpoints;
};

class Server {
 public:
  explicit Server(const LoadedPlugin& plugin) : plugin_(plugin) {}

  Reply answer(Call& call) {
    Reply reply;
    switch (call.kind) {
      case CallKind::validate:
        reply.diagnostics = plugin_.validate(call.ref);
        return reply;
      case CallKind::check_programme_params:
        reply.problems = plugin_.check_programme_params(call.params);
        return reply;
      default:
        break;
    }
    auto history = update(call.history);
    if (!history) {
      reply.error = history.failure();
      return reply;
    }
    History& h = **history;
    const ExtensionContext context{
        h.protocol,         h.programme, call.date,     call.stage_index,
        call.days_at_stage, h.logs,      h.checkpoints, call.history.history_id};
    auto keep = [&](auto result, auto& into) {
      if (result) {
        into = std::move(*result);
      } else {
        reply.error = result.failure();
      }
    };
    switch (call.kind) {
      case CallKind::exercises:
        keep(plugin_.exercises(context), reply.exercises);
        break;
      case CallKind::session_cues:
        keep(plugin_.session_cues(context), reply.cues);
        break;
      case CallKind::questions:
        keep(plugin_.questions(context), reply.questions);
        break;
      case CallKind::verdict: {
        if (call.log_is_last && h.logs.empty()) {
          reply.error = Error{plugin_.label() + ": runback asked for a verdict on an empty history",
                              ErrorKind::plugin};
          break;
        }
        auto verdict = plugin_.verdict(context, call.log_is_last ? h.logs.back() : call.log);
        if (verdict) {
          reply.verdict = std::move(*verdict);
        } else {
          reply.error = verdict.failure();
        }
        break;
      }
      default:
        break;
    }
    return reply;
  }

  void forget(std::uint64_t id) { histories_.erase(id); }

 private:
  Result<History*> update(host_wire::HistoryDelta& delta) {
    History* h = nullptr;
    if (delta.history_id == 0) {
      scratch_ = History{};
      h = &scratch_;
    } else {
      h = &histories_[delta.history_id];
    }
    if (delta.fresh) {
      *h = History{};
      h->protocol.id = delta.fresh->protocol_id;
      h->protocol.stages.reserve(delta.fresh->stage_ids.size());
      for (auto& id : delta.fresh->stage_ids) {
        Stage stage;
        stage.id = std::move(id);
        h->protocol.stages.push_back(std::move(stage));
      }
      h->protocol.plugin = std::move(delta.fresh->plugin);
      h->programme.params = std::move(delta.fresh->programme_params);
      h->programme.start_date = delta.fresh->programme_start;
    }
    if (h->logs.size() != delta.log_base || h->checkpoints.size() != delta.checkpoint_base) {
      return Error{plugin_.label() + ": the plugin host lost step with runback's history (" +
                       std::to_string(h->logs.size()) + " logs held, " +
                       std::to_string(delta.log_base) + " expected)",
                   ErrorKind::plugin};
    }
    for (auto& log : delta.logs) h->logs.push_back(std::move(log));
    for (auto& c : delta.checkpoints) h->checkpoints.push_back(c);
    return h;
  }

  const LoadedPlugin& plugin_;
  std::map<std::uint64_t, History> histories_;
  History scratch_;
};

}  // namespace

int serve_plugin(const std::string& path, int channel) {
  StdoutCapture printed;
  host_wire::Hello hello;
  auto loaded = LoadedPlugin::load(path);
  const std::string printed_loading = printed.take_at_end();
  if (loaded && !printed_loading.empty()) {
    // Named by its file, as runback names a plugin it has not been greeted by.
    const std::string stem = std::filesystem::path(path).stem().string();
    hello.error_name = stem;
    hello.load_error = stray_output_error("plugin '" + stem + "' (" + path + ")", "while loading",
                                          printed_loading);
  } else if (loaded) {
    hello.info = (*loaded)->info();
  } else {
    hello.error_name = loaded.failure().name;
    hello.load_error = loaded.error();
  }
  std::string greeting;
  wire::append_frame(greeting, host_wire::encode(hello));
  if (!write_all(channel, greeting)) return 1;
  if (!hello.info) return 0;

  HostOutbox outbox(channel);
  Server server(**loaded);
  std::string payload;
  for (;;) {
    char header[4];
    if (!read_all(channel, header, 4)) return 0;  // runback is done with us
    auto length = wire::frame_length(header);
    if (!length) {
      std::cerr << "runback-plugin-host: " << length.error() << "\n";
      return 2;
    }
    payload.resize(*length);
    if (!read_all(channel, payload.data(), payload.size())) return 0;
    auto request = host_wire::decode_request(payload);
    if (!request) {
      std::cerr << "runback-plugin-host: " << request.error() << "\n";
      return 2;
    }
    for (auto id : request->forget) server.forget(id);
    for (std::size_t i = 0; i < request->calls.size(); ++i) {
      Call& call = request->calls[i];
      outbox.hook_started();
      Reply reply = server.answer(call);
      outbox.hook_ended();
      const bool last = i + 1 == request->calls.size();
      if (const std::string text = last ? printed.take_at_end() : printed.take(); !text.empty()) {
        reply = Reply{};
        reply.error =
            Error{stray_output_error((*loaded)->label(),
                                     "during `" + host_wire::call_name(call.kind) + "`", text),
                  ErrorKind::plugin};
      }
      outbox.add(host_wire::encode(call.kind, reply));
    }
    if (!outbox.flush()) return 0;
  }
}

}  // namespace runback

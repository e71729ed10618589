#include "plugin/host_messages.hpp"

#include <algorithm>
#include <utility>

#include "plugin/wire_format.hpp"

namespace runback::host_wire {

namespace {

constexpr std::uint32_t kCallsReservedAtMost = 4096;

using wire::Reader;
using wire::Writer;

// An enumeration read from the wire, refused when out of its range.
template <class E>
E read_enum(Reader& in, std::uint8_t last, const char* what) {
  const std::uint8_t v = in.u8();
  if (v > last) in.fail(std::string(what) + " " + std::to_string(v) + " does not exist");
  return static_cast<E>(v > last ? 0 : v);
}

template <class E>
void write_enum(Writer& out, E v) {
  out.u8(static_cast<std::uint8_t>(v));
}

void write_date(Writer& out, Date date) {
  out.i32(static_cast<std::int32_t>(date.time_since_epoch().count()));
}

Date read_date(Reader& in) {
  return Date(std::chrono::days(in.i32()));
}

void write_where(Writer& out, const SourceLocation& where) {
  out.str(where.file);
  out.i32(where.line);
  out.i32(where.column);
}

SourceLocation read_where(Reader& in) {
  SourceLocation where;
  where.file = in.str();
  where.line = in.i32();
  where.column = in.i32();
  return where;
}

void write_ref(Writer& out, const PluginRef& ref) {
  out.str(ref.name);
  out.u32(static_cast<std::uint32_t>(ref.params.size()));
  for (const auto& [key, param] : ref.params) {
    out.str(key);
    out.str(param.text);
    write_where(out, param.where);
  }
  write_where(out, ref.where);
  out.str(ref.ref);
}

PluginRef read_ref(Reader& in) {
  PluginRef ref;
  ref.name = in.str();
  const std::uint32_t n = in.count(20);
  for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
    std::string key = in.str();
    PluginParam param;
    param.text = in.str();
    param.where = read_where(in);
    ref.params[std::move(key)] = std::move(param);
  }
  ref.where = read_where(in);
  ref.ref = in.str();
  return ref;
}

void write_spec(Writer& out, const ParamSpec& spec) {
  out.str(spec.name);
  write_enum(out, spec.type);
  write_enum(out, spec.scope);
  out.boolean(spec.required);
  out.opt_str(spec.default_value);
  out.opt_f64(spec.min);
  out.opt_f64(spec.max);
  out.strings(spec.allowed);
  out.str(spec.unit);
  out.str(spec.description);
}

ParamSpec read_spec(Reader& in) {
  ParamSpec spec;
  spec.name = in.str();
  spec.type = read_enum<ParamType>(in, 4, "parameter type");
  spec.scope = read_enum<ParamScope>(in, 1, "parameter scope");
  spec.required = in.boolean();
  spec.default_value = in.opt_str();
  spec.min = in.opt_f64();
  spec.max = in.opt_f64();
  spec.allowed = in.strings();
  spec.unit = in.str();
  spec.description = in.str();
  return spec;
}

void write_info(Writer& out, const PluginInfo& info) {
  out.str(info.name);
  out.str(info.version);
  out.str(info.description);
  out.str(info.path);
  out.u32(info.abi.major);
  out.u32(info.abi.minor);
  out.strings(info.hooks);
  out.u32(static_cast<std::uint32_t>(info.params.size()));
  for (const auto& spec : info.params) write_spec(out, spec);
}

PluginInfo read_info(Reader& in) {
  PluginInfo info;
  info.name = in.str();
  info.version = in.str();
  info.description = in.str();
  info.path = in.str();
  info.abi.major = in.u32();
  info.abi.minor = in.u32();
  info.hooks = in.strings();
  const std::uint32_t n = in.count(30);
  for (std::uint32_t i = 0; i < n && in.ok(); ++i) info.params.push_back(read_spec(in));
  return info;
}

void write_log(Writer& out, const DayLog& log) {
  write_date(out, log.date);
  out.boolean(log.session.has_value());
  if (log.session) write_enum(out, *log.session);
  out.opt_i32(log.pain_warmup);
  out.opt_i32(log.pain_during);
  out.opt_i32(log.pain_after);
  out.opt_i32(log.pain_next_morning);
  out.opt_i32(log.stiffness_minutes);
  out.boolean(log.swelling);
  out.boolean(log.limp);
  out.strings(log.red_flags);
  out.string_map(log.answers);
  // The note is the runner's own words for their clinician; no hook sees it.
}

DayLog read_log(Reader& in) {
  DayLog log;
  log.date = read_date(in);
  if (in.boolean()) log.session = read_enum<SessionOutcome>(in, 2, "session outcome");
  log.pain_warmup = in.opt_i32();
  log.pain_during = in.opt_i32();
  log.pain_after = in.opt_i32();
  log.pain_next_morning = in.opt_i32();
  log.stiffness_minutes = in.opt_i32();
  log.swelling = in.boolean();
  log.limp = in.boolean();
  log.red_flags = in.strings();
  log.answers = in.string_map();
  return log;
}

void write_setup(Writer& out, const std::optional<HistorySetup>& fresh) {
  out.boolean(fresh.has_value());
  if (fresh) {
    out.str(fresh->protocol_id);
    out.strings(fresh->stage_ids);
    out.boolean(fresh->plugin.has_value());
    if (fresh->plugin) write_ref(out, *fresh->plugin);
    out.string_map(fresh->programme_params);
    write_date(out, fresh->programme_start);
  }
}

// Every context call, whether runback's view of it or a decoded Call sent again (tests).
void write_context_call(Writer& out, const ContextCallView& call) {
  write_enum(out, call.kind);
  out.u64(call.history_id);
  write_setup(out, call.fresh);
  out.u32(call.log_base);
  out.u32(static_cast<std::uint32_t>(call.logs.size()));
  for (const auto& log : call.logs) write_log(out, log);
  out.u32(call.checkpoint_base);
  out.u32(static_cast<std::uint32_t>(call.checkpoints.size()));
  for (const auto& c : call.checkpoints) {
    write_date(out, c.date);
    out.i32(c.stage_index);
    write_enum(out, c.outcome);
  }
  write_date(out, call.date);
  out.i32(call.stage_index);
  out.i32(call.days_at_stage);
  if (call.kind == CallKind::verdict) {
    out.boolean(call.log_is_last);
    if (!call.log_is_last) write_log(out, call.log != nullptr ? *call.log : DayLog{});
  }
}

HistoryDelta read_history(Reader& in) {
  HistoryDelta h;
  h.history_id = in.u64();
  if (in.boolean()) {
    HistorySetup setup;
    setup.protocol_id = in.str();
    setup.stage_ids = in.strings();
    if (in.boolean()) setup.plugin = read_ref(in);
    setup.programme_params = in.string_map();
    setup.programme_start = read_date(in);
    h.fresh = std::move(setup);
  }
  h.log_base = in.u32();
  const std::uint32_t logs = in.count(30);
  for (std::uint32_t i = 0; i < logs && in.ok(); ++i) h.logs.push_back(read_log(in));
  h.checkpoint_base = in.u32();
  const std::uint32_t checkpoints = in.count(9);
  for (std::uint32_t i = 0; i < checkpoints && in.ok(); ++i) {
    CheckpointSummary c;
    c.date = read_date(in);
    c.stage_index = in.i32();
    c.outcome = read_enum<ActionKind>(in, 3, "checkpoint outcome");
    h.checkpoints.push_back(c);
  }
  return h;
}

void write_action(Writer& out, const Action& action) {
  write_enum(out, action.kind);
  out.i32(action.stages);
  out.i32(action.rest_days);
}

Action read_action(Reader& in) {
  Action action;
  action.kind = read_enum<ActionKind>(in, 3, "action");
  action.stages = in.i32();
  action.rest_days = in.i32();
  return action;
}

}  // namespace

std::string call_name(CallKind kind) {
  switch (kind) {
    case CallKind::validate:
      return "validate";
    case CallKind::exercises:
      return "exercises";
    case CallKind::session_cues:
      return "session_cues";
    case CallKind::questions:
      return "questions";
    case CallKind::verdict:
      return "verdict";
    case CallKind::check_programme_params:
      return "check_programme_params";
  }
  return "?";
}

std::string encode(const Hello& hello) {
  Writer out;
  write_enum(out, MessageType::hello);
  out.u32(kMagic);
  out.u16(hello.version);
  out.boolean(hello.info.has_value());
  if (hello.info) {
    write_info(out, *hello.info);
  } else {
    out.str(hello.error_name);
    out.str(hello.load_error);
  }
  return out.bytes();
}

Result<Hello> decode_hello(std::string_view payload) {
  Reader in(payload);
  if (in.u8() != static_cast<std::uint8_t>(MessageType::hello) || in.u32() != kMagic) {
    return Error{"its first message is not a plugin host's greeting", ErrorKind::plugin};
  }
  Hello hello;
  hello.version = in.u16();
  if (in.ok() && hello.version != kProtocolVersion) {
    return Error{"the plugin host speaks message protocol " + std::to_string(hello.version) +
                     ", this runback " + std::to_string(kProtocolVersion) +
                     " (the host and runback come from different installations)",
                 ErrorKind::plugin};
  }
  if (in.boolean()) {
    hello.info = read_info(in);
  } else {
    hello.error_name = in.str();
    hello.load_error = in.str();
  }
  if (auto status = in.finish("greeting"); !status) return status.failure();
  return hello;
}

std::string encode(const Request& request) {
  Writer out;
  write_enum(out, MessageType::request);
  out.u32(static_cast<std::uint32_t>(request.forget.size()));
  for (auto id : request.forget) out.u64(id);
  out.u32(static_cast<std::uint32_t>(request.calls.size()));
  for (const auto& call : request.calls) {
    switch (call.kind) {
      case CallKind::validate:
        write_enum(out, call.kind);
        write_ref(out, call.ref);
        break;
      case CallKind::check_programme_params:
        write_enum(out, call.kind);
        out.string_map(call.params);
        break;
      default:
        write_context_call(
            out, {call.kind, call.history.history_id, call.history.fresh, call.history.log_base,
                  call.history.logs, call.history.checkpoint_base, call.history.checkpoints,
                  call.date, call.stage_index, call.days_at_stage, &call.log, call.log_is_last});
        break;
    }
  }
  return out.bytes();
}

std::string encode_context_calls(std::span<const std::uint64_t> forget,
                                 std::span<const ContextCallView> calls) {
  Writer out;
  write_enum(out, MessageType::request);
  out.u32(static_cast<std::uint32_t>(forget.size()));
  for (auto id : forget) out.u64(id);
  out.u32(static_cast<std::uint32_t>(calls.size()));
  for (const auto& call : calls) write_context_call(out, call);
  return out.bytes();
}

Result<Request> decode_request(std::string_view payload) {
  Reader in(payload);
  if (in.u8() != static_cast<std::uint8_t>(MessageType::request)) {
    return Error{"a message that is not a request", ErrorKind::plugin};
  }
  Request request;
  const std::uint32_t forget = in.count(8);
  for (std::uint32_t i = 0; i < forget && in.ok(); ++i) request.forget.push_back(in.u64());
  const std::uint32_t calls = in.count(1);
  // Built in place: a Call is large, and moving a batch's calls as the vector grew was a tenth
  // of the host's work. The reservation is bounded, as the count is only checked against the
  // bytes left.
  request.calls.reserve(std::min<std::uint32_t>(calls, kCallsReservedAtMost));
  for (std::uint32_t i = 0; i < calls && in.ok(); ++i) {
    Call& call = request.calls.emplace_back();
    call.kind = read_enum<CallKind>(in, 5, "call");
    if (call.kind == CallKind::validate) {
      call.ref = read_ref(in);
    } else if (call.kind == CallKind::check_programme_params) {
      call.params = in.string_map();
    } else {
      call.history = read_history(in);
      call.date = read_date(in);
      call.stage_index = in.i32();
      call.days_at_stage = in.i32();
      if (call.kind == CallKind::verdict) {
        call.log_is_last = in.boolean();
        if (!call.log_is_last) call.log = read_log(in);
      }
    }
  }
  if (auto status = in.finish("request"); !status) return status.failure();
  return request;
}

std::string encode(CallKind kind, const Reply& reply) {
  Writer out;
  write_enum(out, MessageType::reply);
  write_enum(out, kind);
  out.boolean(reply.error.has_value());
  if (reply.error) {
    out.str(reply.error->message);
    write_enum(out, reply.error->kind);
    return out.bytes();
  }
  switch (kind) {
    case CallKind::validate:
      out.u32(static_cast<std::uint32_t>(reply.diagnostics.size()));
      for (const auto& d : reply.diagnostics) {
        write_enum(out, d.severity);
        write_where(out, d.where);
        out.str(d.key_path);
        out.str(d.message);
      }
      break;
    case CallKind::check_programme_params:
      out.strings(reply.problems);
      break;
    case CallKind::exercises:
      out.u32(static_cast<std::uint32_t>(reply.exercises.size()));
      for (const auto& e : reply.exercises) {
        out.str(e.name);
        out.i32(e.sets);
        out.opt_i32(e.reps);
        out.opt_i32(e.hold_s);
        out.i32(e.times);
        write_enum(out, e.per);
        out.str(e.tempo);
        out.str(e.load);
        out.str(e.progression);
        out.str(e.ref);
        write_where(out, e.where);
      }
      break;
    case CallKind::session_cues:
      out.u32(static_cast<std::uint32_t>(reply.cues.size()));
      for (const auto& c : reply.cues) {
        out.str(c.text);
        out.opt_f64(c.cadence_spm);
        out.opt_f64(c.metronome_bpm);
      }
      break;
    case CallKind::questions:
      out.u32(static_cast<std::uint32_t>(reply.questions.size()));
      for (const auto& q : reply.questions) {
        out.str(q.key);
        out.str(q.text);
        write_enum(out, q.kind);
        out.f64(q.min);
        out.f64(q.max);
        write_enum(out, q.when);
        out.strings(q.choices);
        out.boolean(q.optional);
      }
      break;
    case CallKind::verdict:
      out.boolean(reply.verdict.has_value());
      if (reply.verdict) {
        write_action(out, reply.verdict->action);
        out.str(reply.verdict->why);
        out.str(reply.verdict->waiting_for);
      }
      break;
  }
  return out.bytes();
}

Result<Reply> decode_reply(CallKind kind, std::string_view payload) {
  Reader in(payload);
  if (in.u8() != static_cast<std::uint8_t>(MessageType::reply)) {
    return Error{"a message that is not a reply", ErrorKind::plugin};
  }
  const auto answered = read_enum<CallKind>(in, 5, "call");
  if (in.ok() && answered != kind) {
    return Error{
        "a reply to `" + call_name(answered) + "` where one to `" + call_name(kind) + "` was due",
        ErrorKind::plugin};
  }
  Reply reply;
  if (in.boolean()) {
    Error error;
    error.message = in.str();
    error.kind = read_enum<ErrorKind>(in, 4, "error kind");
    reply.error = std::move(error);
  } else {
    switch (kind) {
      case CallKind::validate: {
        const std::uint32_t n = in.count(22);
        for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
          Diagnostic d;
          d.severity = read_enum<Severity>(in, 1, "severity");
          d.where = read_where(in);
          d.key_path = in.str();
          d.message = in.str();
          reply.diagnostics.push_back(std::move(d));
        }
        break;
      }
      case CallKind::check_programme_params:
        reply.problems = in.strings();
        break;
      case CallKind::exercises: {
        const std::uint32_t n = in.count(40);
        for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
          Exercise e;
          e.name = in.str();
          e.sets = in.i32();
          e.reps = in.opt_i32();
          e.hold_s = in.opt_i32();
          e.times = in.i32();
          e.per = read_enum<Period>(in, 1, "period");
          e.tempo = in.str();
          e.load = in.str();
          e.progression = in.str();
          e.ref = in.str();
          e.where = read_where(in);
          reply.exercises.push_back(std::move(e));
        }
        break;
      }
      case CallKind::session_cues: {
        const std::uint32_t n = in.count(6);
        for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
          SessionCue c;
          c.text = in.str();
          c.cadence_spm = in.opt_f64();
          c.metronome_bpm = in.opt_f64();
          reply.cues.push_back(std::move(c));
        }
        break;
      }
      case CallKind::questions: {
        const std::uint32_t n = in.count(26);
        for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
          CheckpointQuestion q;
          q.key = in.str();
          q.text = in.str();
          q.kind = read_enum<CheckpointQuestion::Kind>(in, 2, "question kind");
          q.min = in.f64();
          q.max = in.f64();
          q.when = read_enum<TimePoint>(in, 3, "time point");
          q.choices = in.strings();
          q.optional = in.boolean();
          reply.questions.push_back(std::move(q));
        }
        break;
      }
      case CallKind::verdict:
        if (in.boolean()) {
          Verdict v;
          v.action = read_action(in);
          v.why = in.str();
          v.waiting_for = in.str();
          reply.verdict = std::move(v);
        }
        break;
    }
  }
  if (auto status = in.finish("reply"); !status) return status.failure();
  return reply;
}

}  // namespace runback::host_wire

// The plugin host's message protocol: what is encoded decodes to the same, and anything
// truncated, padded, out of range or of another version is refused with a reason.
#include <catch2/catch.hpp>

#include "plugin/host_messages.hpp"
#include "plugin/wire_format.hpp"

using namespace runback;
using namespace runback::host_wire;

namespace {

Date day(int n) {
  return make_date(2026, 11, 2) + std::chrono::days(n);
}

PluginRef sample_ref() {
  PluginRef ref;
  ref.name = "achilles";
  ref.params["style"] = PluginParam{"hsr", {"p.yaml", 31, 5}};
  ref.where = {"p.yaml", 30, 3};
  ref.ref = "silbernagel-2007";
  return ref;
}

Request sample_request() {
  Request request;
  request.forget = {7, 9};
  Call validate;
  validate.kind = CallKind::validate;
  validate.ref = sample_ref();
  request.calls.push_back(validate);
  Call params;
  params.kind = CallKind::check_programme_params;
  params.params = {{"baseline_cadence", "160"}};
  request.calls.push_back(params);
  Call verdict;
  verdict.kind = CallKind::verdict;
  verdict.history.history_id = 42;
  verdict.history.fresh =
      HistorySetup{"achilles-midportion", {"a", "b"}, sample_ref(), {{"k", "v"}}, day(0)};
  DayLog log;
  log.date = day(1);
  log.session = SessionOutcome::partial;
  log.pain_during = 3;
  log.stiffness_minutes = 20;
  log.limp = true;
  log.red_flags = {"night-pain"};
  log.answers = {{"heel-raises", "25"}};
  verdict.history.logs = {log, log};
  verdict.history.checkpoint_base = 0;
  verdict.history.checkpoints = {{day(7), 1, ActionKind::step_back}};
  verdict.date = day(7);
  verdict.stage_index = 1;
  verdict.days_at_stage = 4;
  verdict.log = log;
  request.calls.push_back(verdict);
  Call cues;
  cues.kind = CallKind::session_cues;
  cues.history.history_id = 42;
  cues.history.log_base = 2;
  cues.history.checkpoint_base = 1;
  request.calls.push_back(cues);
  Call on_last = verdict;  // the log is the history's last: not sent again
  on_last.history.fresh.reset();
  on_last.history.log_base = 2;
  on_last.history.logs.clear();
  on_last.history.checkpoint_base = 1;
  on_last.history.checkpoints.clear();
  on_last.log_is_last = true;
  request.calls.push_back(on_last);
  return request;
}

}  // namespace

TEST_CASE("host messages: a request of many calls decodes to what was sent") {
  const Request sent = sample_request();
  auto got = decode_request(encode(sent));
  REQUIRE(got.ok());
  CHECK(got->forget == sent.forget);
  REQUIRE(got->calls.size() == 5);
  CHECK(got->calls[0].ref == sent.calls[0].ref);
  CHECK(got->calls[1].params == sent.calls[1].params);
  const Call& v = got->calls[2];
  CHECK(v.kind == CallKind::verdict);
  CHECK(v.history.history_id == 42);
  REQUIRE(v.history.fresh);
  CHECK(v.history.fresh->stage_ids == std::vector<std::string>{"a", "b"});
  CHECK(v.history.fresh->plugin == sample_ref());
  CHECK(v.history.fresh->programme_start == day(0));
  REQUIRE(v.history.logs.size() == 2);
  CHECK(v.history.logs[1].session == SessionOutcome::partial);
  CHECK(v.history.logs[1].pain_during == 3);
  CHECK(!v.history.logs[1].pain_after);
  CHECK(v.history.logs[1].limp);
  CHECK(v.history.logs[1].answers == sent.calls[2].log.answers);
  REQUIRE(v.history.checkpoints.size() == 1);
  CHECK(v.history.checkpoints[0].outcome == ActionKind::step_back);
  CHECK(v.days_at_stage == 4);
  CHECK(!v.log_is_last);
  CHECK(v.log.red_flags == std::vector<std::string>{"night-pain"});
  CHECK(!got->calls[3].history.fresh);
  CHECK(got->calls[3].history.log_base == 2);
  const Call& on_last = got->calls[4];
  CHECK(on_last.log_is_last);
  CHECK(on_last.log.red_flags.empty());  // not sent
  Call resent = sent.calls[4];
  resent.log_is_last = false;
  CHECK(encode(Request{{}, {sent.calls[4]}}).size() + 40 < encode(Request{{}, {resent}}).size());
}

TEST_CASE("host messages: context calls sent from views are the bytes of the same request") {
  // runback sends its context calls from views of its history (encode_context_calls); the host
  // decodes them as a Request, so both encodings must agree byte for byte.
  const Request sent = sample_request();
  std::vector<ContextCallView> views;
  for (std::size_t i = 2; i < sent.calls.size(); ++i) {
    const Call& call = sent.calls[i];
    views.push_back({call.kind, call.history.history_id, call.history.fresh, call.history.log_base,
                     call.history.logs, call.history.checkpoint_base, call.history.checkpoints,
                     call.date, call.stage_index, call.days_at_stage,
                     call.log_is_last ? nullptr : &call.log, call.log_is_last});
  }
  const std::vector<std::uint64_t> forget = sent.forget;
  const Request context_only{forget, {sent.calls.begin() + 2, sent.calls.end()}};
  CHECK(encode_context_calls(forget, views) == encode(context_only));
  auto got = decode_request(encode_context_calls(forget, views));
  REQUIRE(got.ok());
  REQUIRE(got->calls.size() == 3);
  CHECK(got->calls[0].log.red_flags == std::vector<std::string>{"night-pain"});
  CHECK(got->calls[0].history.logs.size() == 2);
  CHECK(got->calls[2].log_is_last);
  // A view whose log is another day's than the history's last carries that log.
  views[2].log_is_last = false;
  views[2].log = &sent.calls[2].history.logs[0];
  auto moved = decode_request(encode_context_calls({}, {views.begin() + 2, views.end()}));
  REQUIRE(moved.ok());
  CHECK(!moved->calls[0].log_is_last);
  CHECK(moved->calls[0].log.date == day(1));
}

TEST_CASE("host messages: replies of every kind decode to what was sent") {
  Reply reply;
  reply.diagnostics = {{Severity::warning, {"p.yaml", 3, 4}, "plugin.params.x", "odd"}};
  reply.problems = {"no"};
  Exercise e;
  e.name = "Heel drop";
  e.sets = 3;
  e.reps = 15;
  e.per = Period::week;
  reply.exercises = {e};
  reply.cues = {{"cadence 172", 172.0, std::nullopt}};
  reply.questions = {{"heel-raises", "How many?", CheckpointQuestion::Kind::number, 0, 50,
                      TimePoint::next_morning}};
  CheckpointQuestion hop{"hop-test", "Hop test?", CheckpointQuestion::Kind::choice,
                         0,          10,          TimePoint::after};
  hop.choices = {"pain-free", "sore"};
  hop.optional = true;
  reply.questions.push_back(hop);
  reply.verdict = Verdict{Action{ActionKind::step_back, 1, 2}, "too sore"};
  reply.verdict->waiting_for = "the hop test";

  auto validate = decode_reply(CallKind::validate, encode(CallKind::validate, reply));
  REQUIRE(validate.ok());
  REQUIRE(validate->diagnostics.size() == 1);
  CHECK(validate->diagnostics[0].where.column == 4);
  CHECK(validate->diagnostics[0].severity == Severity::warning);
  auto exercises = decode_reply(CallKind::exercises, encode(CallKind::exercises, reply));
  REQUIRE(exercises.ok());
  CHECK(exercises->exercises == reply.exercises);
  auto cues = decode_reply(CallKind::session_cues, encode(CallKind::session_cues, reply));
  REQUIRE(cues.ok());
  CHECK(cues->cues[0].cadence_spm == 172.0);
  CHECK(!cues->cues[0].metronome_bpm);
  auto questions = decode_reply(CallKind::questions, encode(CallKind::questions, reply));
  REQUIRE(questions.ok());
  CHECK(questions->questions[0].max == 50);
  CHECK_FALSE(questions->questions[0].optional);
  REQUIRE(questions->questions.size() == 2);
  CHECK(questions->questions[1].kind == CheckpointQuestion::Kind::choice);
  CHECK(questions->questions[1].choices == hop.choices);
  CHECK(questions->questions[1].optional);
  auto verdict = decode_reply(CallKind::verdict, encode(CallKind::verdict, reply));
  REQUIRE(verdict.ok());
  CHECK(verdict->verdict->action == reply.verdict->action);
  CHECK(verdict->verdict->why == "too sore");
  CHECK(verdict->verdict->waiting_for == "the hop test");

  Reply failed;
  failed.error = Error{"plugin 'x' (/x.so): the verdict hook failed", ErrorKind::plugin};
  auto error = decode_reply(CallKind::verdict, encode(CallKind::verdict, failed));
  REQUIRE(error.ok());
  REQUIRE(error->error);
  CHECK(error->error->message == failed.error->message);
}

TEST_CASE("host messages: a truncated or padded message is refused, never half read") {
  const std::string whole = encode(sample_request());
  for (std::size_t n = 0; n < whole.size(); ++n) {
    auto got = decode_request(std::string_view(whole).substr(0, n));
    INFO("cut at " << n);
    REQUIRE_FALSE(got.ok());
    CHECK(got.error_kind() == ErrorKind::plugin);
  }
  auto padded = decode_request(whole + "x");
  REQUIRE_FALSE(padded.ok());
  CHECK(padded.error() == "a malformed request: 1 bytes are left over");
}

TEST_CASE("host messages: a reply to another call, or with a value out of range, is refused") {
  Reply reply;
  reply.verdict = Verdict{Action{ActionKind::stop, 0, 0}, "stop"};
  std::string bytes = encode(CallKind::verdict, reply);
  auto other = decode_reply(CallKind::questions, bytes);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error() == "a reply to `verdict` where one to `questions` was due");
  bytes[4] = 9;  // the action kind
  auto garbled = decode_reply(CallKind::verdict, bytes);
  REQUIRE_FALSE(garbled.ok());
  CHECK(garbled.error() == "a malformed reply: action 9 does not exist");
}

TEST_CASE("host messages: a count larger than the message is refused before anything is made") {
  wire::Writer out;
  out.u8(static_cast<std::uint8_t>(MessageType::request));
  out.u32(0);
  out.u32(0xffffffffu);  // calls
  auto got = decode_request(out.bytes());
  REQUIRE_FALSE(got.ok());
  CHECK(got.error() ==
        "a malformed request: a count of 4294967295 items does not fit in the 0 bytes left");
  const char huge[4] = {'\xff', '\xff', '\xff', '\x7f'};
  CHECK_FALSE(wire::frame_length(huge).ok());
}

TEST_CASE(
    "host messages: the greeting carries the plugin's info or why it failed - and a version") {
  Hello hello;
  PluginInfo info;
  info.name = "knee";
  info.version = "1.0.0";
  info.path = "/p/knee.so";
  info.abi = {1, 0};
  info.hooks = {"exercises"};
  ParamSpec spec;
  spec.name = "baseline_cadence";
  spec.type = ParamType::integer;
  spec.scope = ParamScope::programme;
  spec.required = true;
  spec.min = 120;
  info.params = {spec};
  hello.info = info;
  auto got = decode_hello(encode(hello));
  REQUIRE(got.ok());
  REQUIRE(got->info);
  CHECK(got->info->name == "knee");
  CHECK(got->info->params[0].scope == ParamScope::programme);
  CHECK(got->info->params[0].min == 120);
  CHECK(!got->info->params[0].max);

  Hello refused;
  refused.error_name = "knee";
  refused.load_error = "plugin 'knee' (/p/knee.so): it declares no version";
  auto failed = decode_hello(encode(refused));
  REQUIRE(failed.ok());
  CHECK(!failed->info);
  CHECK(failed->load_error == refused.load_error);

  hello.version = kProtocolVersion + 1;
  auto newer = decode_hello(encode(hello));
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.error().starts_with("the plugin host speaks message protocol 4, this runback 3"));
  CHECK_FALSE(decode_hello("\x02xxxxxx").ok());
}

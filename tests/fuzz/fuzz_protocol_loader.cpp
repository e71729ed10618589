// Feeds arbitrary bytes to the protocol loader. Beyond "no crash, no leak, no hang", it checks the
// loader's promises: a protocol comes back exactly when there are no errors, every diagnostic
// names the file, and a loaded protocol can be described and turned into JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "protocol/describe.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol_json.hpp"

namespace {

void check(bool promise) {
  if (!promise) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace runback;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const LoadResult result = load_protocol_text(text, "fuzz.yaml");
  check(result.protocol.has_value() == !has_errors(result.diagnostics));
  for (const auto& d : result.diagnostics) {
    check(d.where.file == "fuzz.yaml");
    check(!d.message.empty());
    check(format_diagnostic(d).find('\n') == std::string::npos);
  }
  if (result.protocol) {
    const Protocol& p = *result.protocol;
    check(!p.stages.empty());
    check(p.stage_index(p.start.default_stage) >= 0);
    for (const auto& stage : p.stages) {
      check(!describe_session(stage.session).empty());
      (void)describe_totals(session_totals(stage.session));
      (void)describe_intensity(stage.intensity);
      check(stage.frequency.sessions_min <= stage.frequency.sessions_max);
    }
    for (const auto& response : p.responses) {
      check(!describe_condition(response.when).empty());
      (void)describe_action(response.then);
    }
    (void)protocol_to_json(p).dump();
  }
  return 0;
}

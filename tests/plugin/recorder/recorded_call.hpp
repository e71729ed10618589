#pragma once
// What the recorder test plugin notes at each hook call, shared by the plugin and the tests that
// read it back (through the plugin's extra exported functions, recorder_count and recorder_at).
// The digests cover every value the host passed, answer texts included, so a test can compare
// them with digests of the ExtensionContext the planner built, field by field as the ABI
// describes them.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace recorder {

enum HookKind : std::int32_t { kExercises = 1, kSessionCues = 2, kQuestions = 3, kVerdict = 4 };

// FNV-1a over a sequence of numbers and texts.
struct Digest {
  std::uint64_t value = 14695981039346656037ull;
  void add_byte(unsigned char byte) {
    value ^= byte;
    value *= 1099511628211ull;
  }
  void add(std::int64_t number) {
    for (int i = 0; i < 8; ++i) add_byte(static_cast<unsigned char>(number >> (8 * i)));
  }
  void add(std::string_view text) {
    add(static_cast<std::int64_t>(text.size()));
    for (char c : text) add_byte(static_cast<unsigned char>(c));
  }
};

// One log as plugin_abi.h describes it: the numbers (absent: -1), then each answer.
template <class Answers>
void add_log(Digest& digest, std::int64_t date, std::int64_t session, std::int64_t pain_during,
             std::int64_t pain_after, std::int64_t pain_next_morning,
             std::int64_t stiffness_minutes, std::int64_t swelling, std::int64_t limp,
             std::int64_t red_flag_count, const Answers& answers) {
  for (std::int64_t number : {date, session, pain_during, pain_after, pain_next_morning,
                              stiffness_minutes, swelling, limp, red_flag_count}) {
    digest.add(number);
  }
  digest.add(static_cast<std::int64_t>(answers.size()));
  for (const auto& [key, value] : answers) {
    digest.add(std::string_view(key));
    digest.add(std::string_view(value));
  }
}

struct Call {
  std::int32_t hook = 0;  // HookKind
  std::int32_t date = 0;  // the context's date
  std::uint64_t log_count = 0;
  std::uint64_t checkpoint_count = 0;
  std::int32_t first_log_date = -1;  // -1: no logs
  std::int32_t last_log_date = -1;
  char last_answer[64] = {};      // the last log's last answer's value (cut to 63 characters)
  std::uint64_t logs = 0;         // Digest of every log, in order
  std::uint64_t checkpoints = 0;  // Digest of every checkpoint: date, stage, outcome
  std::uint64_t params = 0;       // Digest of every parameter: name, value
  std::uint64_t day = 0;          // Digest of the verdict's log; 0 for other hooks
};

using CountFn = std::size_t();
using AtFn = const Call*(std::size_t);
using ResetFn = void();

}  // namespace recorder

// The protocol archive: a loaded protocol survives encoding and decoding whole, the layout is
// pinned by a golden, and damaged or foreign bytes are refused with a plain message.
#include "protocol/protocol_archive.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "io/file_system.hpp"
#include "protocol/loader.hpp"

namespace runback {
namespace {

std::vector<std::string> yaml_files_in(const std::filesystem::path& dir) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::string> shipped_paths() {
  return yaml_files_in(std::filesystem::path(RUNBACK_SOURCE_DIR) / "protocols");
}

Protocol load(const std::string& path) {
  RealFileSystem fs;
  LoadResult result = load_protocol_file(fs, path);
  std::string problems;
  for (const auto& d : result.diagnostics) problems += format_diagnostic(d) + "\n";
  INFO(problems);
  REQUIRE(result.protocol.has_value());
  return *result.protocol;
}

SourceLocation at(int line) {
  return {"hand-built.yaml", line, line + 2};
}

// Every optional set, every list non-empty and every enum away from its default, so a field the
// archive forgets (or reads into the wrong place) shows up as a difference.
Protocol hand_built() {
  Protocol p;
  p.format = 7;
  p.id = "hand-built";
  p.title = "Every field";
  p.version = "3.2.1";
  p.condition = "test";
  p.summary = "A protocol with every field set.";
  p.authors = {"A. Physio", "B. Clinician"};
  p.references = {{"ref-a", "Citation A", "https://example.org/a", "[2nd] note"},
                  {"ref-b", "Citation B", "", ""}};
  p.entry_criteria = {{"walk", "Brisk walk", "ref-a"}};
  p.start.default_stage = "s2";
  p.start.entry_test =
      EntryTest{"How long?", "minutes", {{0, "s1", false}, {2.5, "s2", true}}, "ref-b"};
  p.frequency = {2, 4, 0, "ref-a", {}, true, "ref-b", "ref-a"};
  p.progression.sessions_to_advance = 5;
  p.progression.max_stages_per_7_days = 1;
  p.progression.partial_session = PartialSession::counts;
  p.progression.breaks = {{7, 1, false, "ref-a"}, {28, 0, true, "ref-b"}};
  p.progression.ref = "ref-b";
  p.progression.decide = DecideWhen::after_session;
  p.pain.during = PainLimit{5, 2, "ref-a"};
  p.pain.after = PainLimit{4, 1, "ref-b"};
  p.pain.after_minutes = 90;
  p.pain.next_morning = PainLimit{3, 0, "ref-a"};
  p.pain.warmup = PainLimit{0, std::nullopt, "ref-b"};  // format 2
  p.frequency.by_week = {WeekFrequency{1, 2, 1, 2, 3, "ref-b"},
                         WeekFrequency{4, 4, std::nullopt, std::nullopt, 2, ""}};

  Response response;
  response.name = "everything";
  response.when.pain_during = NumberTest{NumberTest::Op::at_least, 3.25};
  response.when.pain_after = NumberTest{NumberTest::Op::below, 1.5};
  response.when.pain_next_morning = NumberTest{NumberTest::Op::at_most, -0.0};
  response.when.stiffness_minutes = NumberTest{NumberTest::Op::above, 1e-300};
  response.when.swelling = true;
  response.when.limp = false;
  response.when.session = SessionOutcome::skipped;
  response.when.exceeds = TimePoint::next_morning;
  response.when.pain_warmup = NumberTest{NumberTest::Op::above, 0};
  response.when.in_last = InLast{3, 2};
  response.when.after_setback = true;
  response.when.rising = Rising{Rising::Value::stiffness_minutes, 14};
  response.then = {ActionKind::step_back, 2, 3};
  response.why = "Because.";
  response.ref = "ref-b";
  response.where = at(40);
  p.responses = {response};
  p.red_flags = {{"night-pain", "Pain at night", true, ""}, {"own", "Own flag", false, "ref-a"}};

  Exercise exercise{"Calf raise", 3,       15,    30, 2, Period::week, "3 s down", "body weight",
                    "add weight", "ref-a", at(60)};
  RecoveryItem recovery{
      "Foam roll", RecoveryWhen::weekly, Amount{Amount::Kind::time, 600}, 2, "Gently", "ref-b"};
  Stage stage;
  stage.id = "s1";
  stage.name = "Stage one";
  stage.session.warmup_walk = Amount{Amount::Kind::time, 300};
  stage.session.blocks = {
      {Amount{Amount::Kind::distance, 400.5}, Amount{Amount::Kind::time, 60}, 4}};
  stage.session.cooldown_walk = Amount{Amount::Kind::distance, 1609.344};
  // Format 2: a walk-only block, a walk-first block to a total, a block's own intensity, and a
  // second session in the stage's list.
  IntervalBlock walk_only;
  walk_only.walk = Amount{Amount::Kind::time, 1200};
  walk_only.walk_speed = Speed{Speed::Unit::mph, 3.5};
  IntervalBlock to_total;
  to_total.run = Amount{Amount::Kind::time, 180};
  to_total.walk = Amount{Amount::Kind::time, 120};
  to_total.walk_first = true;
  to_total.until = Amount{Amount::Kind::distance, 2414.016};
  to_total.effort = "easy jog";
  to_total.rpe_min = 3;
  to_total.rpe_max = 5;
  to_total.speed = Speed{Speed::Unit::kmh, 9.5};
  stage.later_sessions = {Session{std::nullopt, {walk_only, to_total}, std::nullopt}};
  stage.intensity = {3, 5, true, "Easy", "ref-a"};
  stage.surface = "track";
  stage.notes = "Notes";
  stage.frequency = {3, 3, 2, "ref-b"};
  stage.sessions_to_advance = 4;
  stage.exercises = {exercise};
  stage.where = at(80);
  stage.ref = "ref-a";
  // Format 2: a ladder, an alternative for an option, and a generated step's number.
  stage.ladder = Ladder{Amount{Amount::Kind::distance, 402.336}, at(85)};
  stage.alternatives = {StageAlternative{"treadmill", "On a treadmill", stage.session,
                                         Intensity{2, 4, false, "Flat", ""}, "belt", at(86)}};
  stage.generated_step = 2;
  stage.after_goal_week = 3;
  p.stages = {stage};
  p.step_word = "level";
  p.goal = Goal{Amount::Kind::distance, Amount{Amount::Kind::distance, 3218.688},
                Amount{Amount::Kind::distance, 1609.344}, Amount{Amount::Kind::distance, 16093.44},
                "ref-a"};
  p.weekly_cap = Amount{Amount::Kind::time, 5400};
  p.options = {{"road", "Road"}, {"treadmill", "Treadmill"}};
  p.runner_goal = Amount{Amount::Kind::distance, 4023.36};
  p.runner_option = "treadmill";
  p.after_goal =
      AfterGoal{6,
                AfterGoalSpeed{Speed{Speed::Unit::mph, 0.2}, Speed{Speed::Unit::kmh, 11.5}, 2},
                {PatternWeek{"heavy", 100}, PatternWeek{"light", 70}},
                LighterWeek{3, 75},
                "ref-b",
                at(95)};
  p.calendar = Calendar{
      {CalendarDay{1, "s1", false, "", at(90)}, CalendarDay{2, "", true, "Cycle 20 min", at(91)}},
      BadDay{1, BadDayThen::same_session, "ref-b"},
      "ref-a"};
  p.exercises = {exercise};
  p.recovery = {recovery};
  p.plugin =
      PluginRef{"achilles",
                {{"load", PluginParam{"10", at(100)}}, {"side", PluginParam{"left", at(101)}}},
                at(99),
                "ref-b"};
  p.source_path = "/somewhere/hand-built.yaml";
  p.source_text = std::string("id: hand-built\n\0binary\xff", 24);
  return p;
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

void set_u32(std::string& bytes, std::size_t offset, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>(value >> (8 * i));
}

}  // namespace

TEST_CASE("every shipped and valid protocol survives the archive whole", "[protocol][archive]") {
  std::vector<std::string> paths = shipped_paths();
  const auto valid = yaml_files_in(std::filesystem::path(RUNBACK_TEST_DATA_DIR) / "protocol/valid");
  paths.insert(paths.end(), valid.begin(), valid.end());
  REQUIRE(paths.size() >= 6);
  for (const auto& path : paths) {
    INFO(path);
    const Protocol original = load(path);
    const std::string bytes = encode_protocol(original);
    const Result<Protocol> decoded = decode_protocol(bytes);
    INFO((decoded ? "" : decoded.error()));
    REQUIRE(decoded);
    CHECK(*decoded == original);
    CHECK(decoded->source_text == original.source_text);
  }
}

TEST_CASE("a protocol with every field set survives the archive whole", "[protocol][archive]") {
  const Protocol original = hand_built();
  const Result<Protocol> decoded = decode_protocol(encode_protocol(original));
  INFO((decoded ? "" : decoded.error()));
  REQUIRE(decoded);
  CHECK(*decoded == original);
  // -0.0 == 0.0, so the sign is checked on its own: doubles are kept bit for bit.
  CHECK(std::signbit(decoded->responses[0].when.pain_next_morning->value));
  CHECK(decoded->plugin->params.at("side").where == at(101));
}

TEST_CASE("a default protocol survives the archive whole", "[protocol][archive]") {
  const Result<Protocol> decoded = decode_protocol(encode_protocol(Protocol{}));
  REQUIRE(decoded);
  CHECK(*decoded == Protocol{});
}

// The golden pins the layout. If this test fails you changed the model, a field list
// (core/protocol/protocol_archive_fields.hpp) or the encoding: archives already stored in
// databases no longer read back the same. Bump kProtocolArchiveVersion
// (core/protocol/protocol_archive.hpp) and APPEND a row for the new version with the figures the
// failure prints; never edit an existing row, since each pins a layout that was released. (A
// change to hand_built() alone also moves the figures; then bump too, it costs nothing: stored
// archives of the old version are simply re-made from their YAML.)
struct Golden {
  std::uint32_t version;
  std::size_t size;
  std::uint64_t fnv1a64;
};
constexpr std::array kGoldens = {
    Golden{1, 1322, 16691965645888060826ull},
    Golden{2, 2021, 4698462100693215555ull},  // protocol format 2
    Golden{3, 2128, 2319714198073662895ull},  // format 2: after_goal
};
static_assert(kGoldens.back().version == kProtocolArchiveVersion,
              "kProtocolArchiveVersion was bumped: append its golden row to kGoldens");

TEST_CASE("the archive layout matches the golden of its version", "[protocol][archive]") {
  for (std::size_t i = 1; i < kGoldens.size(); ++i) {
    CHECK(kGoldens[i].version > kGoldens[i - 1].version);
    CHECK(kGoldens[i].fnv1a64 != kGoldens[i - 1].fnv1a64);  // a new version is a new layout
  }
  const std::string bytes = encode_protocol(hand_built());
  const Golden now{kProtocolArchiveVersion, bytes.size(), fnv1a64(bytes)};
  INFO("the layout changed: bump kProtocolArchiveVersion and append Golden{"
       << now.version + 1 << ", " << now.size << ", " << now.fnv1a64 << "ull}");
  CHECK(now.size == kGoldens.back().size);
  CHECK(now.fnv1a64 == kGoldens.back().fnv1a64);
}

TEST_CASE("the archive's header names what is wrong with foreign bytes", "[protocol][archive]") {
  const std::string good = encode_protocol(hand_built());
  REQUIRE(good.substr(0, 4) == "RBPA");

  SECTION("wrong magic") {
    std::string bytes = good;
    bytes[0] = 'X';
    const auto decoded = decode_protocol(bytes);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error(),
               Catch::Contains("not a protocol archive") && Catch::Contains("magic"));
    CHECK_FALSE(decode_protocol("").ok());
    CHECK_FALSE(decode_protocol("id: achilles-midportion\n").ok());
  }
  SECTION("wrong version") {
    std::string bytes = good;
    set_u32(bytes, 4, kProtocolArchiveVersion + 1);
    const auto decoded = decode_protocol(bytes);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error(),
               Catch::Contains("version " + std::to_string(kProtocolArchiveVersion + 1)) &&
                   Catch::Contains("reads version " + std::to_string(kProtocolArchiveVersion)));
  }
  SECTION("trailing bytes, whether the header counts them or not") {
    const auto uncounted = decode_protocol(good + "x");
    REQUIRE_FALSE(uncounted);
    CHECK_THAT(uncounted.error(), Catch::Contains("1 bytes follow the end"));
    std::string counted = good + "x";
    set_u32(counted, 8, static_cast<std::uint32_t>(counted.size() - 12));
    const auto decoded = decode_protocol(counted);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error(), Catch::Contains("1 bytes are left after the protocol"));
  }
}

TEST_CASE("the archive refuses impossible values inside", "[protocol][archive]") {
  // A protocol whose first fields are easy to find: format (i32) then id (u32 length + bytes).
  Protocol p;
  p.id = "x";
  const std::string good = encode_protocol(p);
  constexpr std::size_t kIdLength = 12 + 4;

  SECTION("a length far beyond the bytes left is refused before anything is allocated") {
    std::string bytes = good;
    set_u32(bytes, kIdLength, 0xFFFFFFFFu);
    const auto decoded = decode_protocol(bytes);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error(), Catch::Contains("a text of 4294967295 bytes does not fit"));
  }
  SECTION("an enum past its last value") {
    Protocol q;
    q.progression.partial_session = PartialSession::counts;
    std::string bytes = encode_protocol(q);
    const std::string plain = encode_protocol(Protocol{});
    // The only byte that differs is the enum's.
    const auto at_enum = std::mismatch(bytes.begin(), bytes.end(), plain.begin()).first;
    REQUIRE(at_enum != bytes.end());
    *at_enum = 2;
    const auto decoded = decode_protocol(bytes);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error(), Catch::Contains("a choice is 2"));
  }
  SECTION("a yes/no byte that is neither") {
    Protocol q;
    q.stages.push_back(Stage{});
    q.stages[0].intensity.talk_test = true;
    std::string bytes = encode_protocol(q);
    q.stages[0].intensity.talk_test = false;
    const std::string plain = encode_protocol(q);
    const auto at_bool = std::mismatch(bytes.begin(), bytes.end(), plain.begin()).first;
    REQUIRE(at_bool != bytes.end());
    *at_bool = 2;
    const auto decoded = decode_protocol(bytes);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error(), Catch::Contains("a yes/no value is 2"));
  }
}

// The damage tests use tests/protocol/valid/maximal.yaml: a real protocol that uses every key,
// small enough for every cut of it to be tried quickly under the sanitizers.
const std::string kMaximal = std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/maximal.yaml";

TEST_CASE("every truncation of a real archive is refused", "[protocol][archive]") {
  // The YAML text is one string whose every cut takes the same path, so it is shortened.
  Protocol real = load(kMaximal);
  real.source_text = "id: maximal-example\n";
  const std::string bytes = encode_protocol(real);
  std::string agreeing = bytes;  // its header's length is made to agree with each cut
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO(size);
    REQUIRE_FALSE(decode_protocol(std::string_view(bytes).substr(0, size)));
    if (size < 12) continue;
    // With the header's length made to agree, the cut is found inside the payload instead.
    set_u32(agreeing, 8, static_cast<std::uint32_t>(size - 12));
    const auto decoded = decode_protocol(std::string_view(agreeing).substr(0, size));
    REQUIRE_FALSE(decoded);
    REQUIRE_FALSE(decoded.error().empty());
  }
}

TEST_CASE("random damage to a real archive is refused or read canonically", "[protocol][archive]") {
  const Protocol real = load(kMaximal);
  const std::string good = encode_protocol(real);
  std::mt19937 rng(20261121);
  // Mostly the header and the model: damage to the YAML text (the last field) only changes the
  // text, so one round in four strikes anywhere and the rest before the text.
  const std::size_t model_end = good.size() - real.source_text.size() - 1;
  std::uniform_int_distribution<std::size_t> anywhere(0, good.size() - 1);
  std::uniform_int_distribution<std::size_t> in_model(0, model_end);
  std::uniform_int_distribution<int> flips(1, 4);
  std::uniform_int_distribution<int> bit(0, 7);
  // About 5000 flipped bytes in 2000 rounds. Decoding may refuse or accept, but what it accepts is
  // exactly what encoding would write (one spelling per protocol, so nothing is silently read
  // differently), and a refusal says why.
  int refused = 0;
  int read = 0;
  int read_differently = 0;
  int refused_silently = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string bytes = good;
    const int count = flips(rng);
    for (int i = 0; i < count; ++i) {
      const std::size_t where = round % 4 == 0 ? anywhere(rng) : in_model(rng);
      bytes[where] = static_cast<char>(bytes[where] ^ (1 << bit(rng)));
    }
    const auto decoded = decode_protocol(bytes);
    if (decoded) {
      ++read;
      if (encode_protocol(*decoded) != bytes) ++read_differently;
    } else {
      ++refused;
      if (decoded.error().empty()) ++refused_silently;
    }
  }
  CHECK(read_differently == 0);
  CHECK(refused_silently == 0);
  // Both outcomes happen, so the damage reaches values and structure alike.
  CHECK(refused > 200);
  CHECK(read > 200);
}

}  // namespace runback

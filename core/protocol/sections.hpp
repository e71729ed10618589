#pragma once
// The readers of each part of a protocol file, shared by loader.cpp. Each reads one key's value
// into the model, reporting through the Reader; names that point elsewhere in the file (ref:,
// stage ids) are collected and checked once everything has been read (cross_checks.cpp).

#include <optional>
#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "protocol/yaml_reader.hpp"

namespace runback::loading {

// A name written in the file, with where it was written.
struct Mention {
  std::string name;
  SourceLocation where;
  std::string path;
};

struct Loading {
  yaml::Reader& reader;
  Protocol& protocol;
  std::vector<Mention> ref_mentions;    // every `ref:`
  std::vector<Mention> stage_mentions;  // start.default_stage, start.entry_test.bands[].stage
  std::vector<Mention> reference_ids;   // references[].id
  // Format 2 top-level keys, kept for the checks made once the stages are read.
  std::optional<yaml::Field> goal_field{};
  std::optional<yaml::Field> weekly_cap_field{};
  std::optional<yaml::Field> options_field{};
  std::optional<yaml::Field> after_goal_field{};
};

// Appends to `mentions` when the optional `ref` key is present and valid.
void read_ref(Loading& loading, const yaml::MapFields& map, std::string& out);

void read_authors(Loading& loading, const yaml::Field& field);
void read_references(Loading& loading, const yaml::Field& field);
void read_entry_criteria(Loading& loading, const yaml::Field& field);
void read_start(Loading& loading, const yaml::Field& field);
void read_exercises(Loading& loading, const yaml::Field& field, std::vector<Exercise>& out);
void read_recovery(Loading& loading, const yaml::Field& field);
void read_plugin(Loading& loading, const yaml::Field& field);

// `out` holds the defaults on entry; the keys given override them.
void read_frequency(Loading& loading, const yaml::Field& field, Frequency& out);
void read_stages(Loading& loading, const yaml::Field& field);
void read_session(Loading& loading, const yaml::Field& field, Session& session);
void read_intensity(Loading& loading, const yaml::Field& field, Intensity& intensity);
// A speed such as '6 mph' (format 2). Above `most_kmh` is not what the key is for: refused,
// saying `what` was expected.
std::optional<Speed> read_speed(Loading& loading, const yaml::Field& field, double most_kmh,
                                const std::string& what);

// Format 2 (read_format2.cpp): the top-level keys of families 9 and 11 (d, e), a stage's
// `ladder` and `alternatives`, and the checks between them once everything is read.
void read_format2(Loading& loading, const yaml::MapFields& top);
void read_stage_format2(Loading& loading, const yaml::MapFields& stage_map, Stage& stage);
void check_format2(Loading& loading);

// `after_goal` (format 2, family 9; read_after_goal.cpp), read with the top-level keys and
// checked against the last stage once the stages and the calendar are read.
void read_after_goal(Loading& loading, const yaml::Field& field);
void check_after_goal(Loading& loading);

// `frequency.by_week` (format 2), read into `out.by_week` (replacing what it held) and checked
// against the rest of `out`, which holds the frequency it sits in (read_by_week.cpp).
void read_by_week(Loading& loading, const yaml::Field& field, Frequency& out);

void read_progression(Loading& loading, const yaml::Field& field);
void read_pain(Loading& loading, const yaml::Field* field, const yaml::Field& root);
void read_responses(Loading& loading, const yaml::Field& field);
void read_red_flags(Loading& loading, const yaml::Field& field);

// `calendar` (format 2), after the stages and the progression: `root` is the whole file, whose
// pace keys a calendar replaces.
void read_calendar(Loading& loading, const yaml::Field& field, const yaml::Field& root);

// After everything is read: references, stage names, unused references.
void cross_check(Loading& loading);

}  // namespace runback::loading

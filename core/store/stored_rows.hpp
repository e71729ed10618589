// Private to the store: not included outside core/store.
#pragma once
// How the store's tables map to the records' types: the column lists each query selects, and
// how a selected row becomes a LogRow, DayLog, Programme or Clearance (and a Programme becomes
// the parameters of an INSERT). Each reader takes the index of its first column, so a query may
// select other columns before it.

#include <cstdint>
#include <optional>

#include "records/records.hpp"
#include "store/log_row.hpp"
#include "store/statement.hpp"
#include "util/result.hpp"

namespace runback {

// The day_log columns in the order read_log_row and read_day_log expect.
inline constexpr const char* kLogColumns =
    "date, session, pain_during, pain_after, pain_next_morning, stiffness_minutes, swelling, "
    "limp, red_flags, answers, note, pain_warmup";

// The programme columns in the order read_programme expects, from kProgrammes (the snapshot's
// text joined in).
inline constexpr const char* kProgrammeColumns =
    "p.id, p.runner_id, p.protocol_id, p.protocol_version, s.text, p.plugin_name, "
    "p.plugin_version, p.start_date, p.starting_stage, p.params, p.run_days, p.active, "
    "p.snapshot_id, p.usual_pain, p.usual_stiffness_minutes, p.goal, p.stage_option, "
    "p.plugin_digest, p.plugin_path";
inline constexpr const char* kProgrammes =
    "programme p JOIN protocol_snapshot s ON s.id = p.snapshot_id";
// The same without the snapshot's text, for reading many programmes: they share a few texts,
// which the planner fetches once each by snapshot_id.
inline constexpr const char* kProgrammeColumnsWithoutText =
    "p.id, p.runner_id, p.protocol_id, p.protocol_version, '', p.plugin_name, "
    "p.plugin_version, p.start_date, p.starting_stage, p.params, p.run_days, p.active, "
    "p.snapshot_id, p.usual_pain, p.usual_stiffness_minutes, p.goal, p.stage_option, "
    "p.plugin_digest, p.plugin_path";

// The clearance columns in the order read_clearance expects.
inline constexpr const char* kClearanceColumns = "date, cleared_by, note";

Result<LogRow> read_log_row(const Statement& row, int first);
// The planner's view of a row, read in place (the caseload loads millions of them).
Status read_day_log(const Statement& row, int first, DayLog& log);
Result<Programme> read_programme(const Statement& row, int first);
Result<Clearance> read_clearance(const Statement& row, int first);

// Binds a programme's fields to ?2..?10 of an INSERT INTO programme whose columns run, from ?2:
// protocol_id, protocol_version, snapshot_id (from intern_snapshot), plugin_name, plugin_version,
// start_date, starting_stage, params, run_days; and ?13, ?14 to usual_pain,
// usual_stiffness_minutes; ?15, ?16 to goal, stage_option; ?17, ?18 to plugin_digest,
// plugin_path. The store and the importer both write
// programmes this way.
Statement& bind_programme_fields(Statement& insert, const Programme& programme,
                                 std::int64_t snapshot_id);

// Binds the bounds of a date range to ?first and ?first+1; a missing bound lets every date in.
void bind_date_range(Statement& statement, int first, std::optional<Date> from,
                     std::optional<Date> to);

}  // namespace runback

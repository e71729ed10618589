// Writing the records CSV (store/records_csv.hpp): every runner's programmes, logs, clearances
// and audit entries, runner by runner. The import is in records_csv_import.cpp.

#include "store/records_csv.hpp"

#include "protocol/describe.hpp"
#include "store/records_csv_columns.hpp"
#include "store/records_csv_json.hpp"
#include "util/csv.hpp"

namespace runback {

const std::vector<std::string_view> kRecordsCsvColumns = {"record",
                                                          "runner",
                                                          "date",
                                                          "session",
                                                          "pain_during",
                                                          "pain_after",
                                                          "pain_next_morning",
                                                          "stiffness_minutes",
                                                          "swelling",
                                                          "limp",
                                                          "red_flags",
                                                          "answers",
                                                          "note",
                                                          "cleared_by",
                                                          "programme",
                                                          "pain_warmup"};

namespace {

std::string optional_text(const std::optional<int>& v) {
  return v ? std::to_string(*v) : std::string();
}
std::string optional_text(const std::optional<bool>& v) {
  return v ? std::string(*v ? "1" : "0") : std::string();
}

}  // namespace

Status export_records_csv(Store& store, std::int64_t runner_id, std::string& out) {
  append_csv_record(out, kRecordsCsvColumns);
  auto runners = store.runners();
  if (!runners) return Error{runners.error()};
  std::vector<std::string_view> fields(kColumnCount);
  for (const Runner& runner : *runners) {
    if (runner_id != 0 && runner.id != runner_id) continue;
    auto programmes = store.programmes(runner.id);
    if (!programmes) return Error{programmes.error()};
    for (const Programme& p : *programmes) {
      const std::string date = format_date(p.start_date), json = programme_json(p);
      std::fill(fields.begin(), fields.end(), std::string_view());
      fields[kRecord] = "programme";
      fields[kRunner] = runner.name;
      fields[kDate] = date;
      fields[kProgramme] = json;
      append_csv_record(out, fields);
    }
    Status status = store.for_each_log(
        runner.id, std::nullopt, std::nullopt, [&](const std::string&, const LogRow& row) {
          const std::string date = format_date(row.date);
          const std::string session = row.session ? session_outcome_name(*row.session) : "";
          const std::string during = optional_text(row.pain_during);
          const std::string after = optional_text(row.pain_after);
          const std::string morning = optional_text(row.pain_next_morning);
          const std::string stiffness = optional_text(row.stiffness_minutes);
          const std::string swelling = optional_text(row.swelling);
          const std::string limp = optional_text(row.limp);
          const std::string flags = join_red_flags(row.red_flags);
          const std::string answers = answers_to_json(row.answers);
          const std::string note = row.note.value_or("");
          const std::string warmup = optional_text(row.pain_warmup);
          fields = {"log",    runner.name, date,  session, during, after, morning, stiffness,
                    swelling, limp,        flags, answers, note,   "",    "",      warmup};
          append_csv_record(out, fields);
        });
    if (!status) return status;
    auto clearances = store.clearances(runner.id, std::nullopt, std::nullopt);
    if (!clearances) return Error{clearances.error()};
    for (const Clearance& c : *clearances) {
      const std::string date = format_date(c.date);
      std::fill(fields.begin(), fields.end(), std::string_view());
      fields[kRecord] = "clearance";
      fields[kRunner] = runner.name;
      fields[kDate] = date;
      fields[kNote] = c.note;
      fields[kClearedBy] = c.by;
      append_csv_record(out, fields);
    }
    auto audit = store.audit(runner.id);
    if (!audit) return Error{audit.error()};
    for (const AuditEntry& entry : *audit) {
      const std::string day = entry.changed_at.substr(0, 10), json = audit_json(entry);
      std::fill(fields.begin(), fields.end(), std::string_view());
      fields[kRecord] = "audit";
      fields[kRunner] = runner.name;
      fields[kDate] = day;
      fields[kProgramme] = json;
      append_csv_record(out, fields);
    }
  }
  return ok_status();
}

}  // namespace runback

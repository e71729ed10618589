#include "store/records_csv.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "protocol/describe.hpp"
#include "store/importer.hpp"
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
                                                          "programme"};

namespace {

enum Column {
  kRecord,
  kRunner,
  kDate,
  kSession,
  kPainDuring,
  kPainAfter,
  kPainMorning,
  kStiffness,
  kSwelling,
  kLimp,
  kRedFlags,
  kAnswers,
  kNote,
  kClearedBy,
  kProgramme,
  kColumnCount
};

std::string optional_text(const std::optional<int>& v) {
  return v ? std::to_string(*v) : std::string();
}
std::string optional_text(const std::optional<bool>& v) {
  return v ? std::string(*v ? "1" : "0") : std::string();
}

std::string programme_json(const Programme& p) {
  nlohmann::ordered_json object;
  object["protocol_id"] = p.protocol_id;
  object["protocol_version"] = p.protocol_version;
  object["plugin_name"] = p.plugin_name;
  object["plugin_version"] = p.plugin_version;
  object["starting_stage"] = p.starting_stage;
  object["params"] = p.params;
  object["run_days"] = run_days_schedule_text(p);
  object["usual_pain"] = p.usual_pain ? nlohmann::ordered_json(*p.usual_pain) : nullptr;
  object["usual_stiffness_minutes"] =
      p.usual_stiffness_minutes ? nlohmann::ordered_json(*p.usual_stiffness_minutes) : nullptr;
  object["active"] = p.active;
  object["protocol_snapshot"] = p.protocol_snapshot;
  return object.dump();
}

// An audit entry (a value replaced, a programme upgraded) as the `programme` column holds it.
std::string audit_json(const AuditEntry& entry) {
  auto text_or_null = [](const std::optional<std::string>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json object;
  object["subject"] = entry.subject;
  object["date"] = entry.date ? nlohmann::ordered_json(format_date(*entry.date))
                              : nlohmann::ordered_json(nullptr);
  object["field"] = entry.field;
  object["old_value"] = text_or_null(entry.old_value);
  object["new_value"] = text_or_null(entry.new_value);
  object["changed_at"] = entry.changed_at;
  return object.dump();
}

Result<AuditEntry> parse_audit_json(std::string_view text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error{
        "programme: an audit record needs a JSON object with subject, date, field, "
        "old_value, new_value and changed_at"};
  }
  AuditEntry entry;
  auto text_of = [&](const char* key, bool nullable) -> Result<std::optional<std::string>> {
    auto it = parsed.find(key);
    if (it != parsed.end() && it->is_string()) return std::optional(it->get<std::string>());
    if (nullable && it != parsed.end() && it->is_null()) return std::optional<std::string>();
    return Error{std::string("programme: '") + key + "' is missing or not " +
                 (nullable ? "text or null" : "text")};
  };
  auto subject = text_of("subject", false);
  if (!subject) return Error{subject.error()};
  entry.subject = **subject;
  if (entry.subject != "log" && entry.subject != "programme") {
    return Error{"programme: 'subject' must be log or programme"};
  }
  auto date = text_of("date", true);
  if (!date) return Error{date.error()};
  if (*date) {
    auto parsed_date = parse_date(**date);
    if (!parsed_date) return Error{"programme: date: " + parsed_date.error()};
    entry.date = *parsed_date;
  }
  auto field = text_of("field", false);
  if (!field) return Error{field.error()};
  entry.field = **field;
  if (entry.field.empty()) return Error{"programme: 'field' is empty"};
  auto old_value = text_of("old_value", true);
  if (!old_value) return Error{old_value.error()};
  entry.old_value = *old_value;
  auto new_value = text_of("new_value", true);
  if (!new_value) return Error{new_value.error()};
  entry.new_value = *new_value;
  auto changed_at = text_of("changed_at", false);
  if (!changed_at) return Error{changed_at.error()};
  entry.changed_at = **changed_at;
  if (!parse_date(std::string_view(entry.changed_at).substr(0, 10))) {
    return Error{"programme: 'changed_at' must start with the day, e.g. 2026-11-21T07:40:00Z"};
  }
  return entry;
}

Result<Programme> parse_programme_json(std::string_view text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error{"programme: expected a JSON object with protocol_id, protocol_version, ..."};
  }
  Programme p;
  auto text_of = [&](const char* key, std::string& out) -> Status {
    auto it = parsed.find(key);
    if (it == parsed.end() || !it->is_string()) {
      return Error{std::string("programme: '") + key + "' is missing or not text"};
    }
    out = it->get<std::string>();
    return ok_status();
  };
  for (auto [key, out] :
       {std::pair{"protocol_id", &p.protocol_id},
        std::pair{"protocol_version", &p.protocol_version},
        std::pair{"plugin_name", &p.plugin_name}, std::pair{"plugin_version", &p.plugin_version},
        std::pair{"protocol_snapshot", &p.protocol_snapshot}}) {
    if (auto done = text_of(key, *out); !done) return Error{done.error()};
  }
  if (p.protocol_id.empty()) return Error{"programme: 'protocol_id' is empty"};
  auto stage = parsed.find("starting_stage");
  if (stage == parsed.end() || !stage->is_number_integer() || stage->get<int>() < 0) {
    return Error{"programme: 'starting_stage' must be a whole number from 0"};
  }
  p.starting_stage = stage->get<int>();
  auto active = parsed.find("active");
  if (active == parsed.end() || !active->is_boolean()) {
    return Error{"programme: 'active' must be true or false"};
  }
  p.active = active->get<bool>();
  auto params = parsed.find("params");
  if (params == parsed.end()) return Error{"programme: 'params' is missing"};
  auto params_parsed = params_from_json(params->dump());
  if (!params_parsed) return Error{"programme: params: " + params_parsed.error()};
  p.params = std::move(*params_parsed);
  std::string days;
  if (auto done = text_of("run_days", days); !done) return Error{done.error()};
  if (auto done = parse_run_days_schedule(days, p); !done) {
    return Error{"programme: run_days: " + done.error()};
  }
  // Files written before runback recorded the usual values have neither key.
  for (auto [key, out, max] :
       {std::tuple{"usual_pain", &p.usual_pain, 10},
        std::tuple{"usual_stiffness_minutes", &p.usual_stiffness_minutes, kMaxStiffnessMinutes}}) {
    auto it = parsed.find(key);
    if (it == parsed.end() || it->is_null()) continue;
    if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > max) {
      return Error{std::string("programme: '") + key + "' must be a whole number from 0 to " +
                   std::to_string(max)};
    }
    *out = it->get<int>();
  }
  return p;
}

Result<std::optional<int>> parse_bounded(std::string_view text, const char* column, int max) {
  if (text.empty()) return std::optional<int>();
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
    return Error{std::string(column) + ": '" + std::string(text) +
                 "' is not a whole number from 0 to " + std::to_string(max)};
  }
  return std::optional<int>(value);
}

Result<std::optional<bool>> parse_flag(std::string_view text, const char* column) {
  if (text.empty()) return std::optional<bool>();
  if (text == "1") return std::optional<bool>(true);
  if (text == "0") return std::optional<bool>(false);
  return Error{std::string(column) + ": '" + std::string(text) + "' must be 0, 1 or empty"};
}

Status expect_empty(const std::vector<std::string>& f, std::initializer_list<Column> columns,
                    const char* record) {
  for (Column c : columns) {
    if (!f[c].empty()) {
      return Error{std::string(kRecordsCsvColumns[c]) + ": must be empty in a " + record + " row"};
    }
  }
  return ok_status();
}

Result<LogRow> parse_log(const std::vector<std::string>& f, Date date) {
  LogRow row{date, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  if (!f[kSession].empty()) {
    row.session = parse_session(f[kSession]);
    if (!row.session) {
      return Error{"session: '" + f[kSession] + "' must be done, partial, skipped or empty"};
    }
  }
  const std::pair<Column, std::optional<int>*> pains[] = {{kPainDuring, &row.pain_during},
                                                          {kPainAfter, &row.pain_after},
                                                          {kPainMorning, &row.pain_next_morning}};
  for (auto [column, out] : pains) {
    auto value = parse_bounded(f[column], kRecordsCsvColumns[column].data(), 10);
    if (!value) return Error{value.error()};
    *out = *value;
  }
  auto stiffness = parse_bounded(f[kStiffness], "stiffness_minutes", kMaxStiffnessMinutes);
  if (!stiffness) return Error{stiffness.error()};
  row.stiffness_minutes = *stiffness;
  auto swelling = parse_flag(f[kSwelling], "swelling");
  if (!swelling) return Error{swelling.error()};
  row.swelling = *swelling;
  auto limp = parse_flag(f[kLimp], "limp");
  if (!limp) return Error{limp.error()};
  row.limp = *limp;
  row.red_flags = split_red_flags(f[kRedFlags]);
  for (const auto& flag : row.red_flags) {
    if (!is_valid_id(flag)) {
      return Error{"red_flags: '" + flag +
                   "' is not a red flag id (a-z, 0-9, -; ids separated "
                   "by commas)"};
    }
    if (std::count(row.red_flags.begin(), row.red_flags.end(), flag) > 1) {
      return Error{"red_flags: '" + flag + "' is listed twice"};
    }
  }
  auto answers = answers_from_json(f[kAnswers]);
  if (!answers) return Error{"answers: " + answers.error()};
  row.answers = std::move(*answers);
  if (!f[kNote].empty()) row.note = f[kNote];
  return row;
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
          fields = {"log",    runner.name, date,  session, during, after, morning, stiffness,
                    swelling, limp,        flags, answers, note,   "",    ""};
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

Result<ImportReport> import_records_csv(Store& store, std::string_view text, Date today) {
  ImportReport report;
  constexpr std::size_t kMaxErrors = 20;
  auto fail = [&](int line, const std::string& message) {
    if (report.errors.size() < kMaxErrors) {
      report.errors.push_back({line, message});
    }
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a spreadsheet's BOM
  CsvReader reader(text);
  std::vector<std::string> f;
  auto header = reader.next(f);
  if (!header) return report.errors.push_back({reader.record_line(), header.error()}), report;
  std::vector<std::string_view> names(f.begin(), f.end());
  if (!*header || names != kRecordsCsvColumns) {
    std::string expected;
    for (auto c : kRecordsCsvColumns) expected += (expected.empty() ? "" : ",") + std::string(c);
    report.errors.push_back({1, "the header must be exactly: " + expected});
    return report;
  }
  auto importer = Importer::begin(store);
  if (!importer) return Error{importer.error()};
  bool writing = true;  // after the first bad row: keep checking, stop writing
  const std::string today_text = format_date(today);
  for (;;) {
    auto more = reader.next(f);
    if (!more) {
      fail(reader.record_line(), more.error());
      break;
    }
    if (!*more) break;
    const int line = reader.record_line();
    if (f.size() == 1 && f[0].empty()) continue;  // a blank line
    if (f.size() != kColumnCount) {
      fail(line, "expected " + std::to_string(kColumnCount) + " fields, found " +
                     std::to_string(f.size()));
      writing = false;
      continue;
    }
    auto date = parse_date(f[kDate]);
    Status status = ok_status();
    if (f[kRunner].empty()) {
      status = Error{"runner: the runner's name is empty"};
    } else if (!date) {
      status = Error{"date: " + date.error()};
    } else if (f[kRecord] == "log") {
      auto row = parse_log(f, *date);
      if (!row) {
        status = Error{row.error()};
      } else if (f[kDate] > today_text) {
        status = Error{"date: " + f[kDate] + " is in the future (today is " + today_text + ")"};
      } else if (auto empty = expect_empty(f, {kClearedBy, kProgramme}, "log"); !empty) {
        status = empty;
      } else if (writing) {
        status = importer->add_log(f[kRunner], *row);
        ++report.logs;
      }
    } else if (f[kRecord] == "clearance") {
      if (f[kClearedBy].empty()) {
        status = Error{"cleared_by: a clearance needs the clinician's name"};
      } else if (auto empty =
                     expect_empty(f,
                                  {kSession, kPainDuring, kPainAfter, kPainMorning, kStiffness,
                                   kSwelling, kLimp, kRedFlags, kAnswers, kProgramme},
                                  "clearance");
                 !empty) {
        status = empty;
      } else if (writing) {
        status = importer->add_clearance(f[kRunner], {*date, f[kClearedBy], f[kNote]});
        ++report.clearances;
      }
    } else if (f[kRecord] == "programme") {
      auto programme = parse_programme_json(f[kProgramme]);
      if (!programme) {
        status = Error{programme.error()};
      } else if (auto empty =
                     expect_empty(f,
                                  {kSession, kPainDuring, kPainAfter, kPainMorning, kStiffness,
                                   kSwelling, kLimp, kRedFlags, kAnswers, kNote, kClearedBy},
                                  "programme");
                 !empty) {
        status = empty;
      } else if (writing) {
        programme->start_date = *date;
        status = importer->add_programme(f[kRunner], *programme);
        ++report.programmes;
      }
    } else if (f[kRecord] == "audit") {
      auto entry = parse_audit_json(f[kProgramme]);
      if (!entry) {
        status = Error{entry.error()};
      } else if (auto empty =
                     expect_empty(f,
                                  {kSession, kPainDuring, kPainAfter, kPainMorning, kStiffness,
                                   kSwelling, kLimp, kRedFlags, kAnswers, kNote, kClearedBy},
                                  "audit");
                 !empty) {
        status = empty;
      } else if (writing) {
        status = importer->add_audit(f[kRunner], *entry);
        ++report.audit_entries;
      }
    } else {
      status = Error{"record: '" + f[kRecord] + "' must be log, clearance, programme or audit"};
    }
    if (!status) {
      if (importer->machine_failed()) return Error{status.error()};  // not the file's fault
      fail(line, status.error());
      writing = false;
    }
  }
  if (!report.errors.empty()) return report;  // the importer rolls back
  report.runners = importer->runners_added();
  if (auto done = importer->commit(); !done) return Error{done.error()};
  return report;
}

}  // namespace runback

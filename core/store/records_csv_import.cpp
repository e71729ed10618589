// Reading the records CSV back (store/records_csv.hpp): every record checked, all of them added
// in one transaction or, at the first bad one, none (the rest are still checked, so the user
// hears of every mistake at once).

#include <algorithm>
#include <charconv>

#include "protocol/describe.hpp"
#include "store/importer.hpp"
#include "store/records_csv.hpp"
#include "store/records_csv_columns.hpp"
#include "store/records_csv_json.hpp"
#include "util/csv.hpp"

namespace runback {

namespace {

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

Status expect_empty(const std::vector<std::string>& f,
                    std::initializer_list<RecordsCsvColumn> columns, const char* record) {
  for (RecordsCsvColumn c : columns) {
    if (!f[c].empty()) {
      return Error{std::string(kRecordsCsvColumns[c]) + ": must be empty in a " + record + " row"};
    }
  }
  return ok_status();
}

Result<LogRow> parse_log(const std::vector<std::string>& f, Date date) {
  LogRow row;
  row.date = date;
  if (!f[kSession].empty()) {
    row.session = parse_session(f[kSession]);
    if (!row.session) {
      return Error{"session: '" + f[kSession] + "' must be done, partial, skipped or empty"};
    }
  }
  const std::pair<RecordsCsvColumn, std::optional<int>*> pains[] = {
      {kPainWarmup, &row.pain_warmup},
      {kPainDuring, &row.pain_during},
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
  // A file written before the warm-up column (the one column added since) reads without it.
  const bool without_warmup = *header && names.size() + 1 == kRecordsCsvColumns.size() &&
                              std::equal(names.begin(), names.end(), kRecordsCsvColumns.begin());
  if (!*header || (names != kRecordsCsvColumns && !without_warmup)) {
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
    if (without_warmup && f.size() + 1 == kColumnCount) f.emplace_back();
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
                                   kSwelling, kLimp, kRedFlags, kAnswers, kProgramme, kPainWarmup},
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
      } else if (auto empty = expect_empty(
                     f,
                     {kSession, kPainDuring, kPainAfter, kPainMorning, kStiffness, kSwelling, kLimp,
                      kRedFlags, kAnswers, kNote, kClearedBy, kPainWarmup},
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
      } else if (auto empty = expect_empty(
                     f,
                     {kSession, kPainDuring, kPainAfter, kPainMorning, kStiffness, kSwelling, kLimp,
                      kRedFlags, kAnswers, kNote, kClearedBy, kPainWarmup},
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

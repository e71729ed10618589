// Store::withdraw_log: taking back values logged by mistake. The audit table keeps each one as a
// correction with `runback log --replace` would (the new value null), so what the planner once
// saw can always be traced.

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "store/audit_writer.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace runback {

namespace {

constexpr std::string_view kAnswerPrefix = "answers.";

// The scalar columns, with what each holds when nothing is logged (the schema's NOT NULL text
// columns hold '').
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kScalarColumns = {{
    {"session", "NULL"},
    {"pain_warmup", "NULL"},
    {"pain_during", "NULL"},
    {"pain_after", "NULL"},
    {"pain_next_morning", "NULL"},
    {"stiffness_minutes", "NULL"},
    {"swelling", "NULL"},
    {"limp", "NULL"},
    {"note", "''"},
}};

bool is_answer(std::string_view name) {
  return name.substr(0, kAnswerPrefix.size()) == kAnswerPrefix;
}

bool is_field_name(std::string_view name) {
  if (name == "red_flags") return true;
  if (is_answer(name)) return is_valid_id(name.substr(kAnswerPrefix.size()));
  return std::any_of(kScalarColumns.begin(), kScalarColumns.end(),
                     [&](const auto& column) { return column.first == name; });
}

// Every value the row holds, under its stored name, in the order `record_logs` audits them.
std::vector<StoredValue> logged_fields(const LogRow& row) {
  std::vector<StoredValue> fields;
  for (auto& field : log_scalar_fields(row)) {
    if (field.value) fields.push_back(std::move(field));
  }
  for (const auto& [key, value] : row.answers) {
    fields.push_back({std::string(kAnswerPrefix) + key, value});
  }
  if (!row.red_flags.empty()) fields.push_back({"red_flags", join_red_flags(row.red_flags)});
  return fields;
}

void clear_field(LogRow& row, const std::string& name) {
  if (name == "session") row.session.reset();
  if (name == "pain_warmup") row.pain_warmup.reset();
  if (name == "pain_during") row.pain_during.reset();
  if (name == "pain_after") row.pain_after.reset();
  if (name == "pain_next_morning") row.pain_next_morning.reset();
  if (name == "stiffness_minutes") row.stiffness_minutes.reset();
  if (name == "swelling") row.swelling.reset();
  if (name == "limp") row.limp.reset();
  if (name == "note") row.note.reset();
  if (name == "red_flags") row.red_flags.clear();
  if (is_answer(name)) row.answers.erase(name.substr(kAnswerPrefix.size()));
}

// "UPDATE day_log SET pain_during = NULL, answers = ?3 WHERE ...": only the withdrawn columns,
// each to what it holds when nothing is logged; answers are written again without those taken.
std::string update_sql(const std::vector<AuditEntry>& withdrawn) {
  std::string sets;
  bool answers = false;
  for (const AuditEntry& entry : withdrawn) {
    std::string set;
    if (is_answer(entry.field)) {
      if (std::exchange(answers, true)) continue;
      set = "answers = ?3";
    } else if (entry.field == "red_flags") {
      set = "red_flags = ''";
    } else {
      for (const auto& [column, empty] : kScalarColumns) {
        if (column == entry.field) set = std::string(column) + " = " + std::string(empty);
      }
    }
    sets += (sets.empty() ? "" : ", ") + set;
  }
  return "UPDATE day_log SET " + sets + " WHERE runner_id = ?1 AND date = ?2";
}

}  // namespace

Result<WithdrawOutcome> Store::withdraw_log(std::int64_t runner_id, Date date,
                                            const std::vector<std::string>& fields) {
  for (const auto& field : fields) {
    if (!is_field_name(field)) return Error{"'" + field + "' is not a value of a day's log"};
  }
  auto transaction = Transaction::begin(*db_);
  if (!transaction) return Error{transaction.error()};
  auto existing = log_for(runner_id, date);
  if (!existing) return Error{existing.error()};
  WithdrawOutcome outcome;
  if (!*existing || (*existing)->empty()) return outcome;
  outcome.logged = **existing;

  const auto logged = logged_fields(**existing);
  for (const auto& field : fields) {
    const bool held = std::any_of(logged.begin(), logged.end(),
                                  [&](const StoredValue& f) { return f.name == field; });
    const bool listed = std::find(outcome.not_logged.begin(), outcome.not_logged.end(), field) !=
                        outcome.not_logged.end();
    if (!held && !listed) outcome.not_logged.push_back(field);
  }
  if (!outcome.not_logged.empty()) return outcome;  // rolled back: nothing was written

  const std::string now_text = now();
  LogRow remaining = **existing;
  for (const StoredValue& field : logged) {
    if (!fields.empty() && std::find(fields.begin(), fields.end(), field.name) == fields.end()) {
      continue;
    }
    outcome.withdrawn.push_back({"", "log", date, field.name, field.value, std::nullopt, now_text});
    clear_field(remaining, field.name);
  }

  auto write = Statement::prepare(
      *db_, remaining.empty() ? "DELETE FROM day_log WHERE runner_id = ?1 AND date = ?2"
                              : update_sql(outcome.withdrawn));
  if (!write) return Error{write.error()};
  write->bind(1, runner_id).bind(2, format_date(date));
  if (!remaining.empty() && remaining.answers != outcome.logged->answers) {
    write->bind(3, answers_to_json(remaining.answers));
  }
  if (auto done = write->run(); !done) return Error{done.error()};

  auto trail = AuditWriter::prepare(*db_);
  if (!trail) return Error{trail.error()};
  for (const AuditEntry& entry : outcome.withdrawn) {
    if (auto done = trail->add(runner_id, entry); !done) return Error{done.error()};
  }
  if (auto done = transaction->commit(); !done) return Error{done.error()};
  if (!remaining.empty()) outcome.remaining = std::move(remaining);
  return outcome;
}

}  // namespace runback

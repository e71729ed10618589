// `runback withdraw DATE [VALUE ...]`: takes back what was logged for a day by mistake (a run
// logged on the wrong day, a red flag meant for someone else). The values go to the audit trail,
// as with `runback log --replace`, so nothing the planner once saw is lost without a trace.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "add_command.hpp"
#include "protocol/describe.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "util/suggest.hpp"

namespace runback::cli {

namespace {

constexpr std::string_view kAnswerPart = "answer:";

// The VALUE names, as `runback log` calls the values, and the store's names for them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kParts = {{
    {"session", "session"},
    {"pain-warmup", "pain_warmup"},
    {"pain-during", "pain_during"},
    {"pain-after", "pain_after"},
    {"pain-morning", "pain_next_morning"},
    {"stiffness", "stiffness_minutes"},
    {"swelling", "swelling"},
    {"limp", "limp"},
    {"red-flag", "red_flags"},
    {"note", "note"},
}};

const char* const kPartList =
    "session, pain-warmup, pain-during, pain-after, pain-morning, stiffness, swelling, limp, "
    "red-flag, answer:KEY or note (none: the whole day)";

Result<std::string> stored_name(const std::string& part) {
  for (const auto& [name, field] : kParts) {
    if (part == name) return std::string(field);
  }
  if (part.starts_with(kAnswerPart)) {
    const std::string key = part.substr(kAnswerPart.size());
    if (is_valid_id(key)) return "answers." + key;
    return Error{"VALUE: '" + part +
                 "' needs the KEY of a checkpoint answer, as logged with --answer KEY=VALUE "
                 "(a-z, 0-9, - and _)"};
  }
  std::vector<std::string> names;
  for (const auto& [name, field] : kParts) names.emplace_back(name);
  return Error{"VALUE: '" + part + "' is not a part of a day's log" + did_you_mean(part, names) +
               "; give " + kPartList};
}

std::string part_name(const std::string& field) {
  for (const auto& [name, stored] : kParts) {
    if (field == stored) return std::string(name);
  }
  return std::string(kAnswerPart) + field.substr(field.find('.') + 1);
}

// The values of `from` stored as `fields`, as a row to describe.
LogRow values_of(const LogRow& from, const std::vector<AuditEntry>& fields) {
  LogRow row;
  row.date = from.date;
  for (const AuditEntry& entry : fields) {
    const std::string& f = entry.field;
    copy_scalar(row, from, f);
    if (f == "red_flags") row.red_flags = from.red_flags;
    if (f.starts_with("answers.")) {
      const std::string key = f.substr(f.find('.') + 1);
      row.answers[key] = from.answers.at(key);
    }
  }
  return row;
}

struct WithdrawOptions {
  std::string date;
  std::vector<std::string> parts;
  std::string format;
};

void run_withdraw(Context& context, const WithdrawOptions& o) {
  std::vector<std::string> errors, fields;
  auto date = parse_date(o.date);
  if (!date) errors.push_back("DATE: " + date.error());
  for (const auto& part : o.parts) {
    auto field = stored_name(part);
    if (!field) {
      errors.push_back(field.error());
    } else if (std::find(fields.begin(), fields.end(), *field) == fields.end()) {
      fields.push_back(*field);
    }
  }
  if (!errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.err << "runback: nothing was withdrawn (see `runback withdraw --help`)\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto outcome = store->withdraw_log(runner->id, *date, fields);
  if (!outcome) return fail(context, ErrorKind::io, outcome.error());

  const std::string day = format_date(*date);
  if (!outcome->logged) {
    return fail(context, ErrorKind::not_found,
                "withdraw: nothing is logged for " + runner->name + " on " + day +
                    ", so there is nothing to withdraw (`runback history` shows what is logged)");
  }
  if (!outcome->not_logged.empty()) {
    std::vector<std::string> missing;
    for (const auto& field : outcome->not_logged) missing.push_back(part_name(field));
    return fail(context, ErrorKind::not_found,
                "withdraw: " + join_with_and(missing) + (missing.size() == 1 ? " is" : " are") +
                    " not logged for " + runner->name + " on " + day + "; logged that day: " +
                    describe_log(*outcome->logged) + ". Nothing was withdrawn");
  }

  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.withdraw/1";
    doc["runner"] = runner->name;
    doc["date"] = day;
    doc["withdrawn"] = nlohmann::ordered_json::array();
    for (const auto& entry : outcome->withdrawn) doc["withdrawn"].push_back(audit_json(entry));
    doc["remaining"] =
        outcome->remaining ? log_row_json(*outcome->remaining) : nlohmann::ordered_json(nullptr);
    context.out << doc.dump(2) << "\n";
    return;
  }
  context.out << "Withdrawn from " << runner->name << "'s log for "
              << weekday_long(std::chrono::weekday{*date}) << " " << day << ": "
              << describe_log(values_of(*outcome->logged, outcome->withdrawn)) << ".\n";
  if (outcome->remaining) {
    context.out << "Still logged that day: " << describe_log(*outcome->remaining) << ".\n";
  } else {
    context.out << "Nothing is logged for that day now.\n";
  }
  context.out << "The withdrawn values are kept in the audit trail (`runback export` shows "
                 "them); log the right ones with `runback log "
              << day << " ...`.\n";
}

}  // namespace

void register_withdraw_command(CLI::App& app, Context& context) {
  add_command(
      app, "withdraw", "Take back what was logged for a day by mistake (kept in the audit trail)",
      [&context](CLI::App& withdraw) {
        auto options = std::make_shared<WithdrawOptions>();
        withdraw.add_option("DATE", options->date, "The day (YYYY-MM-DD)")->required();
        withdraw.add_option("VALUE", options->parts, std::string("What to withdraw: ") + kPartList);
        add_format_option(withdraw, options->format, {Format::text, Format::json});
        withdraw.callback([&context, options] { run_withdraw(context, *options); });
      });
}

}  // namespace runback::cli

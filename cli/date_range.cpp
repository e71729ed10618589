#include "date_range.hpp"

#include <ostream>
#include <tuple>
#include <vector>

namespace runback::cli {

std::optional<Date> date_or_today(Context& context, const std::string& date_text) {
  if (date_text.empty()) return context.clock.today();
  auto date = parse_date(date_text);
  if (!date) {
    fail(context, ErrorKind::bad_input, "--date: " + date.error());
    return std::nullopt;
  }
  return *date;
}

std::optional<DateRange> parse_date_range(Context& context, const std::string& from_text,
                                          const std::string& to_text) {
  DateRange range;
  std::vector<std::string> errors;
  for (auto [flag, text, out] :
       {std::tuple{"--from", &from_text, &range.from}, std::tuple{"--to", &to_text, &range.to}}) {
    if (text->empty()) continue;
    auto date = parse_date(*text);
    if (!date) {
      errors.push_back(std::string(flag) + ": " + date.error());
    } else {
      *out = *date;
    }
  }
  if (range.from && range.to && *range.from > *range.to) {
    errors.push_back("--from: " + from_text + " is after --to " + to_text);
  }
  if (errors.empty()) return range;
  for (const auto& e : errors) context.err << "runback: " << e << "\n";
  context.exit_code = exit_status(ErrorKind::bad_input);
  return std::nullopt;
}

}  // namespace runback::cli

#pragma once
// The dates commands take: --date (the day a plan is made for) and --from / --to, as `history`
// and `decisions` take them.

#include <optional>
#include <string>

#include "context.hpp"
#include "util/date.hpp"

namespace runback::cli {

// --date's day, or today by the clock when it was not given (empty). A date that cannot be read
// is reported naming the flag (exit status 2) and gives nothing.
std::optional<Date> date_or_today(Context& context, const std::string& date_text);

struct DateRange {
  std::optional<Date> from, to;  // none: from the start, to the end
};

// The range from the options' texts (empty: not given). A date that cannot be read, or a
// --from after --to, is reported naming the flag (exit status 2) and gives nothing.
std::optional<DateRange> parse_date_range(Context& context, const std::string& from_text,
                                          const std::string& to_text);

}  // namespace runback::cli

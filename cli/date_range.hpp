#pragma once
// --from and --to, as `history` and `decisions` take them.

#include <optional>
#include <string>

#include "context.hpp"
#include "util/date.hpp"

namespace runback::cli {

struct DateRange {
  std::optional<Date> from, to;  // none: from the start, to the end
};

// The range from the options' texts (empty: not given). A date that cannot be read, or a
// --from after --to, is reported naming the flag (exit status 2) and gives nothing.
std::optional<DateRange> parse_date_range(Context& context, const std::string& from_text,
                                          const std::string& to_text);

}  // namespace runback::cli

#pragma once
// A calendar document (report/icalendar_document.hpp) as iCalendar (RFC 5545), written by
// libical: its escaping of commas, semicolons and line breaks, its folding of long lines, its
// CRLF line ends.

#include <string>

#include "report/icalendar_document.hpp"
#include "util/result.hpp"

namespace runback {

// The whole VCALENDAR: each event a VEVENT of one whole day (DTSTART and DTEND;VALUE=DATE),
// transparent (free time), with its alarm as a VALARM. An error (kind io) when libical cannot be
// loaded.
Result<std::string> icalendar_text(const CalendarDocument& document);

}  // namespace runback

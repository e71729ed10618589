#pragma once
// Text made safe for an HTML page: every piece of a runner's, a plugin's or a protocol's words
// goes through here before it reaches the visit report.

#include <string>
#include <string_view>

namespace runback {

// `& < > " '` as character references, for text and for attribute values in double or single
// quotes alike. Bytes that are not valid UTF-8 become U+FFFD, and control characters other than
// tab and newline are dropped, so the page always parses.
std::string html_escape(std::string_view text);

}  // namespace runback

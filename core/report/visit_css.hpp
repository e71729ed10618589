#pragma once
// The visit report's style sheet: screen and A4 print.

namespace runback {

extern const char* const kVisitCss;

}  // namespace runback

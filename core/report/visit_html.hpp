#pragma once
// The visit report as one self-contained HTML page: inline SVG charts and CSS, no script, no
// network (its Content-Security-Policy forbids both), printable on A4. Every text that comes
// from a runner, a plugin or a protocol is escaped (report/html_escape.hpp).

#include <string>

#include "report/visit_report.hpp"

namespace runback {

std::string visit_html(const VisitReport& report);

}  // namespace runback

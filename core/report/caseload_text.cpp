#include "report/caseload_text.hpp"

#include <algorithm>

#include "report/plan_words.hpp"

namespace runback {
namespace {

constexpr std::size_t kLineWidth = 80;

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t shown = text_width(text);
  return text + std::string(width > shown ? width - shown : 0, ' ');
}

// `text` on lines of at most 80 characters after `indent`, broken at spaces.
std::string wrapped(const std::string& text, const std::string& indent) {
  std::string out, line = indent;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (line.size() > indent.size() && text_width(line) + 1 + text_width(word) > kLineWidth) {
      out += line + "\n";
      line = indent;
    }
    line += (line.size() > indent.size() ? " " : "") + word;
    start = end + 1;
  }
  return out + line + "\n";
}

}  // namespace

std::size_t text_width(const std::string& text) {
  // Continuation bytes (10xxxxxx) do not start a character.
  return std::size_t(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string stage_cell(const RunnerAttention& r) {
  if (!r.planned) return "-";
  if (r.complete) return "complete";
  return std::to_string(r.stage_number) + "/" + std::to_string(r.stage_count);
}

std::string last_log_cell(const RunnerAttention& r) {
  if (!r.planned) return "-";
  if (!r.last_log) return "never";
  if (r.days_silent == 0) return "today";
  if (r.days_silent == 1) return "yesterday";
  return std::to_string(r.days_silent) + " days ago";
}

std::string next_run_cell(const RunnerAttention& r, Date today) {
  if (!r.planned || r.complete) return "-";
  if (r.stopped) return "on hold";
  if (!r.next_run) return "-";
  return *r.next_run == today ? "today" : short_day(*r.next_run);
}

std::string caseload_table(const std::vector<RunnerAttention>& runners, Date today) {
  // Setbacks are in the notes, when there are any: a column of noughts would only be noise.
  const std::vector<std::string> header = {"Runner", "Stage", "Last log", "Pain", "Next run"};
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> widths;
  for (const std::string& title : header) widths.push_back(text_width(title));
  for (const RunnerAttention& r : runners) {
    std::vector<std::string> row = {r.name, stage_cell(r), last_log_cell(r),
                                    r.planned ? pain_trend_text(r.pain) : "-",
                                    next_run_cell(r, today)};
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], text_width(row[i]));
    }
    rows.push_back(std::move(row));
  }
  auto line_of = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += padded(cells[i], widths[i] + 2);
    return line;
  };
  std::string out = line_of(header) + "Needs attention\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line = line_of(rows[i]);
    std::string note = attention_text(runners[i]);
    if (note.empty()) note = "-";
    if (text_width(line) + text_width(note) > kLineWidth) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n" + wrapped(note, "    ");
    } else {
      out += line + note + "\n";
    }
  }
  return out;
}

std::string caseload_summary_line(const RunnerAttention& r, Date today, std::size_t name_width) {
  std::string line = padded(r.name, name_width) + "  ";
  if (!r.planned) return line + attention_text(r) + "\n";
  line += padded(r.complete ? "complete" : "stage " + stage_cell(r), 11) + "  ";
  if (!r.complete) {
    line +=
        padded(r.stopped ? "no running until cleared" : "next run " + next_run_cell(r, today), 24) +
        "  ";
  }
  line += attention_text(r);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "\n";
}

}  // namespace runback

#include "report/text_layout.hpp"

#include <algorithm>

namespace runback {
namespace {

// The words of `text`, split at spaces, with a span in backticks kept as one unit when it fits
// in `room` columns (else as its words).
std::vector<std::string> units(std::string_view text, int room) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < text.size()) {
    if (text[at] == ' ') {
      ++at;
      continue;
    }
    const std::size_t end = std::min(text.find(' ', at), text.size());
    words.emplace_back(text.substr(at, end - at));
    at = end;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const bool opens =
        word.find('`') != std::string::npos && std::count(word.begin(), word.end(), '`') % 2 == 1;
    if (opens) {
      std::size_t close = i + 1;
      while (close < words.size() &&
             std::count(words[close].begin(), words[close].end(), '`') % 2 == 0) {
        ++close;
      }
      if (close < words.size()) {
        std::string span = word;
        for (std::size_t j = i + 1; j <= close; ++j) span += " " + words[j];
        if (display_width(span) <= room) {
          out.push_back(span);
          i = close;
          continue;
        }
      }
    }
    out.push_back(word);
  }
  return out;
}

const char* tone_start(Tone tone) {
  switch (tone) {
    case Tone::alert:
      return "\x1b[1;31m";  // bold red
    case Tone::hold:
      return "\x1b[33m";  // yellow
    case Tone::heading:
      return "\x1b[1m";  // bold
    case Tone::plain:
      break;
  }
  return "";
}

}  // namespace

int display_width(std::string_view text) {
  int columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0x1b) {  // an ANSI escape: ESC [ ... letter
      while (i < text.size() && !(text[i] >= 'A' && text[i] <= 'Z') &&
             !(text[i] >= 'a' && text[i] <= 'z'))
        ++i;
      continue;
    }
    if ((byte & 0xC0) != 0x80) ++columns;  // not a UTF-8 continuation byte
  }
  return columns;
}

std::vector<std::string> wrap_words(std::string_view text, int width, int indent, int hanging) {
  std::vector<std::string> lines;
  std::string current(std::size_t(indent), ' ');
  bool empty = true;
  const int room = width <= 0 ? 1 << 30 : std::max(1, width - hanging);
  for (const std::string& word : units(text, room)) {
    const int wanted = display_width(current) + (empty ? 0 : 1) + display_width(word);
    if (!empty && width > 0 && wanted > width) {
      lines.push_back(current);
      current.assign(std::size_t(hanging), ' ');
      empty = true;
    }
    current += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push_back(current);
  return lines;
}

std::vector<std::string> wrap_command(std::string_view command, int width, int indent) {
  if (width <= 0 || indent + display_width(command) <= width) {
    return {std::string(std::size_t(indent), ' ') + std::string(command)};
  }
  // Two columns kept for the " \" that continues each line in a shell.
  // An option stays with its value ("--answer heel-raises=N"): the space between them is held
  // by a byte no text has while the command is wrapped.
  std::string held(command);
  for (std::size_t at = held.find("--"); at != std::string::npos; at = held.find(" --", at + 1)) {
    const std::size_t space = held.find(' ', at + 1);
    if (space != std::string::npos && space + 1 < held.size() && held[space + 1] != '-') {
      held[space] = '\x1f';
    }
  }
  std::vector<std::string> lines = wrap_words(held, std::max(1, width - 2), indent, indent + 2);
  for (std::string& line : lines) std::replace(line.begin(), line.end(), '\x1f', ' ');
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) lines[i] += " \\";
  return lines;
}

void TextWriter::line(const std::string& text, Tone tone) {
  const char* start = layout_.colour ? tone_start(tone) : "";
  if (*start == 0 || text.find_first_not_of(' ') == std::string::npos) {
    out_ += text + "\n";
    return;
  }
  // The colour starts after the indent, so a coloured block keeps its shape.
  const std::size_t words = text.find_first_not_of(' ');
  out_ += text.substr(0, words) + start + text.substr(words) + "\x1b[0m\n";
}

void TextWriter::paragraph(std::string_view text, int indent, Tone tone) {
  // Text of several lines (a renderer's older words) is a paragraph per line.
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    for (const std::string& l :
         wrap_words(text.substr(0, end), layout_.width, indent, indent + 2)) {
      line(l, tone);
    }
    text.remove_prefix(std::min(end + 1, text.size()));
  }
}

void TextWriter::command(std::string_view text, int indent) {
  for (const std::string& l : wrap_command(text, layout_.width, indent)) line(l, Tone::plain);
}

void TextWriter::line_then_command(std::string_view text, std::string_view command, Tone tone) {
  // The line is held together (one word to the wrapper), so it must leave room for the
  // command's first option and the " \".
  const int room = layout_.width - display_width(text);
  if (layout_.width <= 0 || room < 40 || text.find('\x1f') != std::string_view::npos) {
    paragraph(text, 0, tone);
    this->command(command, 2);
    return;
  }
  std::string held(text);
  std::replace(held.begin(), held.end(), ' ', '\x1f');
  std::vector<std::string> lines =
      wrap_command(held + " " + std::string(command), layout_.width, 0);
  // wrap_command gives back a command that fits as it came, with the line still held.
  for (std::string& l : lines) std::replace(l.begin(), l.end(), '\x1f', ' ');
  for (std::size_t i = 0; i < lines.size(); ++i) line(lines[i], i == 0 ? tone : Tone::plain);
}

}  // namespace runback

#pragma once
// Text that fits the screen it is read on: paragraphs wrapped at spaces to a width (a phone's
// terminal is narrow), and colour for what must not be missed (a stop, a red flag, a hold).

#include <string>
#include <string_view>
#include <vector>

namespace runback {

struct TextLayout {
  int width = 0;        // columns a line may take; 0: lines are not wrapped
  bool colour = false;  // ANSI colour for alerts and holds (a terminal that asked for it)
};

// How a paragraph is shown: alerts (stops, red flags) and holds stand out when colour is on.
enum class Tone { plain, alert, hold, heading };

// The columns `text` takes on a terminal: one per UTF-8 character, none for ANSI escapes.
int display_width(std::string_view text);

// `text` (one paragraph, no newlines) as lines of at most `width` columns, broken only at spaces:
// the first line starts with `indent` spaces, the others with `hanging` spaces. A word longer than
// the room on a line goes on a line of its own, whole. Spans in backticks (a command) are kept on
// one line when they fit on one. Width 0: one line.
std::vector<std::string> wrap_words(std::string_view text, int width, int indent, int hanging);

// A shell command as lines of at most `width` columns, broken only at spaces, each line but the
// last ending in " \" so that the whole still pastes into a shell as one command.
std::vector<std::string> wrap_command(std::string_view command, int width, int indent);

// Writes paragraphs and commands into a text, wrapped and coloured as `layout` says.
class TextWriter {
 public:
  explicit TextWriter(TextLayout layout) : layout_(layout) {}

  // A paragraph (one per line of `text`); its continuation lines are indented `indent + 2`.
  void paragraph(std::string_view text, int indent = 0, Tone tone = Tone::plain);
  // A command to type, on lines of its own at `indent`.
  void command(std::string_view text, int indent);
  // A short line that ends in a command too long for one line anyway: the command starts at the
  // end of that line and goes on below (" \"), a line shorter than the line, then the command.
  // Falls back to the two apart when the line leaves too little room.
  void line_then_command(std::string_view text, std::string_view command, Tone tone);
  void blank() { out_ += "\n"; }
  const std::string& str() const { return out_; }
  const TextLayout& layout() const { return layout_; }

 private:
  void line(const std::string& text, Tone tone);
  TextLayout layout_;
  std::string out_;
};

}  // namespace runback

#pragma once
// `--width N` and `--color never|auto|always` for the commands a runner reads (week, today):
// the text fits the terminal it is shown on, and colour goes only where it is wanted.

#include <string>

#include "context.hpp"
#include "report/text_layout.hpp"

namespace CLI {
class App;
}

namespace runback::cli {

inline constexpr int kMinWidth = 40;
inline constexpr int kMaxWidth = 200;
inline constexpr int kDefaultWidth = 80;  // when the output is not a terminal

struct LayoutOptions {
  int width = 0;  // 0: not given
  std::string color = "auto";
};

void add_layout_options(CLI::App& command, LayoutOptions& options);

// The layout for `context`'s output: the width given, else the terminal's (its size, else
// $COLUMNS), else 80; colour when asked for, or on a terminal unless NO_COLOR is set.
TextLayout text_layout(const Context& context, const LayoutOptions& options);

}  // namespace runback::cli

#include "layout_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>

#include "number_option.hpp"

namespace runback::cli {

void add_layout_options(CLI::App& command, LayoutOptions& options) {
  const std::string range = std::to_string(kMinWidth) + " to " + std::to_string(kMaxWidth);
  command
      .add_option("--width", options.width,
                  "Wrap the text to N columns, " + range +
                      " (default: the terminal's width, or 80 when not a terminal)")
      ->type_name("N")
      ->check(whole_number_in(kMinWidth, kMaxWidth, "a width", "columns"));
  command
      .add_option("--color", options.color,
                  "Colour for stops, red flags and holds: never, auto (on a terminal, unless "
                  "NO_COLOR is set) or always (default: auto)")
      ->type_name("WHEN")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (value == "never" || value == "auto" || value == "always") return {};
            return "'" + value + "' is not one of never, auto, always";
          },
          "WHEN", "COLOR"));
}

TextLayout text_layout(const Context& context, const LayoutOptions& options) {
  TextLayout layout;
  if (options.width > 0) {
    layout.width = options.width;
  } else if (context.out_is_terminal) {
    int columns = context.terminal_columns;
    if (columns <= 0) {
      const auto env_columns = context.env.get("COLUMNS");
      if (env_columns) {
        std::from_chars(env_columns->data(), env_columns->data() + env_columns->size(), columns);
      }
    }
    layout.width = columns > 0 ? std::clamp(columns, kMinWidth, kMaxWidth) : kDefaultWidth;
  } else {
    layout.width = kDefaultWidth;
  }
  layout.colour =
      options.color == "always" ||
      (options.color == "auto" && context.out_is_terminal && !context.env.get("NO_COLOR"));
  return layout;
}

}  // namespace runback::cli

#include "number_option.hpp"

#include <CLI/CLI.hpp>
#include <charconv>

namespace runback::cli {

CLI::Validator whole_number_in(int min, int max, const std::string& noun, const std::string& unit) {
  const std::string range =
      std::to_string(min) + " to " + std::to_string(max) + (unit.empty() ? "" : " " + unit);
  return CLI::Validator(
      [noun, range, min, max](std::string& value) -> std::string {
        int n = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (error != std::errc() || end != value.data() + value.size() || n < min || n > max) {
          return "'" + value + "' is not " + noun + " from " + range;
        }
        return {};
      },
      // No description: the option's type name ("N") and its help, which gives the range, say it.
      "", "RANGE");
}

}  // namespace runback::cli

#pragma once
// Columns aligned for a terminal or a printout. Widths count UTF-8 characters, not bytes.

#include <iosfwd>
#include <string>
#include <vector>

namespace runback::cli {

std::size_t display_width(const std::string& text);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Each row on its own line after `indent`, columns two spaces apart, no trailing spaces.
  void print(std::ostream& out, const std::string& indent = "") const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace runback::cli

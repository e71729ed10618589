#pragma once
// RFC 4180 CSV: fields separated by commas, records by CRLF (LF also read), fields with a
// comma, quote, CR or LF quoted, quotes doubled inside. Text is passed through byte for byte.

#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace runback {

// Appends `field` to `out`, quoted when it needs to be.
void append_csv_field(std::string& out, std::string_view field);
// Appends the fields and a CRLF.
void append_csv_record(std::string& out, const std::vector<std::string_view>& fields);

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next record into `fields` (reusing their storage). False at the end of the text.
  // After an error, record_line() is where the bad record began.
  Result<bool> next(std::vector<std::string>& fields);
  // The 1-based line on which the last record read began.
  int record_line() const { return record_line_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 0;
};

}  // namespace runback

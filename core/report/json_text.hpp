#pragma once
// JSON values written straight into a string, byte for byte as nlohmann::json::dump() writes them
// (no indent, ensure_ascii false, the strict UTF-8 error handler), for writers that skip the DOM
// (report/json_text_writer.hpp). Appending to one reused string keeps them free of allocations.

#include <cstdint>
#include <string>
#include <string_view>

namespace runback {

// `"text"` with `"`, `\` and control characters escaped as dump() escapes them (\b \t \n \f \r,
// else \u00xx) and other bytes, UTF-8 included, copied. Text that is not valid UTF-8 is handed
// to nlohmann, which throws its type_error 316 as dump() would: the DOM and this writer fail alike.
void append_json_string(std::string& out, std::string_view text);

void append_json_int(std::string& out, long long value);
void append_json_unsigned(std::string& out, std::uint64_t value);

// As dump() prints a number_float: "1680.0", "0.0", "-0.0", "0.25", "1e+20"; "null" when not
// finite.
void append_json_double(std::string& out, double value);

inline void append_json_bool(std::string& out, bool value) {
  out += value ? "true" : "false";
}

}  // namespace runback

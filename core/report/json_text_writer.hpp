#pragma once
// A JsonWriter (report/json_writer.hpp) that appends to a string the bytes
// nlohmann::json::dump() would write for the same document (no indent, ensure_ascii false), with
// no DOM in between: what `week --all --format json` writes ten thousand times. Like dump(), it
// throws nlohmann's type_error when a text is not valid UTF-8.

#include <cstdint>
#include <string>
#include <string_view>

#include "report/json_text.hpp"

namespace runback {

class JsonTextWriter {
 public:
  // Appends to `out`: what is there already stays.
  explicit JsonTextWriter(std::string& out) : out_(out) {}

  void begin_object() {
    before_value();
    out_ += '{';
    comma_ = false;
  }
  void end_object() {
    out_ += '}';
    comma_ = true;
  }
  void begin_array() {
    before_value();
    out_ += '[';
    comma_ = false;
  }
  void end_array() {
    out_ += ']';
    comma_ = true;
  }
  void key(std::string_view name) {
    if (comma_) out_ += ',';
    out_ += '"';
    out_ += name;
    out_ += "\":";
    comma_ = false;
  }
  void text_key(std::string_view text) {
    if (comma_) out_ += ',';
    append_json_string(out_, text);
    out_ += ':';
    comma_ = false;
  }
  void string(std::string_view text) {
    before_value();
    append_json_string(out_, text);
  }
  void integer(long long value) {
    before_value();
    append_json_int(out_, value);
  }
  void unsigned_integer(std::uint64_t value) {
    before_value();
    append_json_unsigned(out_, value);
  }
  void number(double value) {
    before_value();
    append_json_double(out_, value);
  }
  void boolean(bool value) {
    before_value();
    append_json_bool(out_, value);
  }
  void null() {
    before_value();
    out_ += "null";
  }

  // Text a JsonTextWriter wrote earlier, copied rather than written again: one whole value, or
  // an object's members without its braces ("a":1,"b":2) into the open object.
  void raw_value(std::string_view written) {
    before_value();
    out_ += written;
  }
  void raw_members(std::string_view written) {
    if (written.empty()) return;
    if (comma_) out_ += ',';
    out_ += written;
    comma_ = true;
  }

 private:
  void before_value() {
    if (comma_) out_ += ',';
    comma_ = true;
  }

  std::string& out_;
  bool comma_ = false;  // a value was written in the open object or array: the next needs a comma
};

}  // namespace runback

#pragma once
// A JsonWriter (report/json_writer.hpp) that builds a nlohmann::ordered_json, keys in the order
// they are written: the value the commands print with dump(2), or add fields to first.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace runback {

class JsonTreeWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);
  void text_key(std::string_view text) { key(text); }
  void string(std::string_view text);
  void integer(long long value);
  void unsigned_integer(std::uint64_t value);
  void number(double value);
  void boolean(bool value);
  void null();

  // The document written: one whole value, every object and array closed.
  nlohmann::ordered_json take() &&;

 private:
  // Where the next value goes: the root, the end of the open array, or the open object's key.
  nlohmann::ordered_json& next_slot();

  nlohmann::ordered_json root_;
  // The open objects and arrays, outermost first. Each is the last value added to the one before,
  // which gets nothing more until it is closed, so the pointers stay valid.
  std::vector<nlohmann::ordered_json*> open_;
  std::string key_;
};

}  // namespace runback

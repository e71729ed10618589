#pragma once
// One definition of each JSON document, two ways to write it. A document (report/*_document.hpp)
// is a function template over a JsonWriter: JsonTreeWriter (report/json_tree_writer.hpp) builds the
// nlohmann value most commands print with dump(2); JsonTextWriter (report/json_text_writer.hpp)
// appends the bytes dump() would write straight into a string, for `week --all --format json`,
// which writes ten thousand weeks. A field added to a document reaches both at once.

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.hpp"

namespace runback {

// A writer is told a document in order, as a stream of events: values go into the open array, or
// under the key just given in the open object. key() takes a plain ASCII name that needs no
// escaping (the documents' own field names); text_key() takes any text (a plugin's answer keys).
template <typename W>
concept JsonWriter = requires(W& w, std::string_view text, long long whole, std::uint64_t count,
                              double number, bool flag) {
  w.begin_object();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.key(text);
  w.text_key(text);
  w.string(text);
  w.integer(whole);
  w.unsigned_integer(count);  // numbers nlohmann holds as unsigned (sizes, seeds)
  w.number(number);           // a double: dump() writes 600 as "600.0"
  w.boolean(flag);
  w.null();
};

// The values the documents share.

template <JsonWriter W>
void write_int_or_null(W& w, const std::optional<int>& value) {
  if (value) {
    w.integer(*value);
  } else {
    w.null();
  }
}

template <JsonWriter W>
void write_number_or_null(W& w, const std::optional<double>& value) {
  if (value) {
    w.number(*value);
  } else {
    w.null();
  }
}

template <JsonWriter W>
void write_date(W& w, Date date) {
  w.string(format_date(date));
}

template <JsonWriter W>
void write_date_or_null(W& w, const std::optional<Date>& date) {
  if (date) {
    write_date(w, *date);
  } else {
    w.null();
  }
}

// [item, ...], each written by write(w, item).
template <JsonWriter W, typename Items, typename Write>
void write_array(W& w, const Items& items, Write write) {
  w.begin_array();
  for (const auto& item : items) write(w, item);
  w.end_array();
}

template <JsonWriter W>
void write_strings(W& w, const std::vector<std::string>& texts) {
  w.begin_array();
  for (const std::string& text : texts) w.string(text);
  w.end_array();
}

}  // namespace runback

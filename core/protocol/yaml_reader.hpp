#pragma once
// Typed reads from a yaml-cpp tree that report what is wrong, and where, instead of throwing.
// Every read takes a Field (a value with the key path that led to it) and returns nothing after
// reporting a diagnostic when the value does not fit; callers carry on so that one pass reports
// every problem in the file.

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "protocol/protocol.hpp"
#include "util/name_table.hpp"

namespace runback::yaml {

// A YAML value and the key path that led to it ("stages[2].session").
struct Field {
  YAML::Node node;
  std::string path;
  SourceLocation where;  // the value's position, or its key's when the value has none
};

// Control characters (newlines in multi-line keys, terminal escapes) as spaces: a diagnostic is
// one line of plain text, whatever the file holds.
std::string printable(std::string_view text);
// "stages" + "session" -> "stages.session"; a key that is not a plain name is quoted.
std::string child_path(const std::string& path, std::string_view key);
std::string index_path(const std::string& path, std::size_t index);

class Reader;

// The entries of a YAML map whose keys have been checked (known, not repeated).
class MapFields {
 public:
  MapFields(Field self, std::vector<std::pair<std::string, Field>> entries)
      : self_(std::move(self)), entries_(std::move(entries)) {}
  const Field& self() const { return self_; }
  // The value of `key`, or nullptr when absent.
  const Field* get(std::string_view key) const;
  // As get(), but reports a missing key at the map, saying what the key is for.
  const Field* require(Reader& reader, std::string_view key, const std::string& what) const;
  // A Field for a key that is absent, placed at the map (for diagnostics about defaults).
  Field missing(std::string_view key) const;

 private:
  Field self_;
  std::vector<std::pair<std::string, Field>> entries_;
};

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }
  SourceLocation location(const YAML::Node& node, const SourceLocation& fallback) const;
  SourceLocation location(const YAML::Mark& mark) const;

  void error(const SourceLocation& where, const std::string& path, std::string message);
  void warning(const SourceLocation& where, const std::string& path, std::string message);
  void error(const Field& field, std::string message) {
    error(field.where, field.path, std::move(message));
  }
  void warning(const Field& field, std::string message) {
    warning(field.where, field.path, std::move(message));
  }
  bool failed() const { return errors_ > 0; }
  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }

  // The protocol format the file declares (`format:`): keys new in a later format are refused
  // by map() with a message that says which format they need.
  void set_format(int format) { format_ = format; }
  int format() const { return format_; }

  // A map whose keys are all in `known`; unknown and repeated keys are reported (repeats keep
  // the first value). `what` names the map for messages: "a stage". `format2` lists the keys of
  // `known` that only format 2 reads: in a format-1 file each is reported, not read.
  std::optional<MapFields> map(const Field& field, std::initializer_list<std::string_view> known,
                               const std::string& what,
                               std::initializer_list<std::string_view> format2 = {});
  // The items of a list. `what` names an item: "stages".
  std::optional<std::vector<Field>> list(const Field& field, const std::string& what);

  // A non-empty scalar.
  std::optional<std::string> text(const Field& field);
  // Lower-case letters, digits and '-', starting with a letter or digit.
  std::optional<std::string> identifier(const Field& field);
  std::optional<int> integer(const Field& field, int min, int max);
  std::optional<double> number(const Field& field, double min, double max);
  std::optional<bool> boolean(const Field& field);
  // A time or distance ("2 min", "400 m") above zero and below a sanity limit.
  std::optional<Amount> amount(const Field& field, std::optional<Amount::Kind> kind);
  // One of `names`; returns its index.
  std::optional<std::size_t> choice(const Field& field, const std::vector<std::string>& names);
  // One of the names of an enum's values; returns the value.
  template <class E, std::size_t N>
  std::optional<E> choice(const Field& field, const NameTable<E, N>& names) {
    const auto index = choice(field, names_in(names));
    if (!index) return std::nullopt;
    return names[*index].first;
  }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  int errors_ = 0;
  int format_ = 1;
};

// "a map", "a list", "nothing", "'abc'": what was found, for "expected X, found Y" messages.
std::string describe_found(const YAML::Node& node);

}  // namespace runback::yaml

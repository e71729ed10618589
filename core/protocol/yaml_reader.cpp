#include "protocol/yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

#include "protocol/amount.hpp"
#include "util/suggest.hpp"

namespace runback::yaml {
namespace {

// Longer than anyone runs or walks in one go in a return-to-running programme: almost surely a
// typo ("20 h" for "20 min").
constexpr double kMaxSegmentSeconds = 5 * 3600;
constexpr double kMaxSegmentMetres = 50000;

std::string list_names(std::initializer_list<std::string_view> names) {
  std::string out;
  for (auto name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string quote(std::string_view text) {
  // Short, and cut only between characters so the message stays valid UTF-8.
  std::size_t end = text.size();
  bool cut = false;
  if (end > 40) {
    end = 40;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    cut = true;
  }
  return "'" + printable(text.substr(0, end)) + (cut ? "...'" : "'");
}

bool is_plain_name(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c == '-';
  });
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = ' ';
  }
  return out;
}

std::string child_path(const std::string& path, std::string_view key) {
  // A key that is not a plain name (spaces, punctuation, several lines) is shown quoted.
  const std::string shown = is_plain_name(key) ? std::string(key) : quote(key);
  return path.empty() ? shown : path + "." + shown;
}

std::string index_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string describe_found(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return quote(node.Scalar());
    default:
      return "nothing";
  }
}

const Field* MapFields::get(std::string_view key) const {
  for (const auto& [name, field] : entries_) {
    if (name == key) return &field;
  }
  return nullptr;
}

const Field* MapFields::require(Reader& reader, std::string_view key,
                                const std::string& what) const {
  if (const Field* field = get(key)) return field;
  reader.error(self_.where, child_path(self_.path, key), "missing; " + what);
  return nullptr;
}

Field MapFields::missing(std::string_view key) const {
  return Field{YAML::Node(), child_path(self_.path, key), self_.where};
}

SourceLocation Reader::location(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return SourceLocation{file_, 0, 0};
  return SourceLocation{file_, mark.line + 1, mark.column + 1};
}

SourceLocation Reader::location(const YAML::Node& node, const SourceLocation& fallback) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0) return fallback;
  return location(mark);
}

void Reader::error(const SourceLocation& where, const std::string& path, std::string message) {
  diagnostics_.push_back(Diagnostic{Severity::error, where, printable(path), printable(message)});
  ++errors_;
}

void Reader::warning(const SourceLocation& where, const std::string& path, std::string message) {
  diagnostics_.push_back(Diagnostic{Severity::warning, where, printable(path), printable(message)});
}

std::optional<MapFields> Reader::map(const Field& field,
                                     std::initializer_list<std::string_view> known,
                                     const std::string& what,
                                     std::initializer_list<std::string_view> format2) {
  if (!field.node.IsMap()) {
    error(field, "expected " + what + " (a map with keys such as " + list_names(known) +
                     "), found " + describe_found(field.node));
    return std::nullopt;
  }
  std::vector<std::string> known_names(known.begin(), known.end());
  std::vector<std::pair<std::string, Field>> entries;
  std::map<std::string, int> first_line;
  for (auto it = field.node.begin(); it != field.node.end(); ++it) {
    const YAML::Node key = it->first;  // a copy: it-> yields a temporary proxy
    const SourceLocation key_where = location(key, field.where);
    if (!key.IsScalar()) {
      error(key_where, field.path, "a key must be a plain name, found " + describe_found(key));
      continue;
    }
    const std::string name = key.Scalar();
    const std::string path = child_path(field.path, name);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      const std::string suggestion = did_you_mean(name, known_names);
      // The keys this file's format reads: a format-1 file is not told of format 2's.
      std::string takes;
      for (auto known_name : known) {
        if (format_ < 2 && std::find(format2.begin(), format2.end(), known_name) != format2.end())
          continue;
        takes += (takes.empty() ? "" : ", ") + std::string(known_name);
      }
      error(key_where, path,
            suggestion.empty() ? "unknown key; " + what + " takes " + takes
                               : "unknown key" + suggestion);
      continue;
    }
    if (format_ < 2 && std::find(format2.begin(), format2.end(), name) != format2.end()) {
      error(key_where, path,
            "is read by protocol format 2, and this file is format " + std::to_string(format_) +
                ": put 'format: 2' at the top of the file (format 2 reads every format-1 file "
                "the same way)");
      continue;
    }
    if (auto seen = first_line.find(name); seen != first_line.end()) {
      error(key_where, path,
            "given twice (first on line " + std::to_string(seen->second) +
                "); each key may appear once");
      continue;
    }
    first_line[name] = key_where.line;
    // An empty value has no position of its own worth showing (yaml-cpp puts it at the next
    // token): point at its key.
    const YAML::Node value = it->second;
    entries.emplace_back(
        name, Field{value, path, value.IsNull() ? key_where : location(value, key_where)});
  }
  return MapFields(field, std::move(entries));
}

std::optional<std::vector<Field>> Reader::list(const Field& field, const std::string& what) {
  if (!field.node.IsSequence()) {
    error(field, "expected a list of " + what + ", found " + describe_found(field.node));
    return std::nullopt;
  }
  std::vector<Field> items;
  std::size_t index = 0;
  for (const auto& item : field.node) {
    items.push_back(Field{item, index_path(field.path, index), location(item, field.where)});
    ++index;
  }
  return items;
}

std::optional<std::string> Reader::text(const Field& field) {
  if (!field.node.IsScalar()) {
    error(field, "expected text, found " + describe_found(field.node));
    return std::nullopt;
  }
  const std::string& value = field.node.Scalar();
  if (std::all_of(value.begin(), value.end(),
                  [](unsigned char c) { return std::isspace(c) != 0; })) {
    error(field, "is empty; expected text");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Reader::identifier(const Field& field) {
  auto value = text(field);
  if (!value) return std::nullopt;
  const bool good = std::isalnum(static_cast<unsigned char>(value->front())) &&
                    std::all_of(value->begin(), value->end(), [](unsigned char c) {
                      return (std::islower(c) != 0) || (std::isdigit(c) != 0) || c == '-';
                    });
  if (!good || value->size() > 64) {
    error(field,
          quote(*value) +
              " is not a valid id; expected lower-case letters, digits and '-' (at most 64), "
              "e.g. 'week-1'");
    return std::nullopt;
  }
  return value;
}

std::optional<int> Reader::integer(const Field& field, int min, int max) {
  const std::string range =
      "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  if (!field.node.IsScalar()) {
    error(field, "expected " + range + ", found " + describe_found(field.node));
    return std::nullopt;
  }
  const std::string& s = field.node.Scalar();
  long long value = 0;
  const char* begin = s.data() + (!s.empty() && s.front() == '+' ? 1 : 0);
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec == std::errc::result_out_of_range) {
    error(field, "is " + quote(s) + ", far out of range; expected " + range);
    return std::nullopt;
  }
  if (ec != std::errc() || ptr != end || begin == end) {
    error(field, "expected " + range + ", found " + quote(s));
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(field, "is " + s + "; expected " + range);
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<double> Reader::number(const Field& field, double min, double max) {
  const std::string range = "a number from " + format_number(min) + " to " + format_number(max);
  if (!field.node.IsScalar()) {
    error(field, "expected " + range + ", found " + describe_found(field.node));
    return std::nullopt;
  }
  const std::string& s = field.node.Scalar();
  double value = 0;
  const char* begin = s.data() + (!s.empty() && s.front() == '+' ? 1 : 0);
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::fixed);
  if (ec != std::errc() || ptr != end || begin == end || !std::isfinite(value)) {
    error(field, "expected " + range + ", found " + quote(s));
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(field, "is " + s + "; expected " + range);
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const Field& field) {
  if (field.node.IsScalar()) {
    std::string s = field.node.Scalar();
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  error(field, "expected true or false, found " + describe_found(field.node));
  return std::nullopt;
}

std::optional<Amount> Reader::amount(const Field& field, std::optional<Amount::Kind> kind) {
  if (!field.node.IsScalar()) {
    const std::string expected = kind == Amount::Kind::time       ? "a time such as '2 min'"
                                 : kind == Amount::Kind::distance ? "a distance such as '400 m'"
                                                                  : "a time or a distance";
    error(field, "expected " + expected + ", found " + describe_found(field.node));
    return std::nullopt;
  }
  auto parsed = parse_amount(field.node.Scalar(), kind);
  if (!parsed) {
    error(field, parsed.error());
    return std::nullopt;
  }
  if (parsed->value <= 0) {
    error(field, "is zero; expected more than zero");
    return std::nullopt;
  }
  const bool time = parsed->kind == Amount::Kind::time;
  // Below a second or a metre, people read "0 s": surely a slip.
  if (parsed->value < 1) {
    error(field, std::string("is less than 1 ") + (time ? "s" : "m") + "; expected at least 1 " +
                     (time ? "s" : "m"));
    return std::nullopt;
  }
  if (parsed->value > (time ? kMaxSegmentSeconds : kMaxSegmentMetres)) {
    error(field,
          "is " + format_amount(*parsed) + ", more than runback accepts for one stretch (" +
              (time ? format_seconds(kMaxSegmentSeconds) : format_metres(kMaxSegmentMetres)) +
              "); is the unit right?");
    return std::nullopt;
  }
  return *parsed;
}

std::optional<std::size_t> Reader::choice(const Field& field,
                                          const std::vector<std::string>& names) {
  std::string expected;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) expected += (i + 1 == names.size()) ? " or " : ", ";
    expected += names[i];
  }
  if (!field.node.IsScalar()) {
    error(field, "expected one of " + expected + ", found " + describe_found(field.node));
    return std::nullopt;
  }
  const std::string& value = field.node.Scalar();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == value) return i;
  }
  error(field, quote(value) + " is not allowed here" + did_you_mean(value, names) + "; expected " +
                   expected);
  return std::nullopt;
}

}  // namespace runback::yaml

// Reads a protocol file: guards against hostile input, parses with yaml-cpp, then reads each
// section (read_*.cpp) and checks the names that point across sections (cross_checks.cpp).
#include "protocol/loader.hpp"

#include <algorithm>

#include "protocol/input_guards.hpp"
#include "protocol/safety.hpp"
#include "protocol/sections.hpp"
#include "protocol/yaml_reader.hpp"

namespace runback {
namespace {

using yaml::Field;

// The text of 1-based line `number`, or "".
std::string_view line_of(std::string_view text, int number) {
  std::size_t start = 0;
  for (int line = 1; line < number; ++line) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool indented_with_tab(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first != std::string_view::npos && line[first] == '\t';
}

// yaml-cpp's own words, with a hint for the mistakes people make most.
std::string explain_parser_error(const std::string& message, std::string_view text, int line) {
  std::string out = "the YAML cannot be read: " + yaml::printable(message);
  for (int candidate : {line, line - 1}) {
    if (candidate >= 1 && indented_with_tab(line_of(text, candidate))) {
      return out + " (line " + std::to_string(candidate) +
             " is indented with a tab; YAML needs spaces)";
    }
  }
  auto says = [&](const char* words) { return message.find(words) != std::string::npos; };
  if (says("flow")) {
    out += " (a '[' or '{' is not closed, or a ',' is missing)";
  } else if (says("end of map not found") || says("end of sequence not found") ||
             says("illegal map value") || says("illegal block entry")) {
    out += " (check the indentation, and that every quote and bracket is closed)";
  }
  return out;
}

void read_header(loading::Loading& loading, const yaml::MapFields& top) {
  auto& reader = loading.reader;
  Protocol& protocol = loading.protocol;
  if (const Field* id = top.require(reader, "id",
                                    "a protocol needs an id, e.g. "
                                    "'id: achilles-midportion'")) {
    if (auto value = reader.identifier(*id)) protocol.id = *value;
  }
  if (const Field* title = top.require(reader, "title", "a protocol needs a title")) {
    if (auto value = reader.text(*title)) protocol.title = *value;
  }
  if (const Field* version =
          top.require(reader, "version", "a protocol needs a version, e.g. 'version: 1.0.0'")) {
    if (auto value = reader.text(*version)) protocol.version = *value;
  }
  if (const Field* condition = top.require(reader, "condition",
                                           "a protocol needs the condition it is for, e.g. "
                                           "'condition: Achilles tendinopathy'")) {
    if (auto value = reader.text(*condition)) protocol.condition = *value;
  }
  if (const Field* summary = top.get("summary")) {
    if (auto value = reader.text(*summary)) protocol.summary = *value;
  }
}

void read_protocol(loading::Loading& loading, const Field& root) {
  auto& reader = loading.reader;
  if (!root.node.IsMap()) {
    reader.error(root.where, "",
                 "the top level must be a map of keys (format, id, title, version, condition, "
                 "pain, stages, ...), found " +
                     yaml::describe_found(root.node));
    return;
  }
  // The format decides which top-level keys are read, so it is known before the map is checked
  // (a bad value is reported below).
  if (const YAML::Node format = root.node["format"];
      format && format.IsScalar() && format.Scalar() == "2") {
    reader.set_format(2);
  }
  auto top = reader.map(
      root, {"format",    "id",          "title",      "version",        "condition",
             "summary",   "authors",     "references", "entry_criteria", "start",
             "frequency", "progression", "pain",       "responses",      "red_flags",
             "stages",    "exercises",   "recovery",   "plugin",         "calendar",
             "step_word", "goal",        "weekly_cap", "options",        "after_goal"},
      "a protocol", {"calendar", "step_word", "goal", "weekly_cap", "options", "after_goal"});
  if (!top) return;
  Protocol& protocol = loading.protocol;
  if (const Field* format = top->get("format")) {
    const std::string value = format->node.IsScalar() ? format->node.Scalar() : "";
    if (value != "1" && value != "2") {
      reader.error(*format, "is " + yaml::describe_found(format->node) +
                                "; this runback reads formats 1 and 2 (a newer runback may read "
                                "this file)");
      return;  // a different format's keys would only give misleading errors
    }
    protocol.format = value == "2" ? 2 : 1;
  }
  reader.set_format(protocol.format);
  read_header(loading, *top);
  if (const Field* authors = top->get("authors")) loading::read_authors(loading, *authors);
  if (const Field* references = top->get("references")) {
    loading::read_references(loading, *references);
  }
  if (const Field* criteria = top->get("entry_criteria")) {
    loading::read_entry_criteria(loading, *criteria);
  }
  if (const Field* start = top->get("start")) loading::read_start(loading, *start);
  // The defaults first: stages resolve their own settings against them.
  if (const Field* frequency = top->get("frequency")) {
    loading::read_frequency(loading, *frequency, protocol.frequency);
  }
  if (const Field* progression = top->get("progression")) {
    loading::read_progression(loading, *progression);
  }
  loading::read_pain(loading, top->get("pain"), root);
  if (const Field* responses = top->get("responses")) loading::read_responses(loading, *responses);
  for (const auto& flag : safety::kBuiltInRedFlags) {
    protocol.red_flags.push_back(RedFlag{std::string(flag.id), std::string(flag.text), true});
  }
  if (const Field* flags = top->get("red_flags")) loading::read_red_flags(loading, *flags);
  loading::read_format2(loading, *top);  // before the stages: their alternatives name the options
  if (const Field* stages =
          top->require(reader, "stages", "a protocol needs a list of stages, easiest first")) {
    loading::read_stages(loading, *stages);
  }
  if (const Field* exercises = top->get("exercises")) {
    loading::read_exercises(loading, *exercises, protocol.exercises);
  }
  if (const Field* recovery = top->get("recovery")) loading::read_recovery(loading, *recovery);
  if (const Field* plugin = top->get("plugin")) loading::read_plugin(loading, *plugin);
  if (const Field* calendar = top->get("calendar")) {
    loading::read_calendar(loading, *calendar, root);
  }
  loading::cross_check(loading);
  loading::check_format2(loading);
  loading::check_after_goal(loading);
}

LoadResult finish(std::vector<Diagnostic> diagnostics, std::optional<Protocol> protocol) {
  // In file order, so a reader can work down the file; whole-file problems first.
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
      });
  LoadResult result;
  if (!has_errors(diagnostics)) result.protocol = std::move(protocol);
  result.diagnostics = std::move(diagnostics);
  return result;
}

}  // namespace

LoadResult load_protocol_text(std::string_view text, const std::string& display_path) {
  if (auto problem = check_protocol_text(text, display_path)) return finish({*problem}, {});
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    const SourceLocation where{display_path, e.mark.is_null() ? 0 : e.mark.line + 1,
                               e.mark.is_null() ? 0 : e.mark.column + 1};
    return finish(
        {Diagnostic{Severity::error, where, "", explain_parser_error(e.msg, text, where.line)}},
        {});
  } catch (const YAML::Exception& e) {
    return finish(
        {Diagnostic{
            Severity::error, {display_path, 0, 0}, "", explain_parser_error(e.msg, text, 0)}},
        {});
  }
  if (auto problem = check_protocol_tree(root, display_path)) return finish({*problem}, {});
  if (root.IsNull()) {
    return finish({Diagnostic{Severity::error,
                              {display_path, 1, 1},
                              "",
                              "the file holds no YAML values (only comments?); a protocol needs "
                              "at least id, title, version, condition, pain and stages"}},
                  {});
  }

  Protocol protocol;
  yaml::Reader reader(display_path);
  loading::Loading loading{reader, protocol, {}, {}, {}, {}, {}, {}};
  const Field root_field{root, "", reader.location(root, SourceLocation{display_path, 1, 1})};
  read_protocol(loading, root_field);
  protocol.source_path = display_path;
  protocol.source_text = std::string(text);
  return finish(reader.take_diagnostics(), std::move(protocol));
}

LoadResult load_protocol_file(const FileSystem& fs, const std::string& path) {
  auto text = fs.read_file(path, kMaxProtocolBytes);
  if (!text) {
    // The file system's message starts with the path; the diagnostic already says it.
    std::string message = text.error();
    if (message.starts_with(path + ": ")) message = message.substr(path.size() + 2);
    LoadResult result = finish({Diagnostic{Severity::error, {path, 0, 0}, "", message}}, {});
    result.error_kind = text.error_kind();
    return result;
  }
  return load_protocol_text(*text, path);
}

}  // namespace runback

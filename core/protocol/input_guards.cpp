#include "protocol/input_guards.hpp"

#include "util/utf8.hpp"

#include <cstddef>
#include <vector>

#include "protocol/loader.hpp"

namespace runback {
namespace {

Diagnostic file_error(const std::string& file, int line, int column, std::string message) {
  return Diagnostic{Severity::error, SourceLocation{file, line, column}, "", std::move(message)};
}

// Line and column (1-based, columns in bytes as yaml-cpp counts them) of a byte offset.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

bool is_blank_or_comment(std::string_view line) {
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') continue;
    return c == '#';
  }
  return true;
}

bool starts_document_marker(std::string_view line, std::string_view marker) {
  if (line.substr(0, 3) != marker) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

struct TreeWalk {
  std::size_t nodes = 0;
  std::optional<YAML::Mark> too_many_at;
  std::optional<YAML::Mark> too_deep_at;

  void visit(const YAML::Node& node, int depth) {
    if (too_many_at || too_deep_at) return;
    if (++nodes > kMaxProtocolNodes) {
      too_many_at = node.Mark();
      return;
    }
    if (depth > kMaxProtocolDepth) {
      too_deep_at = node.Mark();
      return;
    }
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        visit(it->first, depth + 1);
        visit(it->second, depth + 1);
      }
    } else if (node.IsSequence()) {
      for (const auto& item : node) visit(item, depth + 1);
    }
  }
};

}  // namespace

NestingDepth estimate_nesting_depth(std::string_view text, int stop_above) {
  NestingDepth deepest;
  std::vector<int> indents;      // block levels open, by indentation
  int flow = 0;                  // open [ and { brackets
  int block_scalar_indent = -1;  // inside a | or > scalar: the indentation of its key line
  std::size_t line_start = 0;
  int line_number = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    ++line_number;
    int indent = 0;
    while (std::size_t(indent) < line.size() && line[std::size_t(indent)] == ' ') ++indent;
    const bool blank = is_blank_or_comment(line);
    if (block_scalar_indent >= 0 && (blank || indent > block_scalar_indent)) {
      // Text of a literal or folded scalar: not structure.
    } else if (!blank) {
      block_scalar_indent = -1;
      if (flow == 0) {
        while (!indents.empty() && indents.back() >= indent) indents.pop_back();
        indents.push_back(indent);
      }
      int depth_here = int(indents.size()) + flow;
      // Walk the line: flow brackets, compact "- " entries, quotes and comments.
      char quote = 0;
      bool node_start = true;  // the next character begins a node
      for (std::size_t i = std::size_t(indent); i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
          if (c == '\\' && quote == '"') {
            ++i;
          } else if (c == quote) {
            quote = 0;
          }
          continue;
        }
        if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;
        if (c == ' ' || c == '\t') continue;
        if ((c == '"' || c == '\'') && (node_start || flow > 0)) {
          quote = c;
          node_start = false;
          continue;
        }
        if ((c == '[' || c == '{') && (node_start || flow > 0)) {
          ++flow;
          ++depth_here;
          if (depth_here > deepest.depth) deepest = {depth_here, line_number, int(i) + 1};
          if (deepest.depth > stop_above) return deepest;
          node_start = true;
          continue;
        }
        if ((c == ']' || c == '}') && flow > 0) {
          --flow;
          --depth_here;
          continue;
        }
        if (c == ',' && flow > 0) {
          node_start = true;
          continue;
        }
        const bool indicator_space = i + 1 == line.size() || line[i + 1] == ' ';
        if ((c == '-' || c == '?') && node_start && flow == 0 && indicator_space) {
          ++depth_here;  // a compact nested entry: "- - x"
          if (depth_here > deepest.depth) deepest = {depth_here, line_number, int(i) + 1};
          if (deepest.depth > stop_above) return deepest;
          continue;
        }
        if (c == ':' && indicator_space) {
          node_start = true;
          continue;
        }
        if ((c == '|' || c == '>') && node_start && flow == 0) {
          block_scalar_indent = indent;
          break;
        }
        node_start = false;
      }
      if (depth_here > deepest.depth) deepest = {depth_here, line_number, indent + 1};
      if (deepest.depth > stop_above) return deepest;
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  return deepest;
}

std::optional<Diagnostic> check_protocol_text(std::string_view text, const std::string& file) {
  if (text.size() > kMaxProtocolBytes) {
    return file_error(file, 0, 0,
                      "the file is " + std::to_string(text.size() / 1024) +
                          " KiB; runback reads protocol files of up to " +
                          std::to_string(kMaxProtocolBytes / 1024) + " KiB");
  }
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a UTF-8 byte order mark is fine
  bool only_space = true;
  for (; i < text.size();) {
    const char c = text[i];
    if (c == '\0') {
      auto [line, column] = position_of(text, i);
      return file_error(file, line, column,
                        "the file contains a NUL byte; it looks like a binary file, not a YAML "
                        "protocol");
    }
    const std::size_t length = utf8_length(text, i);
    if (length == 0) {
      auto [line, column] = position_of(text, i);
      return file_error(file, line, column,
                        "the file is not valid UTF-8 text here; save it as UTF-8");
    }
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') only_space = false;
    i += length;
  }
  if (only_space) {
    return file_error(file, 1, 1,
                      "the file is empty; a protocol needs at least id, title, version, "
                      "condition, pain and stages");
  }

  // One document per file: yaml-cpp would silently drop the rest.
  enum class State { before, inside, ended } state = State::before;
  std::size_t line_start = 0;
  int line_number = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    ++line_number;
    if (starts_document_marker(line, "---")) {
      if (state != State::before) {
        return file_error(file, line_number, 1,
                          "a second YAML document starts here; a protocol file holds exactly one "
                          "(remove this '---' or split the file)");
      }
      state = State::inside;
    } else if (starts_document_marker(line, "...")) {
      state = State::ended;
    } else if (!is_blank_or_comment(line) && !(state == State::before && line.front() == '%')) {
      if (state == State::ended) {
        return file_error(file, line_number, 1,
                          "text after the end of the YAML document ('...'); a protocol file "
                          "holds exactly one document");
      }
      state = State::inside;
    }
    line_start = line_end + 1;
  }

  const NestingDepth depth = estimate_nesting_depth(text, kMaxProtocolDepth);
  if (depth.depth > kMaxProtocolDepth) {
    return file_error(file, depth.line, depth.column,
                      "the YAML nests more than " + std::to_string(kMaxProtocolDepth) +
                          " levels deep here; a protocol needs far fewer (check the brackets "
                          "and indentation)");
  }
  return std::nullopt;
}

std::optional<Diagnostic> check_protocol_tree(const YAML::Node& root, const std::string& file) {
  TreeWalk walk;
  walk.visit(root, 0);
  // At the node's mark, or at the top of the file when the node has none.
  auto error_at = [&](const YAML::Mark& mark, const std::string& message) {
    if (mark.is_null()) return file_error(file, 1, 1, message);
    return file_error(file, mark.line + 1, mark.column + 1, message);
  };
  if (walk.too_many_at) {
    return error_at(*walk.too_many_at,
                    "the YAML expands to more than " + std::to_string(kMaxProtocolNodes) +
                        " values (aliases such as *name repeat what they point at); runback "
                        "stops reading here");
  }
  if (walk.too_deep_at) {
    return error_at(*walk.too_deep_at,
                    "the YAML nests more than " + std::to_string(kMaxProtocolDepth) +
                        " levels deep once aliases are followed (does an alias point into "
                        "itself?)");
  }
  return std::nullopt;
}

}  // namespace runback

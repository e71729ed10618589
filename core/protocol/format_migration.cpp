#include "protocol/format_migration.hpp"

#include <optional>
#include <regex>

#include "protocol/loader.hpp"

namespace runback {
namespace {

// The start of the top-level `format: 1` line (quoted or not, a comment allowed), or npos.
std::size_t format_line(std::string_view text, std::size_t& length) {
  static const std::regex line(R"((^|\n)format:[ \t]*(1|"1"|'1')[ \t]*(#[^\n]*)?(?=\r?\n|$))");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(text.begin(), text.end(), match, line)) return std::string_view::npos;
  const std::size_t at = std::size_t(match.position(0)) + match.length(1);
  length = std::size_t(match.length(0) - match.length(1));
  return at;
}

// Where a `format: 2` line can go when the file has no format key: before the first line that
// is neither blank, a comment nor a document marker.
std::size_t first_key_line(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    const std::string_view line =
        text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#' && !line.starts_with("---")) {
      return at;
    }
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return text.size();
}

// A `format` key anywhere, in block or flow style (a comment that says "format:" counts too:
// the caller then refuses rather than guess).
bool mentions_format_key(std::string_view text) {
  static const std::regex key(R"((^|[\n{,])[ \t]*format[ \t]*:)");
  return std::regex_search(text.begin(), text.end(), key);
}

}  // namespace

FormatMigration migrate_to_format_2(std::string_view text, const std::string& display_path) {
  FormatMigration migration;
  LoadResult original = load_protocol_text(text, display_path);
  migration.diagnostics = original.diagnostics;
  if (!original.protocol) return migration;
  if (original.protocol->format == 2) {
    migration.outcome = FormatMigration::Outcome::already_format2;
    migration.text = std::string(text);
    return migration;
  }

  std::string rewritten(text);
  // What the rewrite is compared with: the original, with its lines where the rewrite has them
  // (the model records where each part was written).
  std::optional<Protocol> same_lines = std::move(original.protocol);
  std::size_t length = 0;
  if (const std::size_t at = format_line(text, length); at != std::string_view::npos) {
    // Keep a comment on the line: the author's words stay with the key.
    const std::string_view old_line = text.substr(at, length);
    const std::size_t comment = old_line.find('#');
    std::string new_line = "format: 2";
    if (comment != std::string_view::npos) new_line += "  " + std::string(old_line.substr(comment));
    rewritten.replace(at, length, new_line);
  } else if (!mentions_format_key(text)) {
    const std::size_t key_line = first_key_line(text);
    rewritten.insert(key_line, "format: 2\n");
    same_lines =
        load_protocol_text(std::string(text).insert(key_line, "#\n"), display_path).protocol;
    if (!same_lines) return migration;  // cannot happen: a comment line changes nothing
  } else {
    migration.outcome = FormatMigration::Outcome::not_rewritable;
    migration.diagnostics.push_back(
        {Severity::error,
         {display_path, 0, 0},
         "format",
         "the format key is not on a line of its own ('format: 1'), so it cannot be rewritten "
         "safely; change it to 'format: 2' by hand"});
    return migration;
  }

  LoadResult migrated = load_protocol_text(rewritten, display_path);
  if (!migrated.protocol) {
    migration.outcome = FormatMigration::Outcome::not_rewritable;
    migration.diagnostics = migrated.diagnostics;
    return migration;
  }
  Protocol& after = *migrated.protocol;
  after.format = 1;
  after.source_text = same_lines->source_text;
  if (!(after == *same_lines)) {
    // Format 2 promises to read format-1 files the same way; if it ever does not, say so
    // rather than hand back a protocol that means something else.
    migration.outcome = FormatMigration::Outcome::not_rewritable;
    migration.diagnostics.push_back({Severity::error,
                                     {display_path, 0, 0},
                                     "format",
                                     "format 2 would read this file differently; it was not "
                                     "rewritten (please report this)"});
    return migration;
  }
  migration.outcome = FormatMigration::Outcome::migrated;
  migration.text = std::move(rewritten);
  return migration;
}

}  // namespace runback

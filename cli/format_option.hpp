#pragma once
// The one --format vocabulary of every command: `text` (what a person reads, the default),
// `json` (docs/json.md) and, for history, `csv`. Some commands called text `table`; that name is
// still accepted, so scripts keep working, but help shows only `text`.

#include <initializer_list>
#include <string>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace runback::cli {

enum class Format { text, json, csv };

const char* format_name(Format format);

// Adds --format to `command`, taking the formats it prints (text among them). `format` is set to
// "text" now, and to the name of the format given on the command line: "text" (also for
// `table`), "json" or "csv".
CLI::Option* add_format_option(CLI::App& command, std::string& format,
                               std::initializer_list<Format> formats);

}  // namespace runback::cli

#include "format_option.hpp"

#include <CLI/CLI.hpp>
#include <vector>

#include "util/name_table.hpp"

namespace runback::cli {
namespace {

constexpr NameTable<Format, 3> kFormatNames{
    {{Format::text, "text"}, {Format::json, "json"}, {Format::csv, "csv"}}};

// The old name of `text` in the record commands.
constexpr const char* kTextAlias = "table";

}  // namespace

const char* format_name(Format format) {
  return name_of(format, kFormatNames);
}

CLI::Option* add_format_option(CLI::App& command, std::string& format,
                               std::initializer_list<Format> formats) {
  std::vector<std::string> names;
  for (Format f : formats) names.emplace_back(format_name(f));
  std::string listed, braced;  // "text or json", "{text,json}"
  for (std::size_t i = 0; i < names.size(); ++i) {
    listed += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    braced += (i == 0 ? "" : ",") + names[i];
  }
  braced = "{" + braced + "}";
  format = format_name(Format::text);
  const CLI::Validator one_of(
      [names, braced](std::string& value) -> std::string {
        if (value == kTextAlias) value = format_name(Format::text);
        for (const auto& name : names) {
          if (value == name) return {};
        }
        return value + " not in " + braced;
      },
      braced, "FORMAT");
  return command.add_option("--format", format, "Output format: " + listed + " (default: text)")
      ->transform(one_of)
      ->type_name("FORMAT");
}

}  // namespace runback::cli

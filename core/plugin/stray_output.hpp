#pragma once
// What a plugin printed to standard output, which is not its to use: quoted in the error that
// names the plugin and the call, by the plugin host that caught it.

#include <string>

namespace runback {

// "LABEL: wrote to standard output DURING: 'TEXT' (plugins must not print; use stderr)";
// `during` is "during `verdict`", "while loading", ...; TEXT is shown on one line (a line break as
// \n, other control characters as ?) and cut short after 60 characters.
std::string stray_output_error(const std::string& label, const std::string& during,
                               const std::string& text);

}  // namespace runback

#pragma once
// What a plugin printed to standard output, which is not its to use: quoted in the error that
// names the plugin and the call, by the plugin host that caught it.

#include <string>

namespace runback {

// "'{\"not\": \"runback's output\"}\n'": on one line (a line break shown as \n, other control
// characters as ?), cut short after 60 characters.
std::string quoted_stray_output(const std::string& text);

// "LABEL: wrote to standard output DURING: 'TEXT' (plugins must not print; use stderr)";
// `during` is "during `verdict`", "while loading", ...
std::string stray_output_error(const std::string& label, const std::string& during,
                               const std::string& text);

}  // namespace runback

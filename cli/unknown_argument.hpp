#pragma once
// What runback says when a command line holds an option or command it does not know: the word,
// the command it was given to, and the closest name it does know ("did you mean '--days'?"),
// in place of CLI11's bare "The following arguments were not expected".

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace runback::cli {

// The message for the first argument `app` did not expect once it has failed to parse, or
// nothing when every argument was expected (the failure was something else).
std::optional<std::string> unknown_argument_message(const CLI::App& app);

}  // namespace runback::cli

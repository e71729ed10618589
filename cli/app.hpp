#pragma once
// The whole command line: the global options, every command, and the exit status. main() runs
// it with the real I/O; tests run it in process with fakes (a fixed clock, captured output).

#include "context.hpp"

namespace runback::cli {

// Parses argv (argv[0] is the program's name) and runs the command it names. Returns the exit
// status: the command's, or 2 for a command line CLI11 refuses, 0 for --help and --version.
int run_command_line(int argc, const char* const* argv, Context& context);

}  // namespace runback::cli

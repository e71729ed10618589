#pragma once
// How a command's outcome becomes runback's exit status: from the kind of error (ErrorKind,
// util/result.hpp), here and nowhere else, so that every command means the same by a status.

#include <string>

#include "util/result.hpp"

namespace runback::cli {

struct Context;

inline constexpr int kExitOk = 0;

// The exit status of a command that failed with an error of `kind`:
//   1  io, plugin: something outside the user's input went wrong (the machine, a disk, a
//      database that cannot be written, a plugin that cannot be loaded or failed);
//   2  bad_input, not_found, conflict: the user's input is wrong (a flag, a file's content, a
//      name that does not exist, a change that clashes with the records). A command line that
//      cannot be parsed is bad_input too.
// 0 is success, and --help and --version. README.md ("Exit status") says the same to users.
int exit_status(ErrorKind kind);

// Prints "runback: MESSAGE" on stderr and sets the exit status for `kind`.
void fail(Context& context, ErrorKind kind, const std::string& message);
void fail(Context& context, const Error& error);

}  // namespace runback::cli

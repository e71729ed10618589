#pragma once
// Writing a whole file the command line was asked to write (an export, a migrated protocol).

#include <string>

#include "util/result.hpp"

namespace runback::cli {

// Writes through a temporary file and a rename, so an interrupted write never leaves half a
// file where a whole one was. Errors start with `flag_or_what` ("--csv", "FILE") and the path.
Status write_file_atomically(const std::string& path, const std::string& content,
                             const std::string& flag_or_what);

}  // namespace runback::cli

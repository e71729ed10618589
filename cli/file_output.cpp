#include "file_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace runback::cli {

Status write_file_atomically(const std::string& path, const std::string& content,
                             const std::string& flag_or_what) {
  const std::string temporary = path + ".runback-tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    return Error{flag_or_what + ": cannot write " + path + ": " + std::strerror(errno)};
  }
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size() &&
                       std::fflush(file) == 0 && fsync(fileno(file)) == 0;
  const int saved_errno = errno;
  std::fclose(file);
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Error{flag_or_what + ": cannot write " + path + ": " +
                 std::strerror(written ? errno : saved_errno)};
  }
  return ok_status();
}

}  // namespace runback::cli

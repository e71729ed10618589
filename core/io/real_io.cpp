#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "io/environment.hpp"
#include "io/file_system.hpp"

namespace runback {

Result<std::string> RealFileSystem::read_file(const std::string& path,
                                              std::size_t max_bytes) const {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error{path + ": is a directory, not a file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!std::filesystem::exists(path, ec)) {
      return Error{path + ": no such file", ErrorKind::not_found};
    }
    return Error{path + ": cannot be read (check its permissions)", ErrorKind::io};
  }
  std::string content;
  // Read straight into a buffer of the file's size: growing one as the reads came copied a
  // plugin library (half a megabyte, read by every command that plans) several times over.
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size <= max_bytes) {
    content.resize(static_cast<std::size_t>(size));
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(in.gcount()));
    if (content.size() < size) return content;  // it shrank since: what is there
  }
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (content.size() > max_bytes) {
      return Error{path + ": the file is larger than " + std::to_string(max_bytes / 1024) +
                   " KiB, more than runback reads"};
    }
  }
  return content;
}

Status RealFileSystem::read_in_pieces(const std::string& path, std::size_t max_bytes,
                                      FilePieces& into) const {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Error{path + ": no such file", ErrorKind::not_found};
    return Error{path + ": cannot be read (check its permissions)", ErrorKind::io};
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat status {};
  if (::fstat(fd, &status) != 0) return Error{path + ": cannot be read", ErrorKind::io};
  if (S_ISDIR(status.st_mode)) return Error{path + ": is a directory, not a file"};
  const auto size = static_cast<std::uint64_t>(status.st_size);
  if (size > max_bytes) {
    return Error{path + ": the file is larger than " + std::to_string(max_bytes / 1024) +
                 " KiB, more than runback reads"};
  }
  into.size(size);
  // A small buffer used again and again: a few pages to touch, however large the file.
  char buffer[16384];
  std::uint64_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, buffer, std::min<std::uint64_t>(sizeof buffer, size - done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{path + ": cannot be read", ErrorKind::io};
    if (n == 0) break;
    into.piece(std::string_view(buffer, static_cast<std::size_t>(n)));
    done += static_cast<std::uint64_t>(n);
  }
  if (done != size) return Error{path + ": the file changed while runback read it", ErrorKind::io};
  return ok_status();
}

bool RealFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool RealFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

std::vector<std::string> RealFileSystem::list_directory(const std::string& path) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> RealEnvironment::get(const std::string& name) const {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::string Clock::utc_timestamp() const {
  const std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Date SystemClock::today() const {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return make_date(local.tm_year + 1900, unsigned(local.tm_mon + 1), unsigned(local.tm_mday));
}

std::optional<std::string> xdg_config_home(const Environment& env) {
  if (auto dir = env.get("XDG_CONFIG_HOME")) return dir;
  if (auto home = env.get("HOME")) return *home + "/.config";
  return std::nullopt;
}

std::optional<std::string> xdg_data_home(const Environment& env) {
  if (auto dir = env.get("XDG_DATA_HOME")) return dir;
  if (auto home = env.get("HOME")) return *home + "/.local/share";
  return std::nullopt;
}

}  // namespace runback

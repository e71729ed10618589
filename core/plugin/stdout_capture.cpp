#include "plugin/stdout_capture.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <iostream>

namespace runback {

StdoutCapture::StdoutCapture() {
  int ends[2];
  // Non-blocking both ways: a plugin printing more than the pipe holds gets EAGAIN, not a host
  // stuck in its hook; the host reads without waiting.
  if (::pipe2(ends, O_NONBLOCK | O_CLOEXEC) != 0) return;
  std::fflush(stdout);
  if (::dup2(ends[1], STDOUT_FILENO) < 0) {
    ::close(ends[0]);
    ::close(ends[1]);
    return;
  }
  ::close(ends[1]);
  read_end_ = ends[0];
}

StdoutCapture::~StdoutCapture() {
  if (read_end_ >= 0) ::close(read_end_);
}

std::string StdoutCapture::take() {
  std::fflush(stdout);
  std::cout.flush();
  std::string printed;
  if (read_end_ < 0) return printed;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(read_end_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (printed.size() < sizeof buffer) printed.append(buffer, static_cast<std::size_t>(n));
  }
  return printed;
}

}  // namespace runback

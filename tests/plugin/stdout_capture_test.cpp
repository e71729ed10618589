#include "plugin/stdout_capture.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <iostream>
#include <string>

using runback::StdoutCapture;

namespace {

void write_fd1(const std::string& bytes) {
  REQUIRE(::write(STDOUT_FILENO, bytes.data(), bytes.size()) == ssize_t(bytes.size()));
}

ino_t fd1_inode() {
  struct stat status {};
  ::fstat(STDOUT_FILENO, &status);
  return status.st_ino;
}

}  // namespace

TEST_CASE("the plugin host's stdout capture takes what each call printed, however printed",
          "[plugin][stdout-capture]") {
  std::cout.flush();
  std::fflush(stdout);
  const ino_t before = fd1_inode();
  std::string by_printf, by_write, nothing_after, by_reopen, zeros, zeros_at_end, big;
  {
    StdoutCapture capture;
    std::printf("a cue\n");  // buffered: take() flushes stdio first
    by_printf = capture.take();
    write_fd1("ignore pain");
    by_write = capture.take();
    nothing_after = capture.take();
    // /dev/stdout opened again writes at its own offset, from the start of the file.
    const int again = ::open("/dev/stdout", O_WRONLY);
    if (again >= 0) {
      REQUIRE(::write(again, "reopened", 8) == 8);
      ::close(again);
    }
    by_reopen = capture.take();
    write_fd1(std::string(3, '\0'));
    zeros = capture.take();                // not seen call by call...
    zeros_at_end = capture.take_at_end();  // ...but once a request
    write_fd1(std::string(10000, 'x'));
    big = capture.take();
    CHECK(capture.take_at_end().empty());
  }
  CHECK(fd1_inode() == before);  // fd 1 is put back
  CHECK(by_printf == "a cue\n");
  CHECK(by_write == "ignore pain");
  CHECK(nothing_after.empty());
  CHECK(by_reopen == "reopened");
  CHECK(zeros.empty());
  CHECK(zeros_at_end == std::string(3, '\0'));
  CHECK(big == std::string(4096, 'x'));  // the first 4 KB, for the message
}

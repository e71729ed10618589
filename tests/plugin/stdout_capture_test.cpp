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
  std::string by_printf, by_write, nothing_after, by_reopen, reopened_again, reopened_at_end;
  std::string far, far_at_end, zeros, zeros_at_end, big;
  ssize_t past_the_end = 0;
  {
    StdoutCapture capture;
    std::printf("a cue\n");  // buffered: take() flushes stdio first
    by_printf = capture.take();
    write_fd1("ignore pain");
    by_write = capture.take();
    nothing_after = capture.take();
    // /dev/stdout opened again writes at its own offset: first at the start of the file...
    const int again = ::open("/dev/stdout", O_WRONLY);
    REQUIRE(again >= 0);
    REQUIRE(::write(again, "reopened", 8) == 8);
    by_reopen = capture.take();
    // ...then after what was taken, where only a look at the whole file finds it.
    REQUIRE(::write(again, "again", 5) == 5);
    reopened_again = capture.take();
    reopened_at_end = capture.take_at_end();
    // ...or anywhere else, beyond the page looked at.
    REQUIRE(::lseek(again, 20000, SEEK_SET) == 20000);
    REQUIRE(::write(again, "far", 3) == 3);
    far = capture.take();
    far_at_end = capture.take_at_end();
    ::close(again);
    write_fd1(std::string(3, '\0'));
    zeros = capture.take();                // not seen call by call...
    zeros_at_end = capture.take_at_end();  // ...but once a request
    write_fd1(std::string(10000, 'x'));
    big = capture.take();
    CHECK(capture.take_at_end().empty());
    // A plugin printing without end is stopped at 64 KB, as a pipe stopped it.
    std::string endless(70000, 'y');
    past_the_end = ::write(STDOUT_FILENO, endless.data(), endless.size());
    CHECK(capture.take() == std::string(4096, 'y'));
  }
  CHECK(fd1_inode() == before);  // fd 1 is put back
  CHECK(by_printf == "a cue\n");
  CHECK(by_write == "ignore pain");
  CHECK(nothing_after.empty());
  CHECK(by_reopen == "reopened");
  CHECK(reopened_again.empty());
  CHECK(reopened_at_end == "again");
  CHECK(far.empty());
  CHECK(far_at_end == "far");
  CHECK(past_the_end == 65536);
  CHECK(zeros.empty());
  CHECK(zeros_at_end == std::string(3, '\0'));
  CHECK(big == std::string(4096, 'x'));  // the first 4 KB, for the message
}

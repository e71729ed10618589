#include <malloc.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app.hpp"

namespace {

std::string running_executable(const char* argv0) {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) return self.string();
  return std::filesystem::absolute(argv0, ec).string();
}

// The width of the terminal `fd` shows, or 0.
int terminal_columns(int fd) {
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace runback;
  // A command lives for a moment: glibc's returning freed memory to the system after each plan,
  // and faulting it in again for the next, was a fifth of `week --all`'s time.
  ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
  ::mallopt(M_MMAP_THRESHOLD, 64 << 20);
  RealFileSystem fs;
  RealEnvironment env;
  SystemClock clock;
  cli::Context context{.fs = fs,
                       .env = env,
                       .clock = clock,
                       .out = std::cout,
                       .err = std::cerr,
                       .in = std::cin,
                       .in_is_terminal = isatty(STDIN_FILENO) != 0,
                       .out_is_terminal = isatty(STDOUT_FILENO) != 0,
                       .terminal_columns = terminal_columns(STDOUT_FILENO),
                       .executable_path = running_executable(argv[0])};

  return cli::run_command_line(argc, argv, context);
}

#pragma once
// The plugin host's standard output, which belongs to nobody: a plugin must not print (runback's
// own output would carry it). The host points it at a pipe of its own and, after each hook, takes
// what the hook printed, so the error names the very call that printed.

#include <string>

namespace runback {

class StdoutCapture {
 public:
  // Replaces fd 1 with the capture; on failure fd 1 is left as it was and take() gives nothing.
  StdoutCapture();
  ~StdoutCapture();
  StdoutCapture(const StdoutCapture&) = delete;
  StdoutCapture& operator=(const StdoutCapture&) = delete;

  // What was printed since the last call (its first 4 KB), stdio's buffers flushed first.
  std::string take();

 private:
  int read_end_ = -1;
};

}  // namespace runback

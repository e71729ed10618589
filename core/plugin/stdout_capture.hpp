#pragma once
// The plugin host's standard output, which belongs to nobody: a plugin must not print (runback's
// own output would carry it). The host points it at a file of its own, in memory, and after each
// hook takes what the hook printed, so the error names the very call that printed.
//
// Looking costs no system call: the file's first page is mapped, and the host only reads whether
// it is still all zeros (a hook runs thousands of times in a caseload; a read of an empty pipe
// after each was two fifths of the host's time). A hook that prints nothing but zero bytes is
// not seen there; at_end() sees it, once a request, and then cannot tell which call it was.

#include <string>

namespace runback {

class StdoutCapture {
 public:
  // Replaces fd 1 with the capture; on failure fd 1 is left as it was and nothing is taken. The
  // destructor puts fd 1 back.
  StdoutCapture();
  ~StdoutCapture();
  StdoutCapture(const StdoutCapture&) = delete;
  StdoutCapture& operator=(const StdoutCapture&) = delete;

  // What was printed since the last take (its first 4 KB), stdio's buffers flushed first; empty
  // when nothing was, or only zero bytes were.
  std::string take();
  // take(), and also output of zero bytes only (one system call): for the end of a request.
  std::string take_at_end();

 private:
  std::string collect();

  int file_ = -1;   // the capture, also fd 1
  int saved_ = -1;  // fd 1 as it was
  const volatile unsigned char* first_page_ = nullptr;
};

}  // namespace runback

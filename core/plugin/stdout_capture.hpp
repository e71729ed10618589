#pragma once
// The plugin host's standard output, which belongs to nobody: a plugin must not print (runback's
// own output would carry it). The host points it at a file of its own, in memory, and after each
// hook takes what the hook printed, so the error names the very call that printed.
//
// Looking costs no system call: the file is mapped, and after each hook the host only reads
// whether its first bytes are still zeros (a hook runs thousands of times in a caseload; a read
// of an empty pipe after each was two fifths of the host's time). Output that does not start
// there (zero bytes, or /dev/stdout opened again and written after what was taken) is seen by
// take_at_end(), once a request, which cannot tell which call it was.
//
// The file holds 64 KB, as a pipe does, and cannot grow or shrink: a plugin that prints without
// end gets write errors, not the machine's memory.

#include <cstddef>
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
  // when nothing was.
  std::string take();
  // take(), and also output that did not start at the beginning of the file (two system calls
  // and a look at the first page): for the end of a request.
  std::string take_at_end();

 private:
  std::string collect();
  // The file's storage, in 512-byte blocks.
  long long allocated_blocks() const;

  int file_ = -1;                         // the capture, also fd 1
  int saved_ = -1;                        // fd 1 as it was
  const unsigned char* view_ = nullptr;   // the whole file, read-only
  long long blocks_with_first_page_ = 0;  // the storage of a file nothing was written to
};

}  // namespace runback

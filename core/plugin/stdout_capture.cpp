#include "plugin/stdout_capture.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <iostream>

namespace runback {

namespace {

constexpr std::size_t kCapacity = 64 * 1024;  // what a pipe holds
constexpr std::size_t kKept = 4096;           // what the message quotes from

bool zero(unsigned char byte) {
  return byte == 0;
}

}  // namespace

StdoutCapture::StdoutCapture() {
  const int file = ::memfd_create("runback-plugin-stdout", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (file < 0) return;
  void* view = MAP_FAILED;
  // Sealed at its size: a write past the end fails, and the mapping can never lose its pages
  // (a plugin truncating its stdout would otherwise crash the host when it looks).
  if (::ftruncate(file, kCapacity) == 0 &&
      ::fcntl(file, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) == 0) {
    view = ::mmap(nullptr, kCapacity, PROT_READ, MAP_SHARED, file, 0);
  }
  std::fflush(stdout);
  saved_ = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (view == MAP_FAILED || ::dup2(file, STDOUT_FILENO) < 0) {
    if (view != MAP_FAILED) ::munmap(view, kCapacity);
    ::close(file);
    if (saved_ >= 0) ::close(saved_);
    saved_ = -1;
    return;
  }
  file_ = file;
  view_ = static_cast<const unsigned char*>(view);
  blocks_with_first_page_ = allocated_blocks();
}

long long StdoutCapture::allocated_blocks() const {
  // The first page is read after every hook, which gives it storage; the rest has none until
  // something is written there.
  [[maybe_unused]] volatile unsigned char first = view_[0];
  struct stat status {};
  return ::fstat(file_, &status) == 0 ? static_cast<long long>(status.st_blocks) : 0;
}

StdoutCapture::~StdoutCapture() {
  if (file_ < 0) return;
  std::fflush(stdout);
  if (saved_ >= 0) {
    ::dup2(saved_, STDOUT_FILENO);
    ::close(saved_);
  }
  ::munmap(const_cast<unsigned char*>(view_), kCapacity);
  ::close(file_);
}

std::string StdoutCapture::collect() {
  // From the first byte written (or the start) to the last, or to fd 1's offset when only zero
  // bytes were written there; at most kKept of it.
  const off_t offset = std::max<off_t>(::lseek(STDOUT_FILENO, 0, SEEK_CUR), 0);
  const unsigned char* end = view_ + kCapacity;
  const unsigned char* first = std::find_if_not(view_, end, zero);
  if (first == end) first = view_;
  const auto last =
      std::find_if_not(std::make_reverse_iterator(end), std::make_reverse_iterator(first), zero)
          .base();
  const unsigned char* stop = std::max(last, view_ + std::min<std::size_t>(offset, kCapacity));
  std::string printed(first, std::min(stop, first + kKept));
  // Emptied for the next call: its storage given back (it reads as zeros again), or zeros
  // written over it where that cannot be done; and fd 1 rewound.
  if (::fallocate(file_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, kCapacity) != 0) {
    static constexpr char kZeros[4096] = {};
    for (std::size_t at = 0; at < kCapacity; at += sizeof kZeros) {
      if (::pwrite(file_, kZeros, sizeof kZeros, static_cast<off_t>(at)) < 0) break;
    }
  }
  ::lseek(STDOUT_FILENO, 0, SEEK_SET);
  return printed;
}

std::string StdoutCapture::take() {
  std::fflush(stdout);
  std::cout.flush();
  if (file_ < 0 || std::all_of(view_, view_ + 8, zero)) return {};
  return collect();
}

std::string StdoutCapture::take_at_end() {
  std::string printed = take();
  if (!printed.empty() || file_ < 0) return printed;
  // Zero bytes at fd 1's offset, a write elsewhere in the first page, or anything beyond it
  // (which gave the file more storage than the first page's): without reading every page.
  if (::lseek(STDOUT_FILENO, 0, SEEK_CUR) > 0 || !std::all_of(view_, view_ + kKept, zero) ||
      allocated_blocks() > blocks_with_first_page_) {
    printed = collect();
  }
  return printed;
}

}  // namespace runback

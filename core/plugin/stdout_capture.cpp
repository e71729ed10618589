#include "plugin/stdout_capture.hpp"

#include <fcntl.h>
#include <sys/mman.h>
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
  // Emptied for the next call: zeros written over it, and fd 1 rewound.
  static constexpr char kZeros[4096] = {};
  for (std::size_t at = 0; at < kCapacity; at += sizeof kZeros) {
    if (::pwrite(file_, kZeros, sizeof kZeros, static_cast<off_t>(at)) < 0) break;
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
  if (printed.empty() && file_ >= 0 &&
      (!std::all_of(view_, view_ + kCapacity, zero) || ::lseek(STDOUT_FILENO, 0, SEEK_CUR) > 0)) {
    printed = collect();
  }
  return printed;
}

}  // namespace runback

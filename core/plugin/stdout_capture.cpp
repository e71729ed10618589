#include "plugin/stdout_capture.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <iostream>

namespace runback {

namespace {

// The part of the output kept for the message, and the part of the file mapped to look at.
constexpr std::size_t kKept = 4096;

}  // namespace

StdoutCapture::StdoutCapture() {
  const int file = ::memfd_create("runback-plugin-stdout", MFD_CLOEXEC);
  if (file < 0) return;
  void* page = MAP_FAILED;
  if (::ftruncate(file, kKept) == 0) {
    page = ::mmap(nullptr, kKept, PROT_READ, MAP_SHARED, file, 0);
  }
  std::fflush(stdout);
  saved_ = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (page == MAP_FAILED || ::dup2(file, STDOUT_FILENO) < 0) {
    if (page != MAP_FAILED) ::munmap(page, kKept);
    ::close(file);
    if (saved_ >= 0) ::close(saved_);
    saved_ = -1;
    return;
  }
  file_ = file;
  first_page_ = static_cast<const volatile unsigned char*>(page);
}

StdoutCapture::~StdoutCapture() {
  if (file_ < 0) return;
  std::fflush(stdout);
  if (saved_ >= 0) {
    ::dup2(saved_, STDOUT_FILENO);
    ::close(saved_);
  }
  ::munmap(const_cast<unsigned char*>(first_page_), kKept);
  ::close(file_);
}

std::string StdoutCapture::collect() {
  // What a write put at fd 1's offset, or a file opened again (/dev/stdout) at its own: the
  // longer, within the first page.
  const off_t offset = ::lseek(STDOUT_FILENO, 0, SEEK_CUR);
  std::size_t end = offset > 0 ? std::min<std::size_t>(std::size_t(offset), kKept) : 0;
  for (std::size_t i = kKept; i > end; --i) {
    if (first_page_[i - 1] != 0) {
      end = i;
      break;
    }
  }
  std::string printed(end, '\0');
  for (std::size_t i = 0; i < end; ++i) printed[i] = static_cast<char>(first_page_[i]);
  if (printed.empty() && offset > 0) printed.assign(std::min<std::size_t>(offset, 16), '\0');
  // Emptied for the next call: cut to nothing (the page reads as zeros again) and rewound.
  if (::ftruncate(file_, 0) != 0 || ::ftruncate(file_, kKept) != 0) return printed;
  ::lseek(STDOUT_FILENO, 0, SEEK_SET);
  return printed;
}

std::string StdoutCapture::take() {
  std::fflush(stdout);
  std::cout.flush();
  if (file_ < 0) return {};
  bool printed = false;
  for (std::size_t i = 0; i < 8 && !printed; ++i) printed = first_page_[i] != 0;
  return printed ? collect() : std::string();
}

std::string StdoutCapture::take_at_end() {
  std::string printed = take();
  if (printed.empty() && file_ >= 0 && ::lseek(STDOUT_FILENO, 0, SEEK_CUR) > 0) {
    printed = collect();
  }
  return printed;
}

}  // namespace runback

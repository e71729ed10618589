#pragma once
// Files behind a tiny interface so tests can use an in-memory fake
// (tests/support/fake_file_system).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace runback {

// What FileSystem::read_in_pieces hands a file's bytes to.
class FilePieces {
 public:
  virtual ~FilePieces() = default;
  virtual void size(std::uint64_t bytes) = 0;      // first, once
  virtual void piece(std::string_view bytes) = 0;  // then the bytes in order, `size` of them
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads at most max_bytes; a larger file is an error that says so, so callers never load a
  // runaway file into memory. Errors start with the path, and are of ErrorKind::not_found for a
  // missing file, io for one that cannot be read, bad_input for a directory or a file too large.
  virtual Result<std::string> read_file(const std::string& path, std::size_t max_bytes) const = 0;
  // As read_file, a piece at a time, for a file that is only looked through once: the whole of
  // it is never held (a plugin library, hashed by every command that plans, is half a megabyte
  // that a fresh process pays for page by page). This default reads it whole.
  virtual Status read_in_pieces(const std::string& path, std::size_t max_bytes,
                                FilePieces& into) const;
  virtual bool is_file(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // Names (not paths) of the entries of a directory, sorted; empty if it is not one.
  virtual std::vector<std::string> list_directory(const std::string& path) const = 0;
};

// The machine's real file system.
class RealFileSystem final : public FileSystem {
 public:
  Result<std::string> read_file(const std::string& path, std::size_t max_bytes) const override;
  Status read_in_pieces(const std::string& path, std::size_t max_bytes,
                        FilePieces& into) const override;
  bool is_file(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
};

}  // namespace runback

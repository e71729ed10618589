#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "io/file_system.hpp"
#include "support/run_process.hpp"

using namespace runback;
using runback::testing::TempDir;

namespace {

// Keeps what it is handed, and how it was handed.
struct Kept final : FilePieces {
  void size(std::uint64_t bytes) override {
    ++sizes;
    announced = bytes;
  }
  void piece(std::string_view bytes) override {
    ++pieces;
    content.append(bytes);
  }
  int sizes = 0;
  int pieces = 0;
  std::uint64_t announced = 0;
  std::string content;
};

std::string written(const TempDir& dir, const std::string& name, const std::string& content) {
  std::ofstream(dir.file(name), std::ios::binary) << content;
  return dir.file(name);
}

}  // namespace

TEST_CASE("a file read in pieces gives its size first, then every byte in order", "[io]") {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 40003; ++i) content.push_back(static_cast<char>(i * 7 % 251));
  const std::string path = written(dir, "library.so", content);
  RealFileSystem fs;
  Kept kept;
  REQUIRE(fs.read_in_pieces(path, content.size(), kept).ok());
  CHECK(kept.sizes == 1);
  CHECK(kept.announced == content.size());
  CHECK(kept.content == content);
  CHECK(kept.pieces > 1);  // never held whole
  CHECK(kept.content == *fs.read_file(path, content.size()));

  Kept empty;
  REQUIRE(fs.read_in_pieces(written(dir, "empty", ""), 10, empty).ok());
  CHECK(empty.sizes == 1);
  CHECK(empty.announced == 0);
  CHECK(empty.content.empty());
}

TEST_CASE("a file read in pieces is refused as read_file refuses it, with nothing handed on",
          "[io]") {
  TempDir dir;
  RealFileSystem fs;
  Kept kept;
  auto missing = fs.read_in_pieces(dir.file("gone.so"), 100, kept);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error_kind() == ErrorKind::not_found);
  CHECK(missing.error() == dir.file("gone.so") + ": no such file");

  auto directory = fs.read_in_pieces(dir.path(), 100, kept);
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.error() == dir.path() + ": is a directory, not a file");

  const std::string big = written(dir, "big.so", std::string(3000, 'x'));
  auto too_large = fs.read_in_pieces(big, 2048, kept);
  REQUIRE_FALSE(too_large.ok());
  CHECK(too_large.error() == big + ": the file is larger than 2 KiB, more than runback reads");
  CHECK(kept.sizes == 0);
  CHECK(kept.content.empty());
}

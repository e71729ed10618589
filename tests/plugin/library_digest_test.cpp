#include "plugin/library_digest.hpp"

#include <catch2/catch.hpp>

#include "support/fake_file_system.hpp"

using namespace runback;

TEST_CASE("a library's digest is 16 hex digits that change with any byte",
          "[plugin][plugin-identity]") {
  const std::string bytes(4099, 'x');
  const std::string digest = digest_of_bytes(bytes);
  CHECK(digest.size() == 16);
  CHECK(digest.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(digest_of_bytes(bytes) == digest);  // the same bytes, the same digest
  for (std::size_t at : {std::size_t{0}, std::size_t{7}, std::size_t{4096}, std::size_t{4098}}) {
    std::string changed = bytes;
    changed[at] = 'y';
    CHECK(digest_of_bytes(changed) != digest);
  }
  CHECK(digest_of_bytes(bytes + '\0') != digest);  // a longer file, even by a zero byte
  CHECK(digest_of_bytes("") != digest_of_bytes(std::string(1, '\0')));
}

TEST_CASE("a library's digest is the one programmes recorded before it was read in pieces",
          "[plugin][plugin-identity]") {
  // Recorded by runback as it read libraries whole: a change here would refuse every runner's
  // plugin as another one.
  CHECK(digest_of_bytes(std::string(4099, 'x')) == "1807c8d39c871edf");
  CHECK(digest_of_bytes("runback") == "7c1912a2c8d2159b");
  CHECK(digest_of_bytes("") == "9ca066f1a4ab2eea");
}

namespace {

// Hands a file's bytes on in pieces of `step` bytes, as a file system may.
class PieceByPiece final : public FileSystem {
 public:
  PieceByPiece(std::string content, std::size_t step) : content_(std::move(content)), step_(step) {}
  Result<std::string> read_file(const std::string&, std::size_t) const override { return content_; }
  Status read_in_pieces(const std::string&, std::size_t, FilePieces& into) const override {
    into.size(content_.size());
    for (std::size_t at = 0; at < content_.size(); at += step_) {
      into.piece(std::string_view(content_).substr(at, step_));
    }
    return ok_status();
  }
  bool is_file(const std::string&) const override { return true; }
  bool is_directory(const std::string&) const override { return false; }
  std::vector<std::string> list_directory(const std::string&) const override { return {}; }

 private:
  std::string content_;
  std::size_t step_;
};

}  // namespace

TEST_CASE("a library read in pieces has the digest of its bytes read whole",
          "[plugin][plugin-identity]") {
  std::string bytes;
  for (int i = 0; i < 1001; ++i) bytes.push_back(static_cast<char>(i * 13 % 256));
  for (std::size_t step : {1, 3, 8, 13, 64, 1001}) {
    INFO("pieces of " << step << " bytes");
    auto digest = library_digest(PieceByPiece(bytes, step), "/plugins/knee.so");
    REQUIRE(digest.ok());
    CHECK(*digest == digest_of_bytes(bytes));
  }
}

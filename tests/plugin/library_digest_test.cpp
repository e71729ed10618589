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

TEST_CASE("a library's digest is read through the file system, and a missing one is named",
          "[plugin][plugin-identity]") {
  runback::testing::FakeFileSystem fs;
  fs.add_file("/plugins/knee.so",
              "\x7f"
              "ELF and the rest");
  auto digest = library_digest(fs, "/plugins/knee.so");
  REQUIRE(digest.ok());
  CHECK(*digest == digest_of_bytes("\x7f"
                                   "ELF and the rest"));
  auto missing = library_digest(fs, "/plugins/gone.so");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error_kind() == ErrorKind::plugin);
  CHECK(missing.error().find("/plugins/gone.so") != std::string::npos);
}

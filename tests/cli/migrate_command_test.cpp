// `runback protocol migrate FILE`: in place, to --output, and the files it must leave alone.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "in_process.hpp"
#include "support/protocol_text.hpp"

using namespace runback::testing;

namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("protocol migrate rewrites a format-1 file in place, and it still lints",
          "[cli][protocol][format]") {
  TempDir dir{scratch_base()};
  const std::string file = dir.path() + "/mine.yaml";
  const std::string original = shipped_text("patellofemoral");
  write_file(file, original);

  const CommandResult migrated = run_command({"protocol", "migrate", file});
  CHECK(migrated.exit_code == 0);
  CHECK(migrated.err.empty());
  CHECK(migrated.out == file +
                            ": format 2. The protocol reads exactly as before (checked); the "
                            "format-2 keys are now open to it.\n");
  const std::string now = read_file(file);
  CHECK(now == edited(original, "\nformat: 1\n", "\nformat: 2\n"));
  CHECK(run_command({"protocol", "lint", file}).exit_code == 0);

  const CommandResult again = run_command({"protocol", "migrate", file});
  CHECK(again.exit_code == 0);
  CHECK(again.out == file + " is already format 2; nothing to change.\n");
  CHECK(read_file(file) == now);
}

TEST_CASE("protocol migrate --output writes elsewhere, or to standard output",
          "[cli][protocol][format]") {
  TempDir dir{scratch_base()};
  const std::string file = dir.path() + "/mine.yaml";
  const std::string original = shipped_text("hip-gluteal");
  write_file(file, original);

  const CommandResult to_stdout = run_command({"protocol", "migrate", file, "--output", "-"});
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == edited(original, "\nformat: 1\n", "\nformat: 2\n"));
  CHECK(read_file(file) == original);

  const std::string copy = dir.path() + "/v2.yaml";
  CHECK(run_command({"protocol", "migrate", file, "-o", copy}).exit_code == 0);
  CHECK(read_file(copy) == to_stdout.out);
  CHECK(read_file(file) == original);
}

TEST_CASE("protocol migrate leaves a file with errors unchanged, and says why",
          "[cli][protocol][format]") {
  TempDir dir{scratch_base()};
  const std::string file = dir.path() + "/broken.yaml";
  const std::string broken =
      edited(shipped_text("general-return"), "\nid: general-return\n", "\nid: General\n");
  write_file(file, broken);

  const CommandResult result = run_command({"protocol", "migrate", file});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(file + ":"));
  CHECK_THAT(result.err, Catch::Contains("error: id:"));
  CHECK_THAT(result.err, Catch::EndsWith(file + " was not changed.\n"));
  CHECK(read_file(file) == broken);

  const CommandResult missing = run_command({"protocol", "migrate", dir.path() + "/none.yaml"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("none.yaml"));
}

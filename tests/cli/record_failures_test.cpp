// When the machine says no: a file that is not SQLite gives a clear message and is left alone.
// A database the user may not write and a full disk need a process of their own: they are in
// binary_test.cpp.

#include <catch2/catch.hpp>
#include <fstream>

#include "in_process.hpp"
#include "store/spawn.hpp"

using namespace runback::testing;

TEST_CASE("a file that is not SQLite is refused and left alone", "[cli][records][failure]") {
  TempDir dir{scratch_base()};
  const std::string path = dir.file("notes.txt");
  const std::string text = "My running notes.\nMonday: 5 km, felt fine.\n";
  std::ofstream(path) << text;
  for (auto args : std::vector<std::vector<std::string>>{
           {"history"}, {"log", "--pain-during", "1"}, {"runners"}, {"export", "--csv", "-"}}) {
    args.insert(args.begin(), {"--db", path});
    auto result = run_command(args);
    INFO(args[2]);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("is not a runback records database") != std::string::npos);
  }
  CHECK(read_text(path) == text);
}

// When the machine says no: a file that is not SQLite, a database the user may not write, a
// full disk. Each gives a clear message, and no record is half-written.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "store/spawn.hpp"
#include "store/store_fixture.hpp"
#include "support/run_process.hpp"

using namespace runback;
using namespace runback::testing;

TEST_CASE("a file that is not SQLite is refused and left alone", "[cli][records][failure]") {
  TempDir dir;
  const std::string path = dir.file("notes.txt");
  const std::string text = "My running notes.\nMonday: 5 km, felt fine.\n";
  std::ofstream(path) << text;
  for (auto args : std::vector<std::vector<std::string>>{
           {"history"}, {"log", "--pain-during", "1"}, {"runners"}, {"export", "--csv", "-"}}) {
    args.insert(args.begin(), {"--db", path});
    auto result = run_runback(args);
    INFO(args[2]);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("is not a runback records database") != std::string::npos);
  }
  CHECK(read_text(path) == text);
}

TEST_CASE("a database the user may not write gives a clear error", "[cli][records][failure]") {
  // chmod does not stop root, and CI runs as root: there the writer runs as 'nobody' instead.
  TempDir dir;
  chmod(dir.path().c_str(), 0755);
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  const std::string before = dump_database(path);
  SpawnLimits limits;
  if (geteuid() == 0) {
    limits.uid = 65534;
  } else {
    chmod(path.c_str(), 0444);
    chmod(dir.path().c_str(), 0555);
  }
  const auto day = format_date(real_today() - std::chrono::days{1});
  auto child = spawn_runback({"--db", path, "log", day, "--pain-during", "2"}, "/dev/null", limits);
  CHECK(wait_for(child.pid) == 1);
  const std::string err_file = dir.path() + "/../" + std::string("runback-ro-err.txt");
  auto again = spawn_runback({"--db", path, "log", day, "--pain-during", "2"}, err_file, limits);
  CHECK(wait_for(again.pid) == 1);
  const std::string err = read_text(err_file);
  std::remove(err_file.c_str());
  INFO(err);
  CHECK((err.find("read-only") != std::string::npos ||
         err.find("cannot open the records database") != std::string::npos));
  CHECK(err.find("Nothing was changed") != std::string::npos);
  chmod(dir.path().c_str(), 0755);
  CHECK(dump_database(path) == before);
}

TEST_CASE("a full disk gives a clear error and leaves the records as they were",
          "[cli][records][failure]") {
  // A file-size limit (RLIMIT_FSIZE) makes writes fail as on a full disk, even for root and
  // without mounting anything.
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  const std::string before = dump_database(path);
  std::string csv =
      "record,runner,date,session,pain_during,pain_after,pain_next_morning,stiffness_minutes,"
      "swelling,limp,red_flags,answers,note,cleared_by,programme\r\n";
  for (int i = 0; i < 20000; ++i) {
    csv += "log,bo," + format_date(make_date(1960, 1, 1) + std::chrono::days{i}) +
           ",done,1,2,3,4,0,0,,,a note long enough to fill pages quickly,,\r\n";
  }
  const std::string file = dir.file("big.csv");
  std::ofstream(file) << csv;
  SpawnLimits limits;
  limits.max_file_bytes = 300 * 1000;  // the CSV itself is only read
  auto child = spawn_runback({"--db", path, "import", "--csv", file}, dir.file("err"), limits);
  CHECK(wait_for(child.pid) == 1);
  const std::string err = read_text(dir.file("err"));
  INFO(err);
  // The limit makes write() fail with EFBIG, which SQLite reports as a write error; a real full
  // disk (ENOSPC) is SQLITE_FULL, "the disk is full" (tests/store/database_test.cpp).
  CHECK((err.find("the disk is full") != std::string::npos ||
         err.find("the disk may be full") != std::string::npos));
  CHECK(err.find("Nothing was changed") != std::string::npos);
  CHECK(dump_database(path) == before);
}

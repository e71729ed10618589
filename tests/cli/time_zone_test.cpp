// The runner's time zone for the calendar (cli/time_zone.hpp).
#include <catch2/catch.hpp>

#include "time_zone.hpp"

using runback::cli::time_zone_from;

namespace {

bool any_zone(const std::string&) {
  return true;
}
bool london_only(const std::string& name) {
  return name == "Europe/London";
}

}  // namespace

TEST_CASE("the zone is $TZ's, else /etc/localtime's, else /etc/timezone's", "[cli][calendar]") {
  const std::string link = "/usr/share/zoneinfo/America/New_York";
  CHECK(time_zone_from("Europe/London", link, "Asia/Tokyo\n", any_zone) == "Europe/London");
  CHECK(time_zone_from(":Europe/London", link, std::nullopt, any_zone) == "Europe/London");
  CHECK(time_zone_from("/usr/share/zoneinfo/Europe/Paris", link, std::nullopt, any_zone) ==
        "Europe/Paris");
  CHECK(time_zone_from(std::nullopt, link, "Asia/Tokyo\n", any_zone) == "America/New_York");
  CHECK(time_zone_from(std::nullopt, "../usr/share/zoneinfo/posix/Europe/Oslo", std::nullopt,
                       any_zone) == "Europe/Oslo");
  CHECK(time_zone_from(std::nullopt, std::nullopt, "Asia/Tokyo\n", any_zone) == "Asia/Tokyo");
  CHECK(time_zone_from(std::nullopt, std::nullopt, std::nullopt, any_zone).empty());
}

TEST_CASE("a zone that names none leaves the calendar without one", "[cli][calendar]") {
  // A POSIX rule is a zone, but has no name a calendar application knows; $TZ still wins over
  // the machine's, which is not the runner's.
  CHECK(time_zone_from("GMT0BST,M3.5.0/1,M10.5.0", "/usr/share/zoneinfo/Europe/London",
                       std::nullopt, any_zone)
            .empty());
  CHECK(time_zone_from("../../etc/passwd", std::nullopt, std::nullopt, any_zone).empty());
  // A name the zone database does not have.
  CHECK(time_zone_from("Europe/Atlantis", std::nullopt, std::nullopt, london_only).empty());
  CHECK(time_zone_from(std::nullopt, "/usr/share/zoneinfo/Europe/London", std::nullopt,
                       london_only) == "Europe/London");
  // A link that leads nowhere the database knows falls back to /etc/timezone.
  CHECK(time_zone_from(std::nullopt, "/etc/my-zone", "Europe/London", london_only) ==
        "Europe/London");
}

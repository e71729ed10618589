#include <catch2/catch.hpp>

#include "report/text_layout.hpp"

using namespace runback;

TEST_CASE("a line that ends in a command: held together, and its spaces kept", "[report][layout]") {
  const std::string command = "runback log 2026-12-03 --pain-after N";
  SECTION("both fit on one line") {
    TextWriter out(TextLayout{70, false});
    out.line_then_command("Still to log, for 2026-12-03:", command, Tone::plain);
    // The line's spaces were held while it was wrapped; none of that may show.
    CHECK(out.str() == "Still to log, for 2026-12-03: " + command + "\n");
  }
  SECTION("too long for one line: the command goes on below, pasteable") {
    TextWriter out(TextLayout{80, false});
    out.line_then_command("Still to log, for 2026-12-03:",
                          command + " --answer heel-raises=N --answer morning-stiffness=N",
                          Tone::plain);
    INFO(out.str());
    CHECK(out.str().find('\x1f') == std::string::npos);
    CHECK(out.str().rfind("Still to log, for 2026-12-03: runback log", 0) == 0);
    CHECK(out.str().find(" \\\n") != std::string::npos);
  }
  SECTION("no width: the line, then the command on its own") {
    TextWriter out(TextLayout{0, false});
    out.line_then_command("Still to log, for 2026-12-03:", command, Tone::plain);
    CHECK(out.str() == "Still to log, for 2026-12-03:\n  " + command + "\n");
  }
}

#include "plugin_failure_report.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

using runback::cli::PluginFailureReport;

TEST_CASE("a plugin's failure over a caseload is said in full once, then its runners listed",
          "[cli][plugin]") {
  std::ostringstream err;
  PluginFailureReport report;
  const std::string died = "plugin 'knee' (/p/knee.so): stopped with signal 11";
  report.add(err, "knee failed for ana (" + died + ")", "knee", died, "ana");
  report.add(err, "knee failed for ben (" + died + ")", "knee", died, "ben");
  report.add(err, "knee failed for cat (" + died + ")", "knee", died, "cat");
  // Another error of the same plugin is said in full too.
  report.add(err, "knee failed for dan (timed out)", "knee", "timed out", "dan");
  // A missing plugin names no runner: said once, and nobody is listed.
  report.add(err, "hip is not available", "", "", "eve");
  report.add(err, "hip is not available", "", "", "fay");
  report.add(err, "", "", "", "gus");  // nothing to say
  report.finish(err);
  CHECK(err.str() ==
        "runback: knee failed for ana (" + died +
            ")\n"
            "runback: knee failed for dan (timed out)\n"
            "runback: hip is not available\n"
            "runback: the plugin 'knee' failed the same way for 2 more runners: ben, cat\n");
}

TEST_CASE("a long list of runners a plugin failed alike for is cut at ten", "[cli][plugin]") {
  std::ostringstream err;
  PluginFailureReport report;
  for (int i = 0; i < 13; ++i) {
    report.add(err, "failed for r" + std::to_string(i), "knee", "died", "r" + std::to_string(i));
  }
  report.finish(err);
  CHECK(err.str() ==
        "runback: failed for r0\n"
        "runback: the plugin 'knee' failed the same way for 12 more runners: r1, r2, r3, r4, r5, "
        "r6, r7, r8, r9, r10 and 2 more\n");
}

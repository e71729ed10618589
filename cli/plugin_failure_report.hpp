#pragma once
// A plugin's failures over a caseload (`week --all`, `runners`), on standard error: each error in
// full the first time it is met, naming the plugin, its file and the runner; then only which other
// runners it failed the same way for. A plugin host that died fails every later runner with the
// same words, and a clinic with a hundred runners on it should read two lines, not a hundred.

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace runback::cli {

class PluginFailureReport {
 public:
  // `problem`: what to say of this runner (a missing plugin, or plugin_failure_problem());
  // `plugin` and `failure`: the plugin and its first error when it failed while planning (empty
  // for a missing plugin, whose message names no runner and is said once).
  void add(std::ostream& err, const std::string& problem, const std::string& plugin,
           const std::string& failure, const std::string& runner);
  // The runners each failure was met again for.
  void finish(std::ostream& err) const;

 private:
  std::set<std::string> said_;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> alike_;
};

}  // namespace runback::cli

#include "plugin_failure_report.hpp"

#include <algorithm>

namespace runback::cli {

void PluginFailureReport::add(std::ostream& err, const std::string& problem,
                              const std::string& plugin, const std::string& failure,
                              const std::string& runner) {
  if (problem.empty()) return;
  if (said_.insert(failure.empty() ? problem : failure).second) {
    err << "runback: " << problem << "\n";
  } else if (!failure.empty()) {
    alike_[{plugin, failure}].push_back(runner);
  }
}

void PluginFailureReport::finish(std::ostream& err) const {
  constexpr std::size_t kNamed = 10;
  for (const auto& [failure, names] : alike_) {
    std::string listed;
    for (std::size_t i = 0; i < std::min(names.size(), kNamed); ++i)
      listed += (i == 0 ? "" : ", ") + names[i];
    if (names.size() > kNamed) listed += " and " + std::to_string(names.size() - kNamed) + " more";
    err << "runback: the plugin '" << failure.first << "' failed the same way for " << names.size()
        << " more runner" << (names.size() == 1 ? "" : "s") << ": " << listed << "\n";
  }
}

}  // namespace runback::cli

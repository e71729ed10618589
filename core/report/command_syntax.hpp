#pragma once
// The commands the reports tell a runner to type. A report knows what comes next (log these
// values for that run, record a clinician's clearance, log a red flag); how that is typed is the
// command line's business, so core spells no command: the cli part implements this
// (cli/runback_syntax.hpp) and hands it to every renderer that points at one.

#include <string>

#include "plan/plan.hpp"

namespace runback {

// The options of a run's log that the week mentions after its command.
enum class LogOption { partial, skipped, limp, swelling };

class CommandSyntax {
 public:
  virtual ~CommandSyntax() = default;

  // Logs a reminder's values, one placeholder per value:
  // "runback log 2026-11-24 --pain-during N --pain-after N".
  virtual std::string log_reminder(const Reminder& reminder) const = 0;
  // Logs a run whose date the runner fills in: "runback log DATE --pain-during N".
  virtual std::string log_run() const = 0;
  // Logs a red flag by its id: "runback log --red-flag NAME".
  virtual std::string log_red_flag() const = 0;
  // One option of a run's log: "--session partial", "--limp".
  virtual std::string log_option(LogOption option) const = 0;
  // Records a clinician's clearance: "runback clear --by \"NAME\" --date DATE".
  virtual std::string record_clearance() const = 0;
  // Shows where the runner stands, with the red flags in full: "runback status".
  virtual std::string show_status() const = 0;
  // Shows one day in full, exercises with their tempo: "runback today".
  virtual std::string show_today() const = 0;
  // The option that asks a command for JSON, which lists everything: "--format json".
  virtual std::string json_option() const = 0;
};

}  // namespace runback

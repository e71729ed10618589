#pragma once
// How the reports' pointers to a command are typed at this command line: `runback log ...`,
// `runback clear ...` (report/command_syntax.hpp). The one place outside the commands'
// declarations that spells their options, so a renamed option changes here.

#include "report/command_syntax.hpp"

namespace runback::cli {

class RunbackSyntax final : public CommandSyntax {
 public:
  std::string log_reminder(const Reminder& reminder) const override;
  std::string log_run() const override;
  std::string log_red_flag() const override;
  std::string log_option(LogOption option) const override;
  std::string record_clearance() const override;
  std::string show_status() const override;
  std::string show_today() const override;
  std::string json_option() const override;
};

// The one every command hands to the renderers.
const CommandSyntax& runback_syntax();

}  // namespace runback::cli

#pragma once
// The core's safety limits. A protocol may be stricter than these, never looser; the loader
// rejects a protocol that tries, and the planner clamps anything a plugin returns. Each limit
// cites ../shared/clinical-basis.md (section in brackets).

#include <array>
#include <string_view>

namespace runback::safety {

// Pain may reach but not pass 5/10 during activity (Silbernagel et al. 2007, Am J Sports Med
// 35(6):897; zones 0-3 safe, 4-5 acceptable, >5 too much) [1].
inline constexpr int kMaxPainLimit = 5;
// Exercise pain no more than ~3 points above baseline (montyphysio.com.au, [2nd]) [1].
inline constexpr int kMaxPainRise = 3;
// At most two steps up in any 7 days (caps seen in clinical programmes) [5]: format 1's limit.
inline constexpr int kMaxStagesPer7Days = 2;
// Format 2 lets a protocol that cites its source move on at every run, up to one step a day:
// "at most two steps in 7 days is a common cap, not a universal one"; the post-ACL and Running
// Clinic tables change the session at every run [7, last bullet].
inline constexpr int kMaxStagesPer7DaysFormat2 = 7;
// The most stages up in 7 days a protocol of this format may allow.
constexpr int max_stages_per_7_days_limit(int format) {
  return format >= 2 ? kMaxStagesPer7DaysFormat2 : kMaxStagesPer7Days;
}
// Every protocol must say how pain must have settled by the next morning: "pain after activity
// must settle by the next morning" (Silbernagel 2007) and the soreness rules (Fees 1998) [1].
inline constexpr bool kNextMorningLimitRequired = true;

struct BuiltInRedFlag {
  std::string_view id;
  std::string_view text;
};

// Red flags that stop all running until a clinician clears the runner ([1], "Red flags"; seeds:
// "see a physiotherapist for sharp, persistent pain, swelling or numbness"). Protocols may add
// more, never remove these.
inline constexpr std::array<BuiltInRedFlag, 7> kBuiltInRedFlags = {{
    {"night-pain", "Pain at night, or pain that wakes you"},
    {"pain-at-rest", "Pain at rest, or when you are only walking"},
    {"pinpoint-bone-pain", "Pinpoint pain on a bone (a possible stress fracture)"},
    {"spreading-pain", "Pain spreading to new areas"},
    {"persistent-pain", "Pain that has not settled 72 hours after running"},
    {"numbness", "Numbness or pins and needles"},
    {"chest-pain", "Chest pain, or feeling faint or very breathless"},
}};

}  // namespace runback::safety

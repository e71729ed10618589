// The log-merge rules on their own: no database, only rows in and a merged row out.

#include "store/log_merge.hpp"

#include <catch2/catch.hpp>

using namespace runback;

namespace {

const Date kDay = make_date(2026, 3, 2);
const std::string kAt = "2026-03-03T07:00:00Z";

LogRow row() {
  return LogRow{kDay, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
}

}  // namespace

TEST_CASE("merge_log: a first log of the day is stored as given", "[store][log_merge]") {
  LogRow change = row();
  change.session = SessionOutcome::done;
  change.pain_during = 3;
  change.red_flags = {"night-pain"};
  change.answers = {{"hop_test", "yes"}};
  change.note = "windy";
  for (bool replace : {false, true}) {
    const MergedLog merged = merge_log(std::nullopt, change, replace, kAt);
    CHECK(merged.row == change);
    CHECK(merged.conflicts.empty());
    CHECK(merged.replaced.empty());
  }
}

TEST_CASE("merge_log: new values join those already logged", "[store][log_merge]") {
  LogRow stored = row();
  stored.pain_during = 2;
  stored.answers = {{"hop_test", "yes"}};
  LogRow change = row();
  change.pain_next_morning = 1;
  change.swelling = false;
  change.answers = {{"heel_raises", "20"}};
  const MergedLog merged = merge_log(stored, change, false, kAt);
  CHECK(merged.conflicts.empty());
  CHECK(merged.replaced.empty());
  CHECK(merged.row.pain_during == 2);
  CHECK(merged.row.pain_next_morning == 1);
  CHECK(merged.row.swelling == false);
  CHECK(merged.row.answers ==
        std::map<std::string, std::string>{{"heel_raises", "20"}, {"hop_test", "yes"}});
}

TEST_CASE("merge_log: without replace, a recorded value given anew is a conflict",
          "[store][log_merge]") {
  LogRow stored = row();
  stored.pain_during = 2;
  stored.swelling = true;
  stored.answers = {{"hop_test", "yes"}};
  LogRow change = row();
  change.pain_during = 5;
  change.swelling = true;
  change.answers = {{"hop_test", "no"}};
  change.note = "sore";
  const MergedLog merged = merge_log(stored, change, false, kAt);
  REQUIRE(merged.conflicts.size() == 2);
  CHECK(merged.conflicts[0].field == "pain_during");
  CHECK(merged.conflicts[0].recorded == "2");
  CHECK(merged.conflicts[0].given == "5");
  CHECK(merged.conflicts[0].date == kDay);
  CHECK(merged.conflicts[1].field == "answers.hop_test");
  CHECK(merged.conflicts[1].recorded == "yes");
  CHECK(merged.conflicts[1].given == "no");
  // The same value again is no conflict: a command run twice is not a mistake.
  REQUIRE(merged.unchanged.size() == 1);
  CHECK(merged.unchanged[0].field == "swelling");
  CHECK(merged.unchanged[0].recorded == "yes");
  CHECK(merged.replaced.empty());
  // The recorded values stay; what did not conflict is merged (the caller stores nothing).
  CHECK(merged.row.pain_during == 2);
  CHECK(merged.row.answers.at("hop_test") == "yes");
  CHECK(merged.row.note == "sore");
}

TEST_CASE("merge_log: with replace, changed values are audited, unchanged ones are not",
          "[store][log_merge]") {
  LogRow stored = row();
  stored.session = SessionOutcome::partial;
  stored.pain_during = 2;
  stored.limp = false;
  stored.answers = {{"hop_test", "yes"}};
  LogRow change = row();
  change.session = SessionOutcome::done;
  change.pain_during = 2;
  change.limp = true;
  change.answers = {{"hop_test", "no"}};
  const MergedLog merged = merge_log(stored, change, true, kAt);
  CHECK(merged.conflicts.empty());
  CHECK(merged.row.session == SessionOutcome::done);
  CHECK(merged.row.limp == true);
  CHECK(merged.row.answers.at("hop_test") == "no");
  REQUIRE(merged.replaced.size() == 3);
  const AuditEntry& session = merged.replaced[0];
  CHECK(session.runner.empty());
  CHECK(session.subject == "log");
  CHECK(session.date == kDay);
  CHECK(session.field == "session");
  CHECK(session.old_value == "partial");
  CHECK(session.new_value == "done");
  CHECK(session.changed_at == kAt);
  CHECK(merged.replaced[1].field == "limp");
  CHECK(merged.replaced[1].old_value == "no");
  CHECK(merged.replaced[1].new_value == "yes");
  CHECK(merged.replaced[2].field == "answers.hop_test");
}

TEST_CASE("merge_log: red flags add up, or with replace take the place of those logged",
          "[store][log_merge]") {
  LogRow stored = row();
  stored.red_flags = {"night-pain", "numbness"};
  LogRow change = row();
  change.red_flags = {"swelling-hot", "night-pain"};

  const MergedLog added = merge_log(stored, change, false, kAt);
  CHECK(added.conflicts.empty());
  CHECK(added.replaced.empty());
  CHECK(added.row.red_flags == std::vector<std::string>{"night-pain", "numbness", "swelling-hot"});

  const MergedLog replaced = merge_log(stored, change, true, kAt);
  CHECK(replaced.row.red_flags == change.red_flags);
  REQUIRE(replaced.replaced.size() == 1);
  CHECK(replaced.replaced[0].field == "red_flags");
  CHECK(replaced.replaced[0].old_value == "night-pain,numbness");
  CHECK(replaced.replaced[0].new_value == "swelling-hot,night-pain");

  // Flags given where none were logged replace nothing: no audit entry.
  const MergedLog first = merge_log(row(), change, true, kAt);
  CHECK(first.row.red_flags == change.red_flags);
  CHECK(first.replaced.empty());
  // No flags given leaves those logged, replace or not.
  CHECK(merge_log(stored, row(), true, kAt).row.red_flags == stored.red_flags);
}

TEST_CASE("merge_log: values logged again as they were change nothing, with or without replace",
          "[store][log_merge]") {
  LogRow stored = row();
  stored.session = SessionOutcome::done;
  stored.pain_during = 2;
  stored.note = "windy";
  stored.answers = {{"hop_test", "yes"}};
  for (bool replace : {false, true}) {
    const MergedLog merged = merge_log(stored, stored, replace, kAt);
    CHECK(merged.row == stored);
    CHECK(merged.conflicts.empty());
    CHECK(merged.replaced.empty());
    REQUIRE(merged.unchanged.size() == 4);
    CHECK(merged.unchanged[0].field == "session");
    CHECK(merged.unchanged[1].field == "pain_during");
    CHECK(merged.unchanged[2].field == "note");
    CHECK(merged.unchanged[3].field == "answers.hop_test");
    CHECK(merged.unchanged[3].recorded == "yes");
  }
}

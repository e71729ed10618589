#!/usr/bin/env bash
# Records benchmarks (issue 4; figures in docs/performance.md, "Records"):
#  1. `runback import` of 1,000,000 log rows from CSV, against sqlite3's `.import` of the same
#     file into a table of the same shape (the CSV's 15 columns). Target: at most 2x sqlite3.
#  2. `runback history --format json` for one runner with 3 years of daily logs, against
#     `sqlite3 -json` selecting the same rows. Target: under 2x sqlite3.
# Usage: bench/store/records_bench.sh [path/to/runback]  (default: build/cli/runback)
set -euo pipefail
runback=$(realpath "${1:-build/cli/runback}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

header=record,runner,date,session,pain_during,pain_after,pain_next_morning,stiffness_minutes,swelling,limp,red_flags,answers,note,cleared_by,programme

# 1,000,000 logs: 1,000 runners x 1,000 days each, ending in 2025, with every kind of field.
awk -v header="$header" 'BEGIN {
  print header
  srand(4)
  split("done partial skipped", sessions, " ")
  for (r = 1; r <= 1000; r++) {
    t = 1420070400  # 2015-01-01 UTC
    for (d = 0; d < 1000; d++) {
      date = strftime("%Y-%m-%d", t + d * 86400, 1)
      note = (d % 7 == 0) ? "\"felt \"\"ok\"\", calf tight\"" : ""
      flags = (d % 97 == 0) ? "night-pain" : ""
      answers = (d % 31 == 0) ? "\"{\"\"hop_test\"\":\"\"pain-free\"\"}\"" : ""
      printf "log,runner-%04d,%s,%s,%d,%d,%d,%d,%d,%d,%s,%s,%s,,\r\n", r, date,
             sessions[1 + d % 3], d % 4, d % 5, d % 3, d % 30, d % 2, 0, flags, answers, note
    }
  }
}' > logs.csv
echo "logs.csv: $(($(wc -l < logs.csv) - 1)) rows, $(du -h logs.csv | cut -f1)"

# The same columns for sqlite3, typed as runback types them.
cat > shape.sql <<SQL
CREATE TABLE logs (record TEXT, runner TEXT, date TEXT, session TEXT, pain_during INTEGER,
  pain_after INTEGER, pain_next_morning INTEGER, stiffness_minutes INTEGER, swelling INTEGER,
  limp INTEGER, red_flags TEXT, answers TEXT, note TEXT, cleared_by TEXT, programme TEXT);
SQL

hyperfine --warmup 1 --runs 5 --export-markdown import.md \
  --prepare 'rm -f runback.db runback.db-wal runback.db-shm' \
  -n 'runback import' "$runback --db runback.db import --csv logs.csv" \
  --prepare 'rm -f sqlite.db sqlite.db-wal sqlite.db-shm && sqlite3 sqlite.db < shape.sql' \
  -n 'sqlite3 .import' "sqlite3 sqlite.db '.import --csv --skip 1 logs.csv logs'"

# One runner, 3 years of daily logs (1,096 days), among 99 others with the same.
awk -v header="$header" 'BEGIN {
  print header
  for (r = 1; r <= 100; r++) {
    t = 1640995200  # 2022-01-01 UTC
    for (d = 0; d < 1096; d++) {
      printf "log,runner-%03d,%s,done,%d,%d,%d,%d,0,0,,,%s,,\r\n", r,
             strftime("%Y-%m-%d", t + d * 86400, 1), d % 4, d % 5, d % 3, d % 30,
             (d % 7 == 0 ? "calf tight" : "")
    }
  }
}' > history.csv
"$runback" --db history.db import --csv history.csv > /dev/null
select="SELECT l.date, l.session, l.pain_during, l.pain_after, l.pain_next_morning,
  l.stiffness_minutes, l.swelling, l.limp, l.red_flags, l.answers, l.note
  FROM day_log l JOIN runner r ON r.id = l.runner_id WHERE r.name = 'runner-042' ORDER BY l.date"
[ "$("$runback" --db history.db --runner runner-042 history --format json | grep -c '"date"')" = 1096 ]
[ "$(sqlite3 -json history.db "$select" | grep -o '"date"' | wc -l)" = 1096 ]
hyperfine --warmup 3 --runs 30 -N --export-markdown history.md \
  -n 'runback history --format json' \
  "$runback --db history.db --runner runner-042 history --format json" \
  -n 'sqlite3 -json' "sqlite3 -json history.db \"$select\""

# A caseload for the planner: 10,000 runners with a programme and 6 months of daily logs.
awk -v header="$header" 'BEGIN {
  print header
  for (r = 1; r <= 10000; r++) {
    printf "programme,runner-%05d,2025-01-06,,,,,,,,,,,,\"{\"\"protocol_id\"\":\"\"general-return\"\",\"\"protocol_version\"\":\"\"1.0.0\"\",\"\"plugin_name\"\":\"\"\"\",\"\"plugin_version\"\":\"\"\"\",\"\"starting_stage\"\":0,\"\"params\"\":{},\"\"run_days\"\":\"\"mon,wed,fri\"\",\"\"active\"\":true,\"\"protocol_snapshot\"\":\"\"id: general-return\"\"}\"\r\n", r
    t = 1736121600  # 2025-01-06 UTC
    for (d = 0; d < 182; d++) {
      printf "log,runner-%05d,%s,%s,%d,%d,%d,,,,,,,,\r\n", r,
             strftime("%Y-%m-%d", t + d * 86400, 1), (d % 2 ? "done" : ""), d % 4, d % 5, d % 3
    }
  }
}' > caseload.csv
"$runback" --db caseload.db import --csv caseload.csv > /dev/null
bench_dir=$(dirname "$runback")/../bench/store
if [ -x "$bench_dir/all_records_bench" ]; then
  for i in 1 2 3; do "$bench_dir/all_records_bench" caseload.db; done
fi

echo; cat import.md; echo; cat history.md

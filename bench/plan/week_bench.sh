#!/usr/bin/env bash
# Planner benchmarks (issue 5; figures in docs/performance.md, "Planner"):
#  1. `runback week` for one runner with a year of logs, whole process, against sqlite3 opening
#     the same database and counting that runner's logs. Target: at most 1.5x sqlite3.
#  2. `runback week --all --format json` for 10,000 runners with 6 months of logs each.
#     Target: at least 20,000 runners/s, whole process.
# Usage: bench/plan/week_bench.sh [build dir]  (default: build-bench, configured with
#        -DRUNBACK_BUILD_BENCH=ON)
set -euo pipefail
build=$(realpath "${1:-build-bench}")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
runback=$build/cli/runback
make_caseload=$build/bench/plan/make_caseload
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

# 1. One runner with a year of logs, among 99 others with the same.
"$make_caseload" "$work/year.db" "$source_dir/protocols" 100 365 2026-11-20 "$build/plugins"
count="SELECT count(*) FROM day_log l JOIN runner r ON r.id = l.runner_id
       WHERE r.name = 'runner-00042'"
echo "runner-00042: $(sqlite3 "$work/year.db" "$count") logs"
hyperfine --warmup 3 --runs 30 -N --export-markdown "$work/week.md" \
  -n 'runback week' "$runback --db $work/year.db --runner runner-00042 week --date 2026-11-20" \
  -n 'sqlite3 count' "sqlite3 $work/year.db \"$count\""

# 2. The caseload: 10,000 runners, 6 months of logs each.
"$make_caseload" "$work/caseload.db" "$source_dir/protocols" 10000 182 2026-11-20 "$build/plugins"
hyperfine --warmup 1 --runs 5 --export-markdown "$work/all.md" \
  -n 'runback week --all --format json' \
  "$runback --db $work/caseload.db week --all --format json --date 2026-11-20 > /dev/null"
runners=$("$runback" --db "$work/caseload.db" week --all --format json --date 2026-11-20 |
          grep -c '"runner":')
echo "week --all planned $runners runners"

echo; cat "$work/week.md"; echo; cat "$work/all.md"

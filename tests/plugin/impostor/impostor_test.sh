#!/bin/sh
# A programme keeps the plugin it started with, through the real binary: ana starts on the
# shipped knee plugin 1.0.0 and ben on achilles; then a plugin also named "knee", version 6.6.6,
# comes earlier on RUNBACK_PLUGIN_PATH. Every command that plans ana refuses, naming both plugins
# and `program upgrade`, and changes nothing; ben is planned as before, in the caseload too.
# `program upgrade --yes` moves ana deliberately. A library with ana's version but other bytes
# (a rebuild) is refused as changed.
# Usage: impostor_test.sh RUNBACK IMPOSTOR_DIR SHIPPED_KNEE_SO
set -u
runback=$1
impostor_dir=$2
shipped=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RUNBACK_DB="$work/r.db"
unset RUNBACK_PLUGIN_PATH
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
# expect STATUS NAME -- COMMAND...: runs it, keeps stdout/stderr in $work/out and $work/err.
expect() {
  want=$1
  name=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  got=$?
  if [ "$want" = nonzero ]; then
    [ "$got" -ne 0 ] || fail "$name: exit 0, expected a failure"
  elif [ "$got" -ne "$want" ]; then
    fail "$name: exit $got, expected $want"
    sed 's/^/  | /' "$work/err" >&2
  fi
}
says() {  # says FILE NAME TEXT
  grep -qF -- "$3" "$work/$1" || {
    fail "$2: $1 does not say: $3"
    sed 's/^/  | /' "$work/$1" >&2
  }
}
dump() { sqlite3 "$RUNBACK_DB" .dump; }

expect 0 "start ana on knee" -- "$runback" start --runner ana --protocol patellofemoral \
  --start 2026-11-02 --usual-pain 0 --param baseline_cadence=170
expect 0 "start ben on achilles" -- "$runback" start --runner ben \
  --protocol achilles-midportion --start 2026-11-02 --usual-pain 0
expect 0 "status shows the recorded plugin" -- "$runback" status --runner ana --date 2026-11-09
says out "status" "Plugin: 'knee' 1.0.0 ($shipped, digest "
expect 0 "week before the impostor" -- "$runback" week --runner ana --date 2026-11-09
before=$(dump)

# The impostor, first on the path.
export RUNBACK_PLUGIN_PATH="$impostor_dir"
expect nonzero "week with the impostor" -- "$runback" week --runner ana --date 2026-11-09
says err "week" "ana's programme started with the plugin 'knee' 1.0.0 ($shipped, digest "
says err "week" "the plugin now found as 'knee' is 6.6.6 ($impostor_dir/knee.so, digest "
says err "week" "runback program upgrade --runner ana"
[ -s "$work/out" ] && fail "week with the impostor printed a plan"
for command in status today report calendar; do
  case $command in
    report) expect nonzero "$command" -- "$runback" report --runner ana --to 2026-11-09 ;;
    *) expect nonzero "$command" -- "$runback" "$command" --runner ana --date 2026-11-09 ;;
  esac
  says err "$command" "6.6.6"
done
expect nonzero "log with the impostor" -- "$runback" log 2026-11-09 --runner ana --pain-during 1
says err "log" "'knee' 1.0.0"
expect 0 "ben is planned as before" -- "$runback" week --runner ben --date 2026-11-09

# The caseload: ben's week, ana's refusal.
expect nonzero "week --all" -- "$runback" week --all --date 2026-11-09
says out "week --all" "ben"
says err "week --all" "ana: ana's programme started with the plugin 'knee' 1.0.0"
expect nonzero "week --all json" -- "$runback" week --all --date 2026-11-09 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [w["runner"] for w in d["runners"]] == ["ben"], d' \
  "$work/out" 2>"$work/py" || { fail "week --all --format json: not ben's week alone"; cat "$work/py" >&2; }
expect 1 "runners" -- "$runback" runners --date 2026-11-09
says out "runners" "not planned: the plugin 'knee' found is not the one the programme started"
says err "runners" "ana: ana's programme started with the plugin 'knee' 1.0.0"

# Nothing was written by any of that.
[ "$(dump)" = "$before" ] || fail "the database changed while the impostor was refused"

# Showing the upgrade changes nothing; --yes records the plugin found now.
expect 0 "program upgrade (show)" -- "$runback" program upgrade --runner ana
says out "upgrade" "recorded: 'knee' 1.0.0 ($shipped"
says out "upgrade" "found:    'knee' 6.6.6 ($impostor_dir/knee.so"
[ "$(dump)" = "$before" ] || fail "program upgrade without --yes changed the database"
expect 0 "program upgrade --yes" -- "$runback" program upgrade --runner ana --yes
says out "upgrade --yes" "Switched ana"
expect 0 "week after the upgrade" -- "$runback" week --runner ana --date 2026-11-09
expect 0 "status after the upgrade" -- "$runback" status --runner ana --date 2026-11-09
says out "status after the upgrade" "Plugin: 'knee' 6.6.6 ($impostor_dir/knee.so"

# Back on the shipped plugin only: now that is the other plugin for ana, and ben is unaffected.
unset RUNBACK_PLUGIN_PATH
expect nonzero "week without the impostor" -- "$runback" week --runner ana --date 2026-11-09
says err "week without the impostor" "found as 'knee' is 1.0.0 ($shipped"
expect 0 "ben still" -- "$runback" week --runner ben --date 2026-11-09

# A rebuild: ben's achilles library with the same version and other bytes.
rebuilt="$work/rebuilt"
mkdir "$rebuilt"
cp "$(dirname "$shipped")/achilles.so" "$rebuilt/achilles.so"
printf 'rebuilt' >>"$rebuilt/achilles.so"  # trailing bytes: loads the same, reads differently
export RUNBACK_PLUGIN_PATH="$rebuilt"
expect nonzero "week with a rebuilt library" -- "$runback" week --runner ben --date 2026-11-09
says err "rebuilt" "has the same version but other bytes"
says err "rebuilt" "$rebuilt/achilles.so"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "all checks passed"

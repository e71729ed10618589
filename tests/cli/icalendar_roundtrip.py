#!/usr/bin/env python3
"""`runback calendar` read back by an independent reader, python3-icalendar.

A runner starts the Achilles programme, writes a calendar, logs a run and the next morning with
the exact commands the calendar gives, and writes the calendar again: every entry is a whole-day
event inside the weeks asked for, with a unique id; an entry of a day in both files keeps its id,
so importing the newer file updates it; the new weeks bring new ids; --weeks outside 1 to 26 is
refused. Usage: icalendar_roundtrip.py RUNBACK_EXECUTABLE
"""
import datetime
import os
import re
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    sys.exit("icalendar_roundtrip: the Python module icalendar is missing "
             "(install the Debian package python3-icalendar)")

RUNBACK = sys.argv[1]
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAILED: " + what, file=sys.stderr)


def runback(env, *args, expect=0):
    done = subprocess.run([RUNBACK, *args], env=env, capture_output=True, text=True)
    if done.returncode != expect:
        sys.exit("runback %s exited %d, not %d:\n%s%s"
                 % (" ".join(args), done.returncode, expect, done.stdout, done.stderr))
    return done


def read_calendar(text, first_day, weeks):
    calendar = icalendar.Calendar.from_ical(text)
    check(str(calendar.get("VERSION")) == "2.0", "VERSION is 2.0")
    check(str(calendar.get("X-WR-TIMEZONE")) == "Europe/London", "X-WR-TIMEZONE is the runner's")
    events = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID"))
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        check(uid not in events, "UID %s appears once" % uid)
        check(type(start) is datetime.date, "%s is a whole day, not a time" % uid)
        check(end == start + datetime.timedelta(days=1), "%s lasts one day" % uid)
        check(first_day <= start < first_day + datetime.timedelta(weeks=weeks),
              "%s (%s) is inside the weeks asked for" % (uid, start))
        kind = "log" if uid.startswith("log-") else "run"
        check(re.fullmatch(r"(run|log)-%s@[0-9a-f]{16}\.runback" % start.isoformat(), uid),
              "%s names its kind and day" % uid)
        summary = str(event.get("SUMMARY"))
        check(summary.startswith("Log for ") if kind == "log" else summary.startswith("Run: "),
              "%s's summary: %s" % (uid, summary))
        events[uid] = (start, kind, summary, str(event.get("DESCRIPTION")))
    return events


def log_command(description, value):
    """The `runback log` line of a description, with its placeholders filled in."""
    line = next(l.strip() for l in description.splitlines() if l.strip().startswith("runback log"))
    return re.sub(r"(?<=[ =])N\b", value, line).split()[1:]


def main():
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "TZ": "Europe/London",
               "XDG_CONFIG_HOME": os.path.join(home, "config"),
               "XDG_DATA_HOME": os.path.join(home, "data"),
               "RUNBACK_DB": os.path.join(home, "r.db")}
        runback(env, "start", "--runner", "Sam", "--protocol", "achilles-midportion",
                "--start", "2026-11-02", "--usual-pain", "0")
        first = datetime.date(2026, 11, 2)
        before = read_calendar(runback(env, "calendar", "--date", "2026-11-02").stdout, first, 4)
        runs = sorted((start, uid) for uid, (start, kind, _, _) in before.items() if kind == "run")
        check(len(runs) >= 8, "four weeks hold at least 8 runs (%d)" % len(runs))
        check(any(kind == "log" for _, kind, _, _ in before.values()), "there are log reminders")

        # The first run, logged with the command its entry gives; the next morning likewise.
        run_day, run_uid = runs[0]
        runback(env, *log_command(before[run_uid][3], "1"))
        morning = [uid for uid, (start, kind, _, _) in before.items()
                   if kind == "log" and start == run_day + datetime.timedelta(days=1)]
        check(len(morning) == 1, "a reminder the morning after the first run")
        if morning:
            runback(env, *log_command(before[morning[0]][3], "0"))

        later = run_day + datetime.timedelta(days=2)
        with tempfile.NamedTemporaryFile(suffix=".ics", dir=home, delete=False) as out:
            path = out.name
        written = runback(env, "calendar", "--date", later.isoformat(), "--output", path)
        check("Wrote " + path in written.stdout, "--output says what it wrote")
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        check(text.startswith("BEGIN:VCALENDAR\r\n"), "lines end in CRLF, as RFC 5545 asks")
        check(text.replace("\r\n", "\n") == runback(env, "calendar", "--date",
                                                     later.isoformat()).stdout,
              "--output writes what the standard output shows")
        after = read_calendar(text, later, 4)

        check(run_uid not in after, "the logged run has left the calendar")
        both = set(before) & set(after)
        check(len(both) >= 4, "days in both files keep their ids (%d shared)" % len(both))
        for uid in both:
            check(before[uid][0] == after[uid][0], "%s keeps its day" % uid)
        new_days = [uid for uid in after if uid not in before]
        check(any(after[uid][0] >= first + datetime.timedelta(weeks=4) for uid in new_days),
              "the weeks after the first file bring new ids")
        for uid, (start, _, _, _) in after.items():
            if uid not in before:
                check(start >= first + datetime.timedelta(weeks=4)
                      or not any(s == start and k == after[uid][1] for s, k, _, _ in before.values()),
                      "an entry of a day the first file had for the same kind keeps its id")

        for weeks in ("0", "27"):
            refused = runback(env, "calendar", "--weeks", weeks, expect=2)
            check("--weeks" in refused.stderr and "26" in refused.stderr,
                  "--weeks %s is refused with the flag and its range: %s" % (weeks, refused.stderr))

    if FAILURES:
        print("%d check(s) failed" % len(FAILURES), file=sys.stderr)
        return 1
    print("icalendar_roundtrip: %d then %d entries read back; %d ids kept" %
          (len(before), len(after), len(both)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

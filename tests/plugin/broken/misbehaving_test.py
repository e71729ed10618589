#!/usr/bin/env python3
"""A misbehaving plugin cannot take runback down (issue 14, one row of its table per run).

    misbehaving_test.py RUNBACK MISBEHAVING_DIR SOURCE_DIR ROW

A database of four runners: two on the misbehaving plugin's protocol ("b1", "b2"), one on a
shipped plugin's protocol ("shipped", achilles-midportion) and one on a protocol with no plugin
("plain", general-return). The plugins of tests/plugin/broken/misbehaving/ behave while
RUNBACK_TEST_PLUGIN_BEHAVES is set: the runners are started and their days logged then, and the
plans the others' are compared with are made then. Then, with the plugin misbehaving, every
command a clinic would run - `protocol lint`, `week`, `status`, `runners`, `week --all` and
`week --all --format json` - must end by itself, with a status of 0, 1 or 2 (never a signal, and
1 or 2 when the broken runner is planned alone; `lint` 2), a message naming the plugin and its
file, JSON that parses, the other runners' plans as they were, and the database as it was.

Every assertion that fails is listed (not only the first); the exit status is 1 if any did.
"""

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

RUNBACK, MISBEHAVING, SOURCE, ROW = sys.argv[1:5]

# Far above the per-call limit the hang row sets (RUNBACK_PLUGIN_TIMEOUT), and above anything a
# sanitizer build on a loaded machine needs: a command that takes this long has hung.
COMMAND_TIMEOUT_S = 120
DATE = "2026-11-16"  # the day the commands plan: the third week
FORGED = "Sat 99 Nov"

# What each row's plugin is, and what else its commands must (not) show.
ROWS = {
    "segv": {"plugin": "broken-segv"},
    "abort": {"plugin": "broken-abort"},
    "hang": {"plugin": "broken-hang", "env": {"RUNBACK_PLUGIN_TIMEOUT": "1"}},
    "exit": {"plugin": "broken-exit"},
    # A note may quote what the plugin printed; it must not stand as runback's own output.
    "stdout": {"plugin": "broken-stdout", "no_line_starts": "STRAY OUTPUT"},
    # Crashes while loading: no runner can be started on it; it sits first on the path while
    # runners on the shipped plugins are planned.
    "static-init": {"plugin": "broken-static-init", "loads_only": True},
    # Named knee, earlier on the path than the knee 1.0.0 the knee runners started with.
    "impostor": {"plugin": "knee", "impostor": True, "never_in_stdout": "IMPOSTOR"},
    "huge-string": {"plugin": "broken-huge-string", "bounded": True,
                    "stderr_says": r"long|length|too many|bytes|characters",
                    "stderr_never": "empty name"},
    # The smallest limit that still lets a sanitizer build's host start (RUNBACK_PLUGIN_MEMORY_MB
    # is the isolation's), so that the row does not wait for a default limit of 1 GB.
    "memory": {"plugin": "broken-memory", "stderr_says": r"memory|bad_alloc",
               "env": {"RUNBACK_PLUGIN_MEMORY_MB": "256"}},
    # Text is cleaned, not refused: the plan may go on; it must not draw anything.
    "fake-day": {"plugin": "broken-fake-day", "text_only": True},
}
if ROW not in ROWS:
    sys.exit(f"unknown row {ROW!r}; the rows: {', '.join(ROWS)}")
CASE = ROWS[ROW]
PLUGIN = CASE["plugin"]
PLUGIN_DIR = os.path.join(os.path.abspath(MISBEHAVING), PLUGIN)
PLUGIN_FILE = os.path.join(PLUGIN_DIR, PLUGIN + ".so")

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
    return ok


def shorten(text, limit=600):
    text = text if isinstance(text, str) else repr(text)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


class Scratch:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix=f"runback-misbehaving-{ROW}-")
        self.db = os.path.join(self.dir, "r.db")
        self.protocols = os.path.join(self.dir, "config", "runback", "protocols")
        os.makedirs(self.protocols)
        self.empty_plugin_dir = os.path.join(self.dir, "no-plugins")
        os.makedirs(self.empty_plugin_dir)

    def env(self, plugin_path, behaves, extra=None):
        env = dict(os.environ)
        env.update({
            "HOME": self.dir,
            "XDG_DATA_HOME": os.path.join(self.dir, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
            "RUNBACK_DB": self.db,
            "RUNBACK_PLUGIN_PATH": plugin_path,
            "COLUMNS": "100",
            "NO_COLOR": "1",
        })
        env.pop("RUNBACK_TEST_PLUGIN_BEHAVES", None)
        if behaves:
            env["RUNBACK_TEST_PLUGIN_BEHAVES"] = "1"
        env.update(extra or {})
        return env


class Ran:
    def __init__(self, args, code, out, err, hung):
        self.args, self.code, self.out, self.err, self.hung = args, code, out, err, hung

    def __str__(self):
        return "runback " + " ".join(self.args)


def run(args, env):
    """Runs runback in a process group of its own, so that a plugin host it started is ended
    with it if it hangs; reports any process of the group still alive after it exits."""
    proc = subprocess.Popen([RUNBACK] + args, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    hung = False
    try:
        out, err = proc.communicate(timeout=COMMAND_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        hung = True
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    ran = Ran(args, proc.returncode, out.decode("utf-8", "replace"),
              err.decode("utf-8", "replace"), hung)
    # The group's leader has exited; anything left in it is a process runback started.
    for _ in range(100):
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        check(False, f"{ran}: left a process behind (killed now)")
        os.killpg(proc.pid, signal.SIGKILL)
    return ran


def must(ran):
    """A setup step: it has to work for the rest to mean anything."""
    if ran.code != 0:
        print(f"setup failed: {ran} exited {ran.code}\n{ran.err}", file=sys.stderr)
        sys.exit(1)
    return ran


def dump(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def write_protocol(scratch, protocol_id, plugin):
    """The minimal valid protocol, under another id, naming `plugin`."""
    with open(os.path.join(SOURCE, "tests", "protocol", "valid", "minimal.yaml")) as f:
        text = f.read()
    text = re.sub(r"(?m)^id: minimal$", f"id: {protocol_id}", text)
    text += f"\nplugin:\n  name: {plugin}\n"
    path = os.path.join(scratch.protocols, protocol_id + ".yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def set_up(scratch):
    """Starts the four runners and logs their first days, every plugin behaving. Returns the
    broken runners' protocol file (the one `lint` checks) and their names."""
    env = scratch.env("", behaves=True)
    broken = ["b1", "b2"]
    if CASE.get("impostor"):
        lint_file = os.path.join(SOURCE, "protocols", "patellofemoral.yaml")
        starts = {name: ["--protocol", "patellofemoral", "--param", "baseline_cadence=160"]
                  for name in broken}
    elif CASE.get("loads_only"):
        lint_file = write_protocol(scratch, "misbehaving-" + ROW, PLUGIN)
        # Nobody can follow a plugin that never loads: these two follow knee 1.0.0, and must
        # not notice the crashing library before it on the path.
        starts = {name: ["--protocol", "patellofemoral", "--param", "baseline_cadence=160"]
                  for name in broken}
        broken = []
    else:
        lint_file = write_protocol(scratch, "misbehaving-" + ROW, PLUGIN)
        env = scratch.env(PLUGIN_DIR, behaves=True)
        starts = {name: ["--protocol", "misbehaving-" + ROW] for name in broken}
    starts["shipped"] = ["--protocol", "achilles-midportion"]
    starts["plain"] = ["--protocol", "general-return"]
    for name, protocol in starts.items():
        must(run(["--runner", name, "start", *protocol, "--start", "2026-11-02",
                  "--usual-pain", "0"], env))
        for day in ("2026-11-02", "2026-11-05", "2026-11-10"):
            must(run(["--runner", name, "log", day, "--session", "done", "--pain-during", "1",
                      "--pain-after", "1"], env))
    return lint_file, broken


def commands(lint_file, broken):
    """The commands of the row: (label, args, planned alone?)."""
    alone = broken[0] if broken else "b1"
    return [
        ("lint", ["protocol", "lint", lint_file]),
        ("week", ["--runner", alone, "week", "--date", DATE]),
        ("status", ["--runner", alone, "status", "--date", DATE]),
        ("runners", ["runners", "--date", DATE]),
        ("week --all", ["week", "--all", "--date", DATE]),
        ("week --all json", ["week", "--all", "--date", DATE, "--format", "json"]),
        # The others, alone: their plans are compared with the ones made without the fault.
        ("week shipped", ["--runner", "shipped", "week", "--date", DATE]),
        ("week plain", ["--runner", "plain", "week", "--date", DATE]),
        ("status shipped", ["--runner", "shipped", "status", "--date", DATE]),
        ("status plain", ["--runner", "plain", "status", "--date", DATE]),
    ]


def runners_of(parsed):
    """week --all's JSON, by runner name, wherever the runners' list is."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            name = node.get("runner")
            if isinstance(name, dict):
                name = name.get("name")
            if isinstance(name, str):
                found.setdefault(name, node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(parsed)
    return found


def names_the_plugin(ran):
    """A message naming the plugin and its file: on stderr, or in a note of the plan on stdout
    (where `week` wraps it: the text is read with its line breaks and indents undone). Not a
    sanitizer's stack frame, which names the file too."""
    for stream in (ran.err, ran.out):
        text = " ".join(line.strip() for line in stream.splitlines()
                        if not re.match(r"\s*#\d+ ", line))
        if f"'{PLUGIN}'" in text and re.search(f"{re.escape(PLUGIN)}'?\\s*\\(?{re.escape(PLUGIN_FILE)}", text):
            return True
    return False


def main():
    scratch = Scratch()
    try:
        lint_file, broken = set_up(scratch)
        plan = commands(lint_file, broken)
        # The plans without the fault, then the database as the commands must leave it.
        if CASE.get("impostor") or CASE.get("loads_only"):
            without = scratch.env("", behaves=True)
        else:
            without = scratch.env(PLUGIN_DIR, behaves=True)
        before = {label: run(args, without) for label, args in plan}
        for label, ran in before.items():
            if label != "lint":  # lint's file may name a plugin that is not there
                must(ran)
        snapshot = dump(scratch.db)

        # The plugin's directory is earlier on the path than the build tree's plugins, where
        # knee and achilles are.
        faulty = scratch.env(PLUGIN_DIR, behaves=False, extra=CASE.get("env"))
        for label, args in plan:
            ran = run(args, faulty)
            if not check(not ran.hung, f"{ran}: still running after {COMMAND_TIMEOUT_S} s"):
                break  # the row has failed; the rest would only hang as long again
            assess(label, ran, before[label], broken)
            check(dump(scratch.db) == snapshot, f"{ran}: changed the database")
    finally:
        shutil.rmtree(scratch.dir, ignore_errors=True)

    if failures:
        print(f"row {ROW!r} ({PLUGIN}): {len(failures)} failed assertion(s):")
        for failure in failures:
            print("  FAIL " + failure)
        sys.exit(1)
    print(f"row {ROW!r} ({PLUGIN}): contained")


def assess(label, ran, before, broken):
    """The assertions on one command run with the plugin misbehaving. `before` is the same
    command run without the fault; `broken` the runners on the misbehaving plugin."""
    check(0 <= ran.code <= 2,
          f"{ran}: exit status {ran.code} (expected 0, 1 or 2); stderr: {shorten(ran.err)}")
    meets_it = label in ("lint", "week", "status", "runners", "week --all", "week --all json")
    refused = not CASE.get("text_only")  # the fault makes the plugin's answers unusable
    if label == "lint" and refused and not CASE.get("impostor"):
        check(ran.code == 2, f"{ran}: exit status {ran.code}, expected 2 for a plugin that fails")
    if label in ("week", "status") and refused and broken:
        check(ran.code in (1, 2),
              f"{ran}: exit status {ran.code}, expected 1 or 2 for a runner whose plugin fails")
    if meets_it and refused and broken and not CASE.get("impostor"):
        check(names_the_plugin(ran),
              f"{ran}: no message names plugin '{PLUGIN}' and {PLUGIN_FILE}; "
              f"stderr: {shorten(ran.err)}")
    if label == "lint" and CASE.get("loads_only"):
        check(PLUGIN_FILE in ran.err,
              f"{ran}: stderr does not name {PLUGIN_FILE}; stderr: {shorten(ran.err)}")
    if CASE.get("impostor") and label in ("week", "status", "week --all", "week --all json"):
        for word in ("knee", "6.6.6", "1.0.0", PLUGIN_FILE, "program upgrade"):
            check(word in ran.err,
                  f"{ran}: stderr does not say {word!r}; stderr: {shorten(ran.err)}")
    if label == "week --all json":
        try:
            parsed = json.loads(ran.out)
        except ValueError as error:
            check(False, f"{ran}: stdout is not JSON ({error}): {shorten(ran.out)}")
        else:
            now, then = runners_of(parsed), runners_of(json.loads(before.out))
            for name in ["shipped", "plain"] + ([] if broken else ["b1", "b2"]):
                check(name in now and now.get(name) == then.get(name),
                      f"{ran}: runner {name}'s plan differs from the one without the fault: "
                      f"{shorten(json.dumps(now.get(name)))} instead of "
                      f"{shorten(json.dumps(then.get(name)))}")
    # Whatever does not involve the plugin prints what it printed without the fault.
    unaffected = label.endswith(("shipped", "plain")) or (
        not broken and label in ("week", "status", "runners", "week --all"))
    if unaffected:
        check(ran.code == before.code and ran.out == before.out,
              f"{ran}: differs from the run without the fault: exit {ran.code}, stdout "
              f"{shorten(ran.out)} instead of exit {before.code}, stdout {shorten(before.out)}; "
              f"stderr: {shorten(ran.err)}")
    if "never_in_stdout" in CASE:
        check(CASE["never_in_stdout"] not in ran.out,
              f"{ran}: stdout shows {CASE['never_in_stdout']!r}: {shorten(ran.out)}")
    if "no_line_starts" in CASE:
        stray = [line for line in ran.out.splitlines() if line.startswith(CASE["no_line_starts"])]
        check(not stray, f"{ran}: stdout has the plugin's own lines: {stray[:3]!r}")
    if "stderr_says" in CASE and meets_it and broken:
        check(re.search(CASE["stderr_says"], ran.err + ran.out, re.IGNORECASE),
              f"{ran}: no message matches /{CASE['stderr_says']}/; stderr: {shorten(ran.err)}")
    if "stderr_never" in CASE:
        check(CASE["stderr_never"] not in ran.err,
              f"{ran}: stderr says {CASE['stderr_never']!r}: {shorten(ran.err)}")
    if CASE.get("bounded"):
        check(len(ran.out) + len(ran.err) < 1 << 20,
              f"{ran}: printed {len(ran.out) + len(ran.err)} characters")
    if CASE.get("text_only"):
        for stream, text in (("stdout", ran.out), ("stderr", ran.err)):
            check("\x1b" not in text and "\r" not in text,
                  f"{ran}: {stream} holds an escape or a carriage return: {text!r:.600}")
            forged = [line for line in re.split(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]", text)
                      if line.startswith(FORGED)]
            check(not forged, f"{ran}: {len(forged)} line(s) of {stream} start with the forged "
                              f"text, the first {forged[0] if forged else ''!r}")


if __name__ == "__main__":
    main()

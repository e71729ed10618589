#!/usr/bin/env python3
"""runback's bash completion in a real interactive bash: TAB pressed on a terminal.

Usage: completion_test.py RUNBACK_EXE COMPLETION_SCRIPT

Starts bash on a pseudo-terminal with the completion loaded and `runback` on its PATH, makes two
runners in a fresh database, then types `runback we<TAB>` and `runback week --runner <TAB><TAB>`
and checks what bash puts on the line and lists.
"""
import os
import pty
import select
import subprocess
import sys
import tempfile
import time


def read_until(fd, wanted, timeout=20.0):
    """Everything bash prints until `wanted` appears (or the timeout)."""
    out = b""
    end = time.time() + timeout
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if wanted.encode() in out:
                return out.decode(errors="replace")
    return out.decode(errors="replace")


def main():
    exe, script = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        bin_dir = os.path.join(tmp, "bin")
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(exe), os.path.join(bin_dir, "runback"))
        env = dict(os.environ)
        env.update({"PATH": bin_dir + ":" + env.get("PATH", "/usr/bin:/bin"),
                    "RUNBACK_DB": os.path.join(tmp, "records.db"),
                    "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
                    "XDG_DATA_HOME": os.path.join(tmp, "data"),
                    "HOME": tmp, "TERM": "dumb", "INPUTRC": "/dev/null"})
        for name, protocol in (("Sam", "achilles-midportion"), ("Ana Lopez", "hip-gluteal")):
            subprocess.run([exe, "start", "--runner", name, "--protocol", protocol,
                            "--start", "2026-11-02", "--usual-pain", "0"],
                           env=env, check=True, stdout=subprocess.DEVNULL)

        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"], env)
        os.write(fd, b"PS1='READY> '; source '" + script.encode() + b"'; echo LOADED\n")
        read_until(fd, "LOADED\r\nREADY> ")

        os.write(fd, b"runback we\t")
        line = read_until(fd, "week ")
        if "runback week " not in line:
            failures.append("`runback we<TAB>` did not complete to `runback week `: %r" % line)
        os.write(fd, b"\x15")  # Ctrl-U: clear the line

        os.write(fd, b"runback week --runner \t\t")
        listed = read_until(fd, "Sam", timeout=20)
        if "Sam" not in listed or "Ana\\ Lopez" not in listed:
            failures.append("`--runner <TAB><TAB>` did not list both runners: %r" % listed)
        os.write(fd, b"\x15")

        os.write(fd, b"runback week --runner S\t")
        line = read_until(fd, "Sam ")
        if "--runner Sam " not in line:
            failures.append("`--runner S<TAB>` did not complete to Sam: %r" % line)
        os.write(fd, b"\x15exit\n")
        os.waitpid(pid, 0)

    for failure in failures:
        print("FAILED: " + failure)
    if not failures:
        print("bash completed `runback we<TAB>`, `--runner <TAB><TAB>` and `--runner S<TAB>`")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks the visit report (`runback report`) as a reader's tools see it.

  visit_report_check.py validate RUNBACK
      makes a report from a short journey through the real commands and parses it with
      html5lib's strict parser (any parse error fails), then checks its tree: the charts are
      <svg> elements with accessible names, no <script> anywhere, the runner's name is text.
  visit_report_check.py chromium RUNBACK CHROMIUM [SCREENSHOT]
      renders the same report in headless Chromium: a screenshot that is a real picture, the
      charts in the DOM Chromium built, and no console message at all (the page has no script,
      and its Content-Security-Policy reports anything that tries to load or run).
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

# A name that is markup if anything forgets to escape it.
NAME = "<script>alert(1)</script> & \"Sam\" O'Neil"


def runback(binary, env, *args):
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        sys.exit(f"runback {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def make_report(binary, folder):
    env = {key: value for key, value in os.environ.items()
           if key.startswith(("ASAN", "UBSAN", "PATH"))}
    env.update(HOME=folder, XDG_CONFIG_HOME=os.path.join(folder, "config"),
               XDG_DATA_HOME=os.path.join(folder, "data"), RUNBACK_DB=os.path.join(folder, "r.db"))
    runback(binary, env, "--runner", NAME, "start", "--usual-pain", "0", "--protocol",
            "achilles-midportion", "--start", "2026-11-02", "--days", "mon,wed,fri")
    for day, during, raises in [("02", 2, 12), ("04", 2, 14), ("06", 3, 15), ("09", 2, 18),
                                ("11", 7, 16), ("13", 2, 18), ("16", 3, 20)]:
        runback(binary, env, "log", f"2026-11-{day}", "--pain-during", str(during),
                "--pain-after", str(max(0, during - 1)),
                "--pain-morning", "0" if during < 6 else "2",
                "--answer", f"heel-raises={raises}", "--answer", "morning-stiffness=0",
                "--note", "</pre><script>alert('note')</script>")
    runback(binary, env, "log", "2026-11-18", "--red-flag", "night-pain")
    runback(binary, env, "clear", "--by", "Dr <Lee> & \"Co\"", "--date", "2026-11-20")
    runback(binary, env, "log", "2026-11-23", "--pain-during", "1", "--pain-after", "0",
            "--pain-morning", "0")
    path = os.path.join(folder, "visit.html")
    runback(binary, env, "report", "--from", "2026-11-02", "--to", "2026-11-25", "--output", path)
    return path


def validate(binary):
    try:
        import html5lib
    except ImportError:
        sys.exit("html5lib is missing: install python3-html5lib (among the README's test packages)")

    with tempfile.TemporaryDirectory() as folder:
        with open(make_report(binary, folder), "rb") as page:
            data = page.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        tree = parser.parse(data)
    except html5lib.html5parser.ParseError as error:
        sys.exit(f"the report is not valid HTML: {error}")
    if parser.errors:
        sys.exit(f"the report is not valid HTML: {parser.errors}")
    svg = "{http://www.w3.org/2000/svg}"
    charts = tree.findall(f".//{svg}svg")
    if len(charts) < 5:
        sys.exit(f"expected 5 charts (pain, stage, weekly, two plugin questions), "
                 f"found {len(charts)}")
    for chart in charts:
        if chart.get("role") != "img" or not chart.get("aria-label"):
            sys.exit("a chart has no role=img and aria-label")
        if chart.find(f"{svg}title") is None:
            sys.exit("a chart has no <title>")
    if tree.findall(".//script"):
        sys.exit("the report has a <script> element")
    heading = "".join(tree.find(".//h1").itertext())
    if heading != NAME + ": visit report":
        sys.exit(f"the heading is not the runner's name as text: {heading!r}")
    print(f"valid HTML with {len(charts)} charts, {len(data)} bytes")


def png_size(path):
    with open(path, "rb") as png:
        head = png.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def chromium(binary, browser, screenshot):
    with tempfile.TemporaryDirectory() as folder:
        page = make_report(binary, folder)
        screenshot = screenshot or os.path.join(folder, "visit.png")
        # No sandbox: CI runs as root in a container; /dev/shm there may be tiny.
        common = [browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                  "--disable-dev-shm-usage", "--hide-scrollbars",
                  "--enable-logging=stderr", "--v=0", f"--user-data-dir={folder}/profile"]
        shot = subprocess.run(common + [f"--screenshot={screenshot}", "--window-size=1200,2000",
                                        "file://" + page],
                              capture_output=True, text=True, timeout=180)
        dom = subprocess.run(common + ["--dump-dom", "file://" + page],
                             capture_output=True, text=True, timeout=180)
    for run, what in [(shot, "the screenshot"), (dom, "--dump-dom")]:
        if run.returncode != 0:
            sys.exit(f"chromium failed for {what} ({run.returncode}):\n{run.stderr[-3000:]}")
        console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
        if console:
            sys.exit("console messages while rendering the report:\n" + "\n".join(console))
    if not os.path.exists(screenshot):
        sys.exit("chromium wrote no screenshot")
    width, height = png_size(screenshot)
    size = os.path.getsize(screenshot)
    # A blank 1200x2000 page compresses to a few kilobytes; charts and text make far more.
    if (width, height) != (1200, 2000) or size < 60_000:
        sys.exit(f"the screenshot looks empty: {width}x{height}, {size} bytes")
    charts = len(re.findall(r"<svg\b", dom.stdout))
    if charts < 5 or "<script" in dom.stdout or "<title>" not in dom.stdout:
        sys.exit(f"the DOM chromium built has {charts} charts (expected 5) or a script")
    print(f"chromium rendered the report: {charts} charts, a {width}x{height} screenshot of "
          f"{size} bytes, no console messages")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "validate":
        validate(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "chromium":
        chromium(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

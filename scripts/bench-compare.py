#!/usr/bin/env python3
"""Times whole processes that turn the same agreement into a PDF:
`pactwright render`, headless Chromium printing `pactwright render --format
html`, and Typst (when `pip install typst` is present) on the same content.
Runs are interleaved (one of each tool per round) so machine noise hits
every tool alike; reports medians of wall time and peak resident memory.

Usage: scripts/bench-compare.py [--rounds N]
Needs: a release build (the script runs cargo build --release), chromium
(apt install chromium), optionally typst (pip install typst).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release")


def run(cmd):
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def timed(cmd):
    """Wall seconds and peak RSS (MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024.0


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    run(["cargo", "build", "--release", "--quiet", "--bin", "pactwright", "--example", "gen_big", "--example", "to_typst"])
    work = tempfile.mkdtemp(prefix="pactwright-bench-")
    big = os.path.join(work, "big.agreement.json")
    run([os.path.join(BIN, "examples", "gen_big"), big])
    cases = [
        ("offering sample", os.path.join(ROOT, "samples", "collaboration-offering.agreement.json")),
        ("service desk sample", os.path.join(ROOT, "samples", "it-service-desk.agreement.json")),
        ("generated 200-page", big),
    ]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import typst  # noqa: F401
        have_typst = True
    except ImportError:
        have_typst = False
    fonts = os.path.join(ROOT, "fonts")
    print(f"rounds: {args.rounds}; chromium: {chromium or 'not installed'}; typst: {'yes' if have_typst else 'not installed'}\n")
    print("| agreement | tool | pages | median wall | peak RSS | vs pactwright |")
    print("|---|---|--:|--:|--:|--:|")
    for name, draft in cases:
        html = os.path.join(work, "in.html")
        typ = os.path.join(work, "in.typ")
        run([os.path.join(BIN, "pactwright"), "render", draft, "--format", "html", "-o", html])
        run([os.path.join(BIN, "examples", "to_typst"), draft, typ])
        tools = {
            "pactwright": [os.path.join(BIN, "pactwright"), "render", draft, "-o", os.path.join(work, "p.pdf")],
        }
        if chromium:
            profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
            tools["chromium"] = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                 "--disable-sync", "--no-pdf-header-footer", f"--user-data-dir={profile}",
                                 f"--print-to-pdf={os.path.join(work, 'c.pdf')}", html]
        if have_typst:
            tools["typst"] = [sys.executable, "-c",
                              f"import typst; typst.compile({typ!r}, output={os.path.join(work, 't.pdf')!r}, font_paths=[{fonts!r}])"]
        samples = {t: [] for t in tools}
        for _ in range(args.rounds):
            for tool, cmd in tools.items():
                samples[tool].append(timed(cmd))
        out_pdf = {"pactwright": "p.pdf", "chromium": "c.pdf", "typst": "t.pdf"}
        base = statistics.median(w for w, _ in samples["pactwright"])
        for tool, runs in samples.items():
            wall = statistics.median(w for w, _ in runs)
            rss = statistics.median(r for _, r in runs)
            n = pages(os.path.join(work, out_pdf[tool]))
            ratio = "1x" if tool == "pactwright" else f"{wall / base:.0f}x slower"
            print(f"| {name} | {tool} | {n} | {wall * 1000:.0f} ms | {rss:.0f} MB | {ratio} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

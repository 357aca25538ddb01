#!/usr/bin/env python3
"""Prints raw, gzip -9 and brotli -q 11 sizes of every file in a dist folder,
and the first-visit total: index.html, sw.js and every file the service
worker fetches on the first visit (its FILES list, which holds everything
the page itself loads), and the largest language's texts file (a first visit
fetches one language). Budget: 150 KB gzip."""
import ast
import gzip
import os
import re
import subprocess
import sys

BUDGET_GZIP = 150 * 1024


def brotli_size(data: bytes) -> int:
    try:
        out = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout
        return len(out)
    except (OSError, subprocess.CalledProcessError):
        return -1


def table(root: str):
    rows = []
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            data = open(path, "rb").read()
            rows.append((os.path.relpath(path, root), len(data), len(gzip.compress(data, 9)), brotli_size(data)))
    rows.sort()
    print(f"{'file':<48}{'raw':>10}{'gzip -9':>10}{'brotli':>10}")
    for name, raw, gz, br in rows:
        print(f"{name:<48}{raw:>10,}{gz:>10,}{br:>10,}")
    return rows


def report(root: str, rows) -> None:
    first = {"index.html", "sw.js"}
    sw = os.path.join(root, "sw.js")
    if os.path.exists(sw):
        listed = re.search(r"\bFILES\s*=\s*(\[.*?\])", open(sw, encoding="utf-8").read(), re.S)
        if not listed:
            sys.exit("size_report: sw.js has no FILES list")
        first |= {f[2:] for f in ast.literal_eval(listed.group(1)) if f not in ("./",)}
    # Each language's texts: a first visit fetches one, counted here as the
    # largest (the worker fetches the others later, when the page is idle).
    languages = [r for r in rows if re.fullmatch(r"texts-[a-z]+-[0-9a-f]{16}\.txt", r[0])]
    for r in languages:
        print(f"{'language ' + r[0].split('-')[1]:<48}{r[1]:>10,}{r[2]:>10,}{r[3]:>10,}")
    visit = [r for r in rows if r[0] in first]
    if languages:
        visit.append(max(languages, key=lambda r: r[2]))
    total = [sum(r[i] for r in visit) for i in (1, 2, 3)]
    print(f"{'first visit (' + str(len(visit)) + ' files: index, sw.js, precache, one language)':<48}{total[0]:>10,}{total[1]:>10,}{total[2]:>10,}")
    verdict = "within" if total[1] <= BUDGET_GZIP else "OVER"
    print(f"budget: {BUDGET_GZIP:,} bytes gzip -> {verdict} budget ({total[1] / 1024:.1f} KiB)")


def main() -> int:
    root = sys.argv[1] if len(sys.argv) > 1 else "dist"
    report(root, table(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())

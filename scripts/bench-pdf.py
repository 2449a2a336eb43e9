#!/usr/bin/env python3
"""The PDF against the Typst CLI: `weekly build -o X.pdf` beside Typst 0.15 (PyPI `typst`,
whose compile is the CLI's) compiling the Typst source weekly writes for the same issue
(`weekly build --format typst`), with the same fonts: the system's.

    scripts/bench-pdf.py WEEKLY PYTHON RUNS ISSUE...

Each ISSUE is measured twice, in alternating pairs (A B A B ...): warm, and cold, every font
file of the system's font folders dropped from the page cache (posix_fadvise DONTNEED) before
each run of either. The median of the pairs' ratios is printed with each side's median wall
time. A benchmark: nothing here passes or fails on speed.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

FONT_FOLDERS = ["/usr/share/fonts", "/usr/local/share/fonts", os.path.expanduser("~/.fonts"),
                os.path.expanduser("~/.local/share/fonts")]


def font_files():
    for top in FONT_FOLDERS:
        for folder, _, names in os.walk(top):
            for name in names:
                yield os.path.join(folder, name)


def evict():
    for path in font_files():
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def timed(argv):
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t0) * 1000


def main():
    weekly, python, runs, issues = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    work = tempfile.mkdtemp(prefix="bench-pdf-")
    compile_py = os.path.join(work, "compile.py")
    with open(compile_py, "w") as f:
        f.write("import sys, typst\ntypst.compile(sys.argv[1], output=sys.argv[2])\n")
    print("%-12s %-5s %10s %10s %7s" % ("issue", "fonts", "weekly ms", "typst ms", "ratio"))
    for issue in issues:
        source = os.path.join(work, "bulletin.typ")
        with open(source, "wb") as f:
            f.write(subprocess.run([weekly, "build", "--format", "typst", issue],
                                   check=True, stdout=subprocess.PIPE).stdout)
        a = [weekly, "build", issue, "-o", os.path.join(work, "weekly.pdf")]
        b = [python, compile_py, source, os.path.join(work, "typst.pdf")]
        for cold in (False, True):
            timed(a), timed(b)  # one untimed pair: the font index written, the caches warm
            pairs = []
            for _ in range(runs):
                if cold:
                    evict()
                ta = timed(a)
                if cold:
                    evict()
                tb = timed(b)
                pairs.append((ta, tb))
            name = os.path.basename(os.path.dirname(issue)) or issue
            print("%-12s %-5s %10.1f %10.1f %7.3f" % (
                name, "cold" if cold else "warm",
                statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs),
                statistics.median(p[0] / p[1] for p in pairs)))


if __name__ == "__main__":
    main()

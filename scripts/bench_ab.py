#!/usr/bin/env python3
"""Interleaved A/B runs of `badge-rules check --jsonl` builds against the
parse-only baseline on the same input: wall time, CPU time (user + sys from
wait4) and peak RSS (VmHWM polled from /proc) of each run, the median of
each and the spread of the runs (the noise), as BENCHMARKS.md's "before and
after" tables give them.

    python3 scripts/bench_ab.py DOCS THREADS REPEAT BASELINE CLI_A [CLI_B ...]

DOCS: a file of check documents, one per line (`cargo run --release -p
badge-rules --example gen_docs -- N > DOCS`); BASELINE: the built
`jsonl_baseline` bench (`cargo bench --no-run -p badge-rules --bench
jsonl_baseline`); CLI_*: copies of `target/release/badge-rules` built at the
commits to compare. Every round runs each binary once, the order reversed
every other round, so that they share the machine's load alike; each CLI's
output is compared with the first one's, byte for byte. Prints a table.

Standard library only (Python 3.9+), Linux (/proc).
"""

import filecmp
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


def measure(cmd, out_path):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one run of `cmd`."""
    with open(out_path, "wb") as out:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        hwm = 0
        while True:
            try:
                with open(f"/proc/{proc.pid}/status") as f:
                    found = re.search(r"VmHWM:\s+(\d+) kB", f.read())
                    if found:
                        hwm = max(hwm, int(found.group(1)))
            except OSError:
                pass
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.002)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd} failed")
    return {"wall": time.monotonic() - start, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": hwm}


def main():
    if len(sys.argv) < 6:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    docs, threads, repeat, baseline = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    clis = sys.argv[5:]
    names = clis + [baseline]
    runs = {n: [] for n in names}
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        outs = {n: os.path.join(tmp, f"{i}.jsonl") for i, n in enumerate(names)}
        for r in range(repeat):
            for n in names if r % 2 == 0 else names[::-1]:
                cmd = [baseline, docs, threads] if n == baseline else [n, "check", "--jsonl", f"--jobs={threads}", docs]
                runs[n].append(measure(cmd, outs[n]))
            loads.append(os.getloadavg()[0])
        same = {n: filecmp.cmp(outs[clis[0]], outs[n], shallow=False) for n in clis}
    base = runs[baseline]
    bw = statistics.median(r["wall"] for r in base)
    bc = statistics.median(r["cpu"] for r in base)
    print(f"{docs}, {threads} thread(s), {repeat} interleaved rounds, {os.cpu_count()} CPUs, "
          f"load average {min(loads):.2f}–{max(loads):.2f}")
    print("| run | wall (median) | wall of the runs (spread) | CPU (median) | CPU spread | × parse-only, wall "
          "| × parse-only, CPU | peak RSS | same output as the first |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for n in names:
        w = sorted(r["wall"] for r in runs[n])
        c = sorted(r["cpu"] for r in runs[n])
        mw, mc = statistics.median(w), statistics.median(c)
        label = "parse-only baseline" if n == baseline else n
        print(f"| {label} | {mw:.2f} s | {w[0]:.2f}–{w[-1]:.2f} s ({(w[-1] - w[0]) / mw:.0%}) | {mc:.2f} s "
              f"| {(c[-1] - c[0]) / mc:.0%} | {bw / mw:.2f} | {bc / mc:.2f} "
              f"| {max(r['rss_kib'] for r in runs[n]) / 1024:.1f} MiB "
              f"| {'–' if n == baseline else ('yes' if same[n] else '**no**')} |")


if __name__ == "__main__":
    main()

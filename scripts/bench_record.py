#!/usr/bin/env python3
"""Merges a run's summary rows into BENCHMARKS.md's summary table, keeping
each figure's previous value and flagging a move beyond its noise band.

`scripts/bench.py report` calls `merge` with the rows it has just measured
and the summary table of the BENCHMARKS.md it replaces. A row is matched to
its previous recording by its target's text without figures (a row naming
the slowest document or a count still matches). What is compared is the row's
ratio against its baseline of the same run when it has one (the figure to
trust on a shared machine), else the figure itself, after unit conversion.
The band is the row's own measured noise when the area measured it (the
spread of its repeated runs), and never less than the floor of its kind:
sizes NOISE_SIZE, everything else NOISE_TIME. A row moved beyond its band
says so in its `since the last recording` cell, with the previous value; a
row within it says `within ±band`; the previous value is never dropped
silently.

    python3 scripts/bench_record.py OLD.md NEW.md   # NEW.md's summary merged with OLD.md's, printed

Standard library only (Python 3.9+).
"""

import re
import sys

#: Floors of the noise band, as fractions: a size is exact but for the
#: compressor's version; a time or rate on this shared machine moves by this
#: much between quiet runs.
NOISE_SIZE = 0.01
NOISE_TIME = 0.10

HEADER = ("| target | figure | baseline | ratio | target | met? | recorded | previous | since the last recording |\n"
          "| --- | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |")

_UNITS = {
    "ns": ("time", 1e-9), "µs": ("time", 1e-6), "us": ("time", 1e-6), "ms": ("time", 1e-3), "s": ("time", 1.0),
    "B": ("size", 1.0), "KiB": ("size", 1024.0), "MiB": ("size", 1024.0 ** 2), "GiB": ("size", 1024.0 ** 3),
    "KB": ("size", 1e3), "MB": ("size", 1e6),
}


def cells(line):
    """The cells of a markdown table row."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def key(target):
    """A row's identity: its target's text without figures or parentheses,
    so that `slowest document (x); 1 of 18 over 1 µs` matches
    `slowest document (y); 2 of 18 over 1 µs`."""
    text = re.sub(r"\([^)]*\)", "", target)
    text = re.sub(r"\d[\d,.]*", "#", text)
    return re.sub(r"\s+", " ", text).strip()


def quantity(cell):
    """(kind, value in base units) of a cell's first figure, or None:
    `k = 1.411 (...)` is an exponent, `16.59 µs` a time, `142.2 KiB` a size,
    `281,299 documents/s` a rate, `1.23` a number."""
    if not cell or cell == "–":
        return None
    found = re.search(r"(k = )?(-?\d[\d,]*(?:\.\d+)?)(?:\s*([A-Za-zµ]+(?:/\w+)?))?", cell)
    if not found:
        return None
    value = float(found.group(2).replace(",", ""))
    if found.group(1):
        return ("exponent", value)
    unit = found.group(3) or ""
    if unit in _UNITS:
        kind, scale = _UNITS[unit]
        return (kind, value * scale)
    if "/" in unit:
        return ("rate", value)
    return ("number", value)


def judged(row):
    """The cell a row's move is judged on: its ratio against the baseline of
    the same run when it has one, else its figure."""
    return row[3] if quantity(row[3]) else row[1]


def band(kind, measured):
    """The noise band of a figure of `kind`, at least its floor."""
    floor = NOISE_SIZE if kind == "size" else NOISE_TIME
    return max(floor, measured or 0.0)


def summary_rows(text):
    """The rows of the summary table of a BENCHMARKS.md text, as cells."""
    for section in re.split(r"^## ", text, flags=re.M):
        if section.startswith("Summary"):
            table = section.split("### Recordings", 1)[0]
            return [cells(line) for line in table.splitlines()
                    if line.startswith("| ") and not line.startswith("| target |") and not line.startswith("| ---")]
    return []


def merge_row(base, recorded, noise, old, old_recorded=None):
    """One summary line: `base` (target, figure, baseline, ratio, target,
    met?), recorded by `recorded`, with the noise its area measured (a
    fraction, or None) and its previous recording from `old` (key -> cells);
    `old_recorded` names that recording where its row does not."""
    prev = old.get(key(base[0]))
    if prev is None:
        return "| " + " | ".join(base + [recorded, "–", "first recording"]) + " |"
    if len(prev) >= 9 and prev[6] == recorded:
        # The same recording written again (a report without a new run): its
        # comparison with the one before stays.
        return "| " + " | ".join(base + prev[6:9]) + " |"
    was_cell = judged(prev)
    when = prev[6] if len(prev) >= 9 else (old_recorded or "before recordings were kept")
    previous = f"{was_cell} ({when})"
    now_q, was_q = quantity(judged(base)), quantity(was_cell)
    if not now_q or not was_q or now_q[0] != was_q[0] or was_q[1] == 0:
        verdict = "not comparable"
    else:
        change = now_q[1] / was_q[1] - 1
        width = band(now_q[0], noise)
        if abs(change) > width:
            verdict = f"**moved {change:+.0%}** (noise band ±{width:.0%})"
        else:
            verdict = f"within ±{width:.0%} ({change:+.0%})"
    return "| " + " | ".join(base + [recorded, previous, verdict]) + " |"


def merge(new_rows, old_text, old_recorded=None):
    """The summary rows of this run, each a dict with `cells` (target,
    figure, baseline, ratio, target, met?), `recorded` (its area's recording:
    `2026-12-07 23:50 UTC, a1b2c3d, load 3.1, 2 CPUs`) and `noise` (a
    fraction or None), merged with the previous summary of `old_text` (whose
    rows without a `recorded` cell were recorded as `old_recorded` says): the
    table's lines, header included."""
    old = {}
    for row in summary_rows(old_text):
        old.setdefault(key(row[0]), row)
    return [HEADER] + [merge_row(list(r["cells"]), r["recorded"], r.get("noise"), old, old_recorded)
                      for r in new_rows]


def carried(row_line, old_recorded=None):
    """A summary line kept from the previous file (its area not rerun), in
    this table's columns; `old_recorded` names its recording where the line
    does not."""
    row = cells(row_line)
    if len(row) >= 9:
        return "| " + " | ".join(row[:9]) + " |"
    return "| " + " | ".join(row[:6] + [old_recorded or "before recordings were kept", "–", "not rerun"]) + " |"


def section_recording(section):
    """The recording an area's section names in its first line (`2026-11-23
    18:37 UTC, commit `59a08b1`, load average 0.43 before, 0.99 after`), for
    a file written before the Recordings table; None if it names none."""
    found = re.search(r"(\d{4}-\d\d-\d\d \d\d:\d\d UTC), commit (`[^`]+`)(?:.*?load average "
                      r"([\d.]+) before, ([\d.]+) after)?", section or "")
    if not found:
        return None
    load = f"load {found.group(3)} → {found.group(4)}" if found.group(3) else "load not recorded"
    return f"{found.group(1)}, {found.group(2)}, {load}, CPUs not recorded"


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    old_text = open(sys.argv[1]).read()
    new_rows = [{"cells": r[:6], "recorded": r[6] if len(r) >= 9 else "new", "noise": None}
                for r in summary_rows(open(sys.argv[2]).read())]
    print("\n".join(merge(new_rows, old_text)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`make bench-plan-campaigns`: the planner's memory against the number of
campaigns (issue 22: a copy of every campaign per campaign took 935 MB at
1,000 campaigns x 20 offers and aborted at 3,000).

Plans OFFERS offers against 1,000 and 10,000 open DISCOUNT campaigns with
`badge-rules plan` and prints each run's peak resident memory (VmHWM from
/proc, read while it runs) and their ratio: linear in campaigns plus offers
keeps it well under the 10x of the campaigns (a quadratic planner would be
near 100x). Figures, not a pass/fail: BENCHMARKS.md reads them.

BIN (default target/release/badge-rules) and CAMPAIGNS ("1000 10000") can
be set in the environment.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("BIN", "target/release/badge-rules")
SIZES = [int(n) for n in os.environ.get("CAMPAIGNS", "1000 10000").split()]
OFFERS = int(os.environ.get("OFFERS", "2"))


def context(n):
    campaigns = [
        {"id": f"C{i}", "type": "DISCOUNT", "marketplace": {"id": "allegro-pl"},
         "application": {"type": "ALWAYS"}, "visibility": {"type": "ALWAYS"},
         "publication": {"type": "ALWAYS"}}
        for i in range(n)
    ]
    return {
        "now": "2026-11-23T12:00:00Z",
        "campaigns": {"badgeCampaigns": campaigns},
        "terms": {"discount": {"minPercent": "10", "maxPercent": "50"}},
        "badges": {"badges": []},
        "applications": {"badgeApplications": []},
        "allegroPrices": {"offers": []},
    }


def offers():
    return "".join(
        json.dumps({
            "offer": {"id": str(7000 + i),
                      "sellingMode": {"format": "BUY_NOW", "price": {"amount": "100.00", "currency": "PLN"}},
                      "stock": {"available": 5}, "publication": {"status": "ACTIVE"}},
            "metrics": {"lowestPrice30Days": {"amount": "100.00", "currency": "PLN"}},
        }) + "\n"
        for i in range(OFFERS)
    )


def peak_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(n, tmp):
    ctx = os.path.join(tmp, f"context-{n}.json")
    with open(ctx, "w") as f:
        json.dump(context(n), f)
    items = os.path.join(tmp, "offers.jsonl")
    with open(items, "w") as f:
        f.write(offers())
    start = time.monotonic()
    proc = subprocess.Popen([BIN, "plan", "--context", ctx, items],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    hwm, lines = 0, 0
    for _ in proc.stdout:
        lines += 1
        hwm = max(hwm, peak_kib(proc.pid))
    hwm = max(hwm, peak_kib(proc.pid))
    # The last reading before it exits: poll until it is gone.
    while proc.poll() is None:
        hwm = max(hwm, peak_kib(proc.pid))
        time.sleep(0.005)
    wall = time.monotonic() - start
    if proc.returncode != 0 or lines != n * OFFERS:
        sys.exit(f"plan of {n} campaigns: exit {proc.returncode}, {lines} lines of {n * OFFERS}")
    return hwm, wall


def main():
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in SIZES:
            hwm, wall = run(n, tmp)
            rows.append((n, hwm, wall))
            print(f"plan: {n:,} campaigns x {OFFERS} offers: peak RSS {hwm / 1024:.1f} MiB, {wall:.1f} s")
        (n0, m0, _), (n1, m1, _) = rows[0], rows[-1]
        print(f"plan: peak RSS at {n1:,} / at {n0:,} campaigns: {m1 / max(1, m0):.2f}x "
              f"(campaigns {n1 / n0:.0f}x; quadratic would be about {(n1 / n0) ** 2:.0f}x)")


if __name__ == "__main__":
    main()

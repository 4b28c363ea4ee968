#!/usr/bin/env python3
"""Runs badge-rules' benchmarks and writes BENCHMARKS.md.

    python3 scripts/bench.py native   # criterion benches of the core -> target/bench/native.json
    python3 scripts/bench.py cli      # check --jsonl over 1,000,000 documents -> target/bench/cli.json
    python3 scripts/bench.py wasm     # Node: instantiate, check(), boundaries, size -> target/bench/wasm.json
    python3 scripts/bench.py plan     # plan over 1,000,000 offers against check --jsonl -> target/bench/plan.json
    python3 scripts/bench.py ledger   # the price ledger: record, lowest, check --ledger -> target/bench/ledger.json
    python3 scripts/bench.py ledger-ratios  # check --jsonl and plan, --ledger against plain -> target/bench/ledger-ratios.json
    python3 scripts/bench.py serve    # badge-rules serve on loopback: checks at 1/16/256 connections, the NDJSON batch -> target/bench/serve.json
    python3 scripts/bench.py peers    # json-rules-engine, zen-engine-wasm, cedar-wasm on one rule set -> target/bench/peers.json
    python3 scripts/bench.py first    # Node: import to first decision, check() per example -> target/bench/first.json
    python3 scripts/bench.py form     # the form in Chromium: first verdict, keystroke -> target/bench/form.json
    python3 scripts/bench.py report   # BENCHMARKS.md from whatever target/bench/*.json holds

`make bench` runs the first three, then `report`; `make bench-native`,
`make bench-cli` and `make bench-wasm` run one area and the report. Every
figure is compared with a baseline measured in the same run, on the same
machine. Nothing here asserts speed: targets met or missed are written down.

Standard library only (Python 3.9+), Linux (/proc).
"""

import datetime
import glob
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_record  # noqa: E402  (scripts/bench_record.py, beside this file)
import bench_js  # noqa: E402  (scripts/bench_js.py, beside this file)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench")
CARGO = os.environ.get("CARGO", "cargo")
NOTES = os.path.join(ROOT, "scripts", "bench-notes.md")

#: Documents of the --jsonl run (BENCH_DOCS overrides, for a quick try).
DOCS = int(os.environ.get("BENCH_DOCS", "1000000"))
#: The smaller run that shows memory flat (a tenth of DOCS).
DOCS_SMALL = max(1, DOCS // 10)
#: Offers of the plan run (BENCH_PLAN_OFFERS overrides); the smaller run, a tenth.
PLAN_OFFERS = int(os.environ.get("BENCH_PLAN_OFFERS", "1000000"))
#: Repetitions of each timed CLI run (the median is kept).
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))

# The targets of the issue.
TARGET_CHECK_NS = 1000.0
TARGET_E2E_RATIO = 1.5
TARGET_CLI_RATIO = 1.2  # issue 24: check --jsonl >= 1.2 x parse-only, on wall time and on CPU
TARGET_PLAN_RATIO = 0.8  # plan pairs/s against check --jsonl on the pairs' documents
TARGET_RSS_GROWTH = 1.25  # peak RSS at DOCS / at DOCS_SMALL: "flat"
TARGET_LINEAR_EXPONENT = 1.10  # time ~ N^k over 10k..1M badges: "linear"
TARGET_INSTANTIATE_MS = 2.0
TARGET_WASM_CHECK_US = 5.0
TARGET_WASM_RATIO = 2.0  # issue 16: check() from JS <= 2 x the JSON round trip
TARGET_GZIP_BYTES = 60 * 1024
TARGET_GZIP_NOW_BYTES = 100 * 1024  # issue 16: the step before 60 KB

TARGET_RECORD_OFFERS_S = 100_000
TARGET_LOWEST_OFFERS_S = 50_000
TARGET_LEDGER_CHECK_RATIO = 0.5

#: The price ledger's runs (BENCH_LEDGER_* override, for a quick try).
LEDGER_OFFERS = int(os.environ.get("BENCH_LEDGER_OFFERS", "1000000"))
LEDGER_SNAPSHOTS = int(os.environ.get("BENCH_LEDGER_SNAPSHOTS", "60"))
LEDGER_DOCS = int(os.environ.get("BENCH_LEDGER_DOCS", "200000"))


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run(cmd, **kwargs):
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, cwd=ROOT, check=True, **kwargs)


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def save(area, data):
    os.makedirs(OUT, exist_ok=True)
    data["area"] = area
    data["at"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    data["commit"] = git_describe()
    data.setdefault("cores", os.cpu_count())
    with open(os.path.join(OUT, f"{area}.json"), "w") as f:
        json.dump(data, f, indent=2)
    log(f"wrote target/bench/{area}.json")


def load(area):
    try:
        with open(os.path.join(OUT, f"{area}.json")) as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def git_describe():
    try:
        return subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# ---------------------------------------------------------------- native


def bench_native():
    criterion = os.path.join(ROOT, "target", "criterion")
    for group in ("check_parsed", "e2e", "history"):
        shutil.rmtree(os.path.join(criterion, group), ignore_errors=True)
    load_before = load_average()
    started = time.monotonic()
    run([CARGO, "bench", "-p", "badge-rules", "--bench", "engine", "--", "--noplot"])
    results = {}
    for path in glob.glob(os.path.join(criterion, "*", "**", "new", "benchmark.json"), recursive=True):
        with open(path) as f:
            meta = json.load(f)
        with open(os.path.join(os.path.dirname(path), "estimates.json")) as f:
            est = json.load(f)
        median = est["median"]
        results[meta["full_id"]] = {
            "median_ns": median["point_estimate"],
            "low_ns": median["confidence_interval"]["lower_bound"],
            "high_ns": median["confidence_interval"]["upper_bound"],
        }
    save(
        "native",
        {
            "command": "cargo bench -p badge-rules --bench engine",
            "seconds": round(time.monotonic() - started, 1),
            "load_before": load_before,
            "load_after": load_average(),
            "results": results,
        },
    )


# ------------------------------------------------------------------- cli


def cargo_executable(args, target_name):
    """The path of a built target, from cargo's JSON messages."""
    out = subprocess.run(
        [CARGO] + args + ["--message-format=json"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == target_name and msg.get("executable"):
            return msg["executable"]
    raise SystemExit(f"cargo built no executable named {target_name}")


def measure(cmd, stdout_path=None):
    """Wall seconds and peak RSS (KiB) of one run of `cmd`.

    Peak RSS is the child's VmHWM, read from /proc/PID/status every few
    milliseconds while it runs: rusage's ru_maxrss would count this Python
    process's own RSS, which a child inherits at fork and keeps across exec.
    """
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.DEVNULL)
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
    seconds = time.monotonic() - start
    stdout = b""
    if stdout_path:
        out.close()
    else:
        stdout = proc.stdout.read()
        proc.stdout.close()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code != 0:
        raise SystemExit(f"{cmd} failed with status {code}")
    return {
        "seconds": seconds,
        "peak_rss_kib": hwm,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "stdout": stdout.decode(errors="replace"),
    }


def documents_file(count):
    """`count` generated documents, one per line, made once and kept."""
    path = os.path.join(OUT, f"docs-{count}.jsonl")
    if os.path.exists(path):
        return path
    os.makedirs(OUT, exist_ok=True)
    run([CARGO, "build", "--release", "-q", "-p", "badge-rules", "--example", "gen_docs"])
    gen = os.path.join(ROOT, "target", "release", "examples", "gen_docs")
    log(f"generating {count} documents into {os.path.relpath(path, ROOT)}")
    with open(path + ".part", "wb") as f:
        subprocess.run([gen, str(count)], cwd=ROOT, stdout=f, check=True)
    os.replace(path + ".part", path)
    return path


def median_run(cmds, stdout_path=None):
    """Each command of `cmds` REPEAT times, interleaved; the median run of each."""
    runs = {name: [] for name in cmds}
    for _ in range(REPEAT):
        for name, cmd in cmds.items():
            runs[name].append(measure(cmd, stdout_path if name.startswith("cli") else None))
    best = {}
    for name, rs in runs.items():
        rs.sort(key=lambda r: r["seconds"])
        chosen = dict(rs[len(rs) // 2])
        chosen["all_seconds"] = [round(r["seconds"], 3) for r in runs[name]]
        chosen["all_cpu_seconds"] = [round(r["user_s"] + r["sys_s"], 3) for r in runs[name]]
        chosen["peak_rss_kib"] = max(r["peak_rss_kib"] for r in runs[name])
        best[name] = chosen
    return best


def bench_cli():
    cores = os.cpu_count() or 1
    run([CARGO, "build", "--release", "-q", "-p", "badge-rules-cli"])
    cli = os.path.join(ROOT, "target", "release", "badge-rules")
    baseline = cargo_executable(
        ["bench", "--no-run", "-q", "-p", "badge-rules", "--bench", "jsonl_baseline"], "jsonl_baseline"
    )
    big = documents_file(DOCS)
    small = documents_file(DOCS_SMALL)
    reports = os.path.join(OUT, "reports.jsonl")
    load_before = load_average()
    sizes = {}
    figures = {}
    for label, path, count in (("small", small, DOCS_SMALL), ("big", big, DOCS)):
        # Read the input once so every run finds it in the page cache.
        with open(path, "rb") as f:
            while f.read(1 << 24):
                pass
        sizes[label] = os.path.getsize(path)
        cmds = {
            "cli": [cli, "check", "--jsonl", f"--jobs={cores}", path],
            "baseline": [baseline, path, str(cores)],
        }
        if label == "big":
            cmds["cli-1"] = [cli, "check", "--jsonl", "--jobs=1", path]
            cmds["baseline-1"] = [baseline, path, "1"]
        result = median_run(cmds, reports)
        with open(reports, "rb") as f:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
        if lines != count:
            raise SystemExit(f"the CLI wrote {lines} lines for {count} documents")
        reports_bytes = os.path.getsize(reports)
        for name, r in result.items():
            if name.startswith("baseline"):
                parsed = json.loads(r["stdout"])
                if parsed["documents"] != count:
                    raise SystemExit(f"the baseline read {parsed['documents']} lines for {count}")
                r["in_process_seconds"] = parsed["seconds"]
            r.pop("stdout", None)
            r["documents"] = count
            r["docs_per_s"] = count / r["seconds"]
        figures[label] = {"input_bytes": sizes[label], "reports_bytes": reports_bytes, "runs": result}
    os.remove(reports)
    save(
        "cli",
        {
            "cores": cores,
            "repeat": REPEAT,
            "load_before": load_before,
            "load_after": load_average(),
            "commands": {
                "cli": f"target/release/badge-rules check --jsonl --jobs={cores} FILE > target/bench/reports.jsonl",
                "baseline": f"cargo bench -p badge-rules --bench jsonl_baseline -- FILE {cores}",
                "documents": f"cargo run --release -p badge-rules --example gen_docs -- {DOCS} > FILE",
            },
            "figures": figures,
        },
    )


# ------------------------------------------------------------------ plan


def head_lines(src, dst, count):
    """The first `count` lines of `src` into `dst` (made once and kept)."""
    if os.path.exists(dst):
        return dst
    with open(src, "rb") as f, open(dst + ".part", "wb") as out:
        for _, line in zip(range(count), f):
            out.write(line)
    os.replace(dst + ".part", dst)
    return dst


def bench_plan():
    """`badge-rules plan` over PLAN_OFFERS generated offers x 1 campaign, against
    `check --jsonl` over the pairs' application documents (docs/PLAN.md), made
    from the plan's own lines by the testkit; peak RSS against a tenth of the
    offers with the same context."""
    cores = os.cpu_count() or 1
    cli = cargo_executable(["build", "--release", "-p", "badge-rules-cli"], "badge-rules")
    gen = cargo_executable(["build", "--release", "-p", "badge-rules-testkit", "--bin", "gen-catalogue"], "gen-catalogue")
    small_count = max(1, PLAN_OFFERS // 10)
    folder = os.path.join(OUT, f"plan-{PLAN_OFFERS}")
    context = os.path.join(folder, "context.json")
    offers = os.path.join(folder, "offers-metrics.jsonl")
    if not os.path.exists(context):
        log(f"generating {PLAN_OFFERS} offers into {os.path.relpath(folder, ROOT)}")
        run([gen, "14", str(PLAN_OFFERS), folder, "--lines-only"])
    small_offers = head_lines(offers, os.path.join(folder, "offers-small.jsonl"), small_count)
    plan_out = os.path.join(OUT, "plan.jsonl")
    reports = os.path.join(OUT, "plan-reports.jsonl")
    plan_cmd = lambda path: [cli, "plan", "--context", context, "--campaign", "BARGAIN", f"--jobs={cores}", path]
    documents = os.path.join(folder, "documents.jsonl")
    if not os.path.exists(documents):
        log("the pairs' documents, from one plan run")
        with open(plan_out, "wb") as f:
            subprocess.run(plan_cmd(offers), cwd=ROOT, stdout=f, stderr=subprocess.DEVNULL, check=True)
        with open(documents + ".part", "wb") as f:
            subprocess.run([gen, "--documents", folder, plan_out], cwd=ROOT, stdout=f, check=True)
        os.replace(documents + ".part", documents)
    small_documents = head_lines(documents, os.path.join(folder, "documents-small.jsonl"), small_count)
    load_before = load_average()
    figures = {}
    for label, offers_path, docs_path, count in (
        ("small", small_offers, small_documents, small_count),
        ("big", offers, documents, PLAN_OFFERS),
    ):
        for path in (offers_path, docs_path):
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass
        runs = {name: [] for name in ("plan", "check")}
        for _ in range(REPEAT):
            runs["plan"].append(measure(plan_cmd(offers_path), plan_out))
            runs["check"].append(measure([cli, "check", "--jsonl", f"--jobs={cores}", docs_path], reports))
        result = {}
        for name, rs in runs.items():
            rs.sort(key=lambda r: r["seconds"])
            chosen = dict(rs[len(rs) // 2])
            chosen.pop("stdout", None)
            chosen["all_seconds"] = [round(r["seconds"], 3) for r in rs]
            chosen["peak_rss_kib"] = max(r["peak_rss_kib"] for r in rs)
            chosen["pairs"] = count
            chosen["docs_per_s"] = count / chosen["seconds"]
            result[name] = chosen
        # The same reports, byte for byte: the plan line's report fields are check's line.
        same = 0
        with open(plan_out, encoding="utf-8") as p, open(reports, encoding="utf-8") as r:
            for a, b in zip(p, r):
                i, j = a.index(',"verdict":'), a.rindex(',"proposedBargain":')
                if "{" + a[i + 1:j] + "}" != b.rstrip("\n"):
                    raise SystemExit(f"plan and check differ at pair {same + 1}:\n{a}{b}")
                same += 1
        if same != count:
            raise SystemExit(f"{same} pairs compared for {count} offers")
        figures[label] = {
            "offers_bytes": os.path.getsize(offers_path),
            "documents_bytes": os.path.getsize(docs_path),
            "plan_bytes": os.path.getsize(plan_out),
            "same_reports": same,
            "runs": result,
        }
    os.remove(plan_out)
    os.remove(reports)
    save(
        "plan",
        {
            "cores": cores,
            "repeat": REPEAT,
            "context_bytes": os.path.getsize(context),
            "load_before": load_before,
            "load_after": load_average(),
            "commands": {
                "catalogue": f"gen-catalogue 14 {PLAN_OFFERS} DIR --lines-only",
                "plan": f"badge-rules plan --context DIR/context.json --campaign BARGAIN --jobs={cores} DIR/offers-metrics.jsonl",
                "documents": "gen-catalogue --documents DIR PLAN.jsonl",
                "check": f"badge-rules check --jsonl --jobs={cores} DIR/documents.jsonl",
            },
            "figures": figures,
        },
    )


# ---------------------------------------------------------------- ledger


def ledger_file(name, args, gen):
    """A file made once by `ledger_bench ARGS` and kept (stdout to it, or the
    file as its argument)."""
    path = os.path.join(OUT, name)
    if os.path.exists(path):
        return path
    log(f"making {os.path.relpath(path, ROOT)}")
    if "FILE" in args:
        subprocess.run([gen] + [path + ".part" if a == "FILE" else a for a in args], cwd=ROOT, check=True)
    else:
        with open(path + ".part", "wb") as f:
            subprocess.run([gen] + args, cwd=ROOT, stdout=f, check=True)
    os.replace(path + ".part", path)
    return path


def warm(path):
    """Read a file once so that every timed run finds it in the page cache."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def fresh_runs(cmd, db, count):
    """`cmd` REPEAT times, each into a new database `db`; the median run."""
    runs = []
    for _ in range(REPEAT):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        r = measure(cmd)
        r["db_bytes"] = os.path.getsize(db)
        runs.append(r)
    runs.sort(key=lambda r: r["seconds"])
    chosen = dict(runs[len(runs) // 2])
    chosen["all_seconds"] = [round(r["seconds"], 3) for r in runs]
    chosen["peak_rss_kib"] = max(r["peak_rss_kib"] for r in runs)
    chosen.pop("stdout", None)
    chosen["per_s"] = count / chosen["seconds"]
    return chosen


def bench_ledger():
    cores = os.cpu_count() or 1
    run([CARGO, "build", "--release", "-q", "-p", "badge-rules-cli"])
    run([CARGO, "build", "--release", "-q", "-p", "badge-rules-ledger", "--example", "ledger_bench"])
    # Cargo's target directory, wherever CARGO_TARGET_DIR puts it.
    release = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release")
    cli = os.path.join(release, "badge-rules")
    gen = os.path.join(release, "examples", "ledger_bench")
    baseline = cargo_executable(
        ["bench", "--no-run", "-q", "-p", "badge-rules", "--bench", "jsonl_baseline"], "jsonl_baseline"
    )
    os.makedirs(OUT, exist_ok=True)
    load_before = load_average()
    figures = {}

    # Recording GET /sale/offers pages (1,000 offers each), against parsing
    # the same lines with serde_json on one thread.
    small = max(1, LEDGER_OFFERS // 10)
    record = {}
    for label, count in (("small", small), ("big", LEDGER_OFFERS)):
        pages = ledger_file(f"ledger-pages-{count}.jsonl", ["pages", str(count), "1000"], gen)
        warm(pages)
        db = os.path.join(OUT, "ledger-record.db")
        r = fresh_runs([cli, "ledger", "record", "--db", db, pages], db, count)
        r["input_bytes"] = os.path.getsize(pages)
        if label == "big":
            base = median_run({"baseline-1": [baseline, pages, "1"]})["baseline-1"]
            base.pop("stdout", None)
            base["per_s"] = count / base["seconds"]
            r["baseline"] = base
        record[label] = dict(r, offers=count)
    figures["record"] = record

    # lowest --all over OFFERS offers with SNAPSHOTS prices each, against
    # reading the same rows.
    db = ledger_file(
        f"ledger-{LEDGER_OFFERS}x{LEDGER_SNAPSHOTS}.db",
        ["db", "FILE", str(LEDGER_OFFERS), str(LEDGER_SNAPSHOTS)],
        gen,
    )
    warm(db)
    answers = os.path.join(OUT, "ledger-lowest.jsonl")
    at = "2026-11-30T06:00:00Z"
    result = median_run(
        {"cli-lowest": [cli, "ledger", "lowest", "--db", db, "--at", at, "--all"], "scan": [gen, "scan", db]},
        answers,
    )
    with open(answers, "rb") as f:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
    if lines != LEDGER_OFFERS:
        raise SystemExit(f"lowest wrote {lines} lines for {LEDGER_OFFERS} offers")
    with open(answers) as f:
        sample = f.readline().strip()
    os.remove(answers)
    for r in result.values():
        r.pop("stdout", None)
        r["per_s"] = LEDGER_OFFERS / r["seconds"]
    figures["lowest"] = {
        "offers": LEDGER_OFFERS,
        "snapshots_each": LEDGER_SNAPSHOTS,
        "db_bytes": os.path.getsize(db),
        "sample": sample,
        "runs": result,
    }

    # check --jsonl --ledger against check --jsonl, on documents without
    # metrics for offers of that ledger.
    check = {}
    for label, count in (("small", max(1, LEDGER_DOCS // 10)), ("big", LEDGER_DOCS)):
        docs = ledger_file(f"ledger-docs-{count}.jsonl", ["docs", str(LEDGER_OFFERS), str(count)], gen)
        warm(docs)
        reports = os.path.join(OUT, "ledger-reports.jsonl")
        result = median_run(
            {
                "cli-ledger": [cli, "check", "--jsonl", f"--jobs={cores}", "--ledger", db, docs],
                "cli-plain": [cli, "check", "--jsonl", f"--jobs={cores}", docs],
            },
            reports,
        )
        os.remove(reports)
        for r in result.values():
            r.pop("stdout", None)
            r["per_s"] = count / r["seconds"]
        check[label] = {"documents": count, "runs": result}
    figures["check"] = check
    save(
        "ledger",
        {
            "cores": cores,
            "repeat": REPEAT,
            "load_before": load_before,
            "load_after": load_average(),
            "commands": {
                "record": "target/release/badge-rules ledger record --db DB PAGES (a new DB each run)",
                "record_baseline": "cargo bench -p badge-rules --bench jsonl_baseline -- PAGES 1",
                "lowest": f"target/release/badge-rules ledger lowest --db DB --at {at} --all",
                "lowest_baseline": "ledger_bench scan DB (every row lowest reads, read and dropped)",
                "check": f"target/release/badge-rules check --jsonl --jobs={cores} [--ledger DB] DOCS",
                "inputs": "cargo run --release -p badge-rules-ledger --example ledger_bench -- pages|db|docs ...",
            },
            "figures": figures,
        },
    )


def bench_ledger_ratios():
    """`check --jsonl --ledger` and `plan --ledger` against their plain runs
    on the same inputs (the ledger of `bench_ledger`, its documents, and the
    documents' offers with a plan context made from them); the ratios are
    printed and saved, each beside its plain run."""
    cores = os.cpu_count() or 1
    run([CARGO, "build", "--release", "-q", "-p", "badge-rules-cli"])
    run([CARGO, "build", "--release", "-q", "-p", "badge-rules-ledger", "--example", "ledger_bench"])
    release = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release")
    cli = os.path.join(release, "badge-rules")
    gen = os.path.join(release, "examples", "ledger_bench")
    os.makedirs(OUT, exist_ok=True)
    load_before = load_average()
    db = ledger_file(
        f"ledger-{LEDGER_OFFERS}x{LEDGER_SNAPSHOTS}.db",
        ["db", "FILE", str(LEDGER_OFFERS), str(LEDGER_SNAPSHOTS)],
        gen,
    )
    docs = ledger_file(f"ledger-docs-{LEDGER_DOCS}.jsonl", ["docs", str(LEDGER_OFFERS), str(LEDGER_DOCS)], gen)
    # The plan's input: each document's offer, one a line, and a context of
    # the documents' now, account and campaigns.
    offers = os.path.join(OUT, f"ledger-offers-{LEDGER_DOCS}.jsonl")
    context_path = os.path.join(OUT, "ledger-plan-context.json")
    context = None
    with open(docs) as f, open(offers + ".part", "w") as out:
        for line in f:
            doc = json.loads(line)
            if context is None:
                context = {"now": doc["now"], "account": doc.get("account"),
                           "campaigns": {"badgeCampaigns": doc["campaigns"]}}
            out.write(json.dumps(doc["offer"], separators=(",", ":")) + "\n")
    os.replace(offers + ".part", offers)
    with open(context_path, "w") as f:
        json.dump(context, f)
    campaign = context["campaigns"]["badgeCampaigns"][0]["id"]
    for path in (db, docs, offers):
        warm(path)
    answers = os.path.join(OUT, "ledger-ratio-answers.jsonl")
    plan = [cli, "plan", f"--jobs={cores}", "--context", context_path, "--campaign", campaign]
    result = median_run(
        {
            "cli-check-ledger": [cli, "check", "--jsonl", f"--jobs={cores}", "--ledger", db, docs],
            "cli-check-plain": [cli, "check", "--jsonl", f"--jobs={cores}", docs],
            "cli-plan-ledger": plan + ["--ledger", db, offers],
            "cli-plan-plain": plan + [offers],
        },
        answers,
    )
    os.remove(answers)
    for r in result.values():
        r.pop("stdout", None)
        r["per_s"] = LEDGER_DOCS / r["seconds"]
    ratios = {
        name: result[f"cli-{name}-ledger"]["per_s"] / result[f"cli-{name}-plain"]["per_s"] for name in ("check", "plan")
    }
    for name, ratio in ratios.items():
        led, plain = result[f"cli-{name}-ledger"], result[f"cli-{name}-plain"]
        log(f"{name} --ledger {led['seconds']:.2f} s, plain {plain['seconds']:.2f} s: {ratio:.2f} x "
            f"(target >= {TARGET_LEDGER_CHECK_RATIO}), peak RSS {led['peak_rss_kib']} KiB")
    save(
        "ledger-ratios",
        {
            "cores": cores,
            "repeat": REPEAT,
            "load_before": load_before,
            "load_after": load_average(),
            "offers": LEDGER_OFFERS,
            "snapshots_each": LEDGER_SNAPSHOTS,
            "documents": LEDGER_DOCS,
            "commands": {
                "check": f"target/release/badge-rules check --jsonl --jobs={cores} [--ledger DB] DOCS",
                "plan": f"target/release/badge-rules plan --jobs={cores} --context CONTEXT --campaign {campaign} "
                        "[--ledger DB] OFFERS",
            },
            "ratios": ratios,
            "runs": result,
        },
    )


def ledger_section(ledger):
    """The price ledger's summary rows and section of BENCHMARKS.md."""
    summary, body = [], []
    f = ledger["figures"]
    rec = f["record"]
    big, small = rec["big"], rec["small"]
    base = big.get("baseline", {})
    body.append("## The price ledger (`badge-rules ledger`, `check --ledger`)\n")
    body.append(
        f"{ledger['at']}, commit `{ledger['commit']}`, {ledger['cores']} cores, median of {ledger['repeat']} runs, "
        f"load average {ledger['load_before']:.2f} before, {ledger['load_after']:.2f} after. Inputs from "
        "`crates/badge-rules-ledger/examples/ledger_bench.rs`: GET /sale/offers pages of 1,000 offers as Allegro "
        "lists them (about 1.1 KB each), a ledger built in bulk, check documents without metrics.\n"
    )
    body.append("### Recording GET /sale/offers pages (target ≥ 100,000 offers/s)\n")
    body.append(
        "`ledger record --db DB PAGES` into a new database each run: one transaction per page, parsing on one "
        "thread while the last page is written on another. Baseline: serde_json parsing the same lines into "
        "`Value` on one thread, nothing else.\n"
    )
    body.append("| offers | input | wall | offers/s | user + sys | peak RSS | database | target | met? |\n"
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in (small, big):
        body.append(
            f"| {fmt_int(r['offers'])} | {r['input_bytes'] / 1e6:.0f} MB | {r['seconds']:.2f} s | {fmt_int(r['per_s'])} "
            f"| {r['user_s'] + r['sys_s']:.2f} s | {fmt_kib(r['peak_rss_kib'])} | {r['db_bytes'] / 1e6:.1f} MB "
            f"| ≥ 100,000 | {met(r['per_s'] >= TARGET_RECORD_OFFERS_S)} |"
        )
    if base:
        body.append(
            f"\nBaseline, serde_json → `Value` of the {fmt_int(big['offers'])} offers' lines: {base['seconds']:.2f} s "
            f"({fmt_int(base['per_s'])} offers/s)."
        )
    growth = big["peak_rss_kib"] / max(1, small["peak_rss_kib"])
    body.append(f"Peak RSS at {fmt_int(big['offers'])} / at {fmt_int(small['offers'])} offers: {growth:.2f} (flat: ≤ 1.25).\n")
    summary.append(
        ("ledger-record", f"ledger record, {fmt_int(big['offers'])} offers from GET /sale/offers pages",
         f"{fmt_int(big['per_s'])} offers/s", f"{fmt_int(base['per_s'])} offers/s parsed" if base else "–",
         f"{big['per_s'] / base['per_s']:.2f}" if base else "–", "≥ 100,000 offers/s",
         big["per_s"] >= TARGET_RECORD_OFFERS_S)
    )
    summary.append(
        ("ledger-record", f"ledger record, peak RSS {fmt_int(big['offers'])} / {fmt_int(small['offers'])} offers",
         f"{growth:.2f}", "–", "–", "≤ 1.25 (flat)",
         growth <= TARGET_RSS_GROWTH)
    )
    lo = f["lowest"]
    cli_run, scan = lo["runs"]["cli-lowest"], lo["runs"]["scan"]
    body.append("### `ledger lowest --all` (target ≥ 50,000 offers/s)\n")
    body.append(
        f"{fmt_int(lo['offers'])} offers with {lo['snapshots_each']} prices each (12 h apart) and a price change "
        f"before every tenth, the feed watched throughout: a database of {lo['db_bytes'] / 1e6:.0f} MB "
        f"({lo['db_bytes'] / (lo['offers'] * lo['snapshots_each']):.1f} bytes a price). One JSON line per offer, "
        "computed by the engine's `lowest_in_30_days` over the history the model replays. Baseline: reading "
        "every row `lowest` reads (the same three ordered scans), nothing else. A line: "
        f"`{lo['sample']}`.\n"
    )
    body.append("| run | wall | offers/s | user + sys | peak RSS | target | met? |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    body.append(
        f"| `lowest --all` | {cli_run['seconds']:.2f} s | {fmt_int(cli_run['per_s'])} | "
        f"{cli_run['user_s'] + cli_run['sys_s']:.2f} s | {fmt_kib(cli_run['peak_rss_kib'])} | ≥ 50,000 "
        f"| {met(cli_run['per_s'] >= TARGET_LOWEST_OFFERS_S)} |"
    )
    body.append(
        f"| baseline: the rows read | {scan['seconds']:.2f} s | {fmt_int(scan['per_s'])} | "
        f"{scan['user_s'] + scan['sys_s']:.2f} s | {fmt_kib(scan['peak_rss_kib'])} | | |\n"
    )
    summary.append(
        ("ledger-lowest", f"ledger lowest --all, {fmt_int(lo['offers'])} offers × {lo['snapshots_each']} prices",
         f"{fmt_int(cli_run['per_s'])} offers/s", f"{fmt_int(scan['per_s'])} offers/s read",
         f"{cli_run['per_s'] / scan['per_s']:.2f}", "≥ 50,000 offers/s", cli_run["per_s"] >= TARGET_LOWEST_OFFERS_S)
    )
    ch = f["check"]
    body.append("### `check --jsonl --ledger` against `check --jsonl` (target ≥ 0.5 ×)\n")
    body.append(
        "Application documents without metrics, for offers of the ledger above: with `--ledger` each is parsed, "
        "filled with its offer's `priceHistory` (one connection per checking thread) and checked; without, "
        "the same documents are checked as they are (the ladder skipped).\n"
    )
    body.append("| documents | `--ledger` | docs/s | plain | docs/s | ratio | peak RSS `--ledger` | target | met? |\n"
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for label in ("small", "big"):
        c = ch[label]
        led, plain = c["runs"]["cli-ledger"], c["runs"]["cli-plain"]
        ratio = led["per_s"] / plain["per_s"]
        body.append(
            f"| {fmt_int(c['documents'])} | {led['seconds']:.2f} s | {fmt_int(led['per_s'])} | {plain['seconds']:.2f} s "
            f"| {fmt_int(plain['per_s'])} | {ratio:.2f} | {fmt_kib(led['peak_rss_kib'])} | ≥ 0.5 "
            f"| {met(ratio >= TARGET_LEDGER_CHECK_RATIO)} |"
        )
    led, plain = ch["big"]["runs"]["cli-ledger"], ch["big"]["runs"]["cli-plain"]
    ratio = led["per_s"] / plain["per_s"]
    summary.append(
        ("ledger-check", f"ledger: check --jsonl --ledger, {fmt_int(ch['big']['documents'])} documents",
         f"{fmt_int(led['per_s'])} docs/s", f"{fmt_int(plain['per_s'])} docs/s", f"{ratio:.2f}", "≥ 0.5",
         ratio >= TARGET_LEDGER_CHECK_RATIO)
    )
    rss = led["peak_rss_kib"] / max(1, ch["small"]["runs"]["cli-ledger"]["peak_rss_kib"])
    body.append(f"\nPeak RSS of `--ledger` at {fmt_int(ch['big']['documents'])} / at {fmt_int(ch['small']['documents'])} "
                f"documents: {rss:.2f} (flat: ≤ 1.25).\n")
    summary.append(
        ("ledger-check", f"ledger: check --jsonl --ledger, peak RSS {fmt_int(ch['big']['documents'])} / "
         f"{fmt_int(ch['small']['documents'])} documents", f"{rss:.2f}", "–", "–",
         "≤ 1.25 (flat)", rss <= TARGET_RSS_GROWTH)
    )
    return summary, body


# ------------------------------------------------------------------ wasm


def bench_wasm():
    # `make wasm` has built the shipped package. The boundaries need
    # checkViaSerde, built only with the `serde-boundary` feature: a second
    # build, in its own target directory, processed like the package.
    crate_toml = open(os.path.join(ROOT, "crates", "badge-rules-wasm", "Cargo.toml")).read()
    serde_pkg = None
    if "serde-boundary" in crate_toml:
        # Its own directory, only ever built as a cdylib: cargo's fingerprint
        # ignores --crate-type, so a module of `cargo build` (no LTO) left in
        # it would count as fresh.
        target_dir = os.path.join(OUT, "wasm-target-cdylib")
        serde_pkg = os.path.join(OUT, "pkg-serde")
        run(
            [CARGO, "rustc", "-q", "--profile", "wasm-release", "--target", "wasm32-unknown-unknown",
             "-p", "badge-rules-wasm", "--features", "serde-boundary", "--target-dir", target_dir,
             "--crate-type", "cdylib"]  # a cdylib alone, as `make wasm` builds it: LTO runs
        )
        shutil.rmtree(serde_pkg, ignore_errors=True)
        run(
            ["wasm-bindgen", "--target", "web", "--out-dir", serde_pkg, "--out-name", "badge_rules",
             os.path.join(target_dir, "wasm32-unknown-unknown", "wasm-release", "badge_rules_wasm.wasm")]
        )
        run(["node", "crates/badge-rules-wasm/tools/package.mjs", serde_pkg], stdout=subprocess.DEVNULL)
    load_before = load_average()
    cmd = ["node", "crates/badge-rules-wasm/tools/bench.mjs"]
    if serde_pkg:
        cmd += ["--serde-pkg", serde_pkg]
    out = run(cmd, capture_output=True, text=True).stdout
    data = json.loads(out)
    data["load_before"] = load_before
    data["load_after"] = load_average()
    data["command"] = "node crates/badge-rules-wasm/tools/bench.mjs --serde-pkg target/bench/pkg-serde"
    try:
        with open(os.path.join(ROOT, "target", "wasm-build.txt")) as f:
            data["build"] = f.read().strip()  # which build `make wasm` produced
    except FileNotFoundError:
        data["build"] = "unknown (no target/wasm-build.txt)"
    save("wasm", data)


# ----------------------------------------------------------------- peers


def bench_peers():
    """The peers of issue 24 (json-rules-engine, zen-engine-wasm, cedar-wasm)
    against the shipped package on one rule set: bench/peers/bench.mjs."""
    load_before = load_average()
    out = run(["node", "bench/peers/bench.mjs"], capture_output=True, text=True).stdout
    data = json.loads(out)
    data["load_before"] = load_before
    data["load_after"] = load_average()
    data["command"] = "node bench/peers/bench.mjs"
    save("peers", data)


def peers_section(peers):
    """The peers' summary rows and section of BENCHMARKS.md."""
    summary, body = [], []
    names = list(peers["size"])
    body.append("## Peers on the same rules (Node)\n")
    body.append(
        f"`{peers['command']}` ({peers['at']}, commit `{peers['commit']}`, Node {peers['node']}, "
        f"load average {peers['load_before']:.2f} before, {peers['load_after']:.2f} after). Versions: "
        + ", ".join(f"{n} {v}" for n, v in peers["versions"].items())
        + " (bench/peers/package.json and its lock). The rule set (bench/peers/rules.mjs): the sandbox campaign's "
        "market ladder on the bargain price B against the market price M (BA14, BA13, BA16, BA49, BA50, the first "
        "that holds; minPercent 40, maxPercent 60) and the request-shape rules BB3, BB4, BB11; every engine gives "
        f"the expected codes on the {len(peers['cases'])} cases there before it is timed. badge-rules runs its whole "
        "application rule set on examples/sandbox-accept.json with each case's values (`check(doc)`), the ladder "
        "among them, its answers compared on the rule set's codes (it adds BA12 where B is above the offer's price)."
        "\n"
    )
    if peers.get("missing"):
        body.append(f"Not measured (no package built): {', '.join(peers['missing'])}.\n")
    body.append("| engine | what it expresses | size (gzip -9) | brotli 11 | raw | ready from import, fresh process "
                "| first decision | accept, per decision | BA49, per decision |\n"
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    per = peers["perDecisionMicros"]
    for n in names:
        sz, i = peers["size"][n], peers["instantiate"][n]
        body.append(
            f"| {n} | {peers['expressed'][n]} | {sz['gzip9'] / 1024:.1f} KiB | {sz['brotli11'] / 1024:.1f} KiB "
            f"| {sz['raw'] / 1024:.1f} KiB ({sz['what']}) | {i['readyMedianMs']:.2f} ms "
            f"(min {i['readyMinMs']:.2f}) | {i['firstDecisionMedianMs']:.2f} ms "
            f"| {per['accept'][n]:.2f} µs | {per['too-shallow'][n]:.2f} µs |"
        )
    body.append(
        f"\nReady: from before the engine's import to an engine ready to decide (import, compile and instantiate "
        f"the .wasm, parse the rules), median of {peers['instantiate'][names[0]]['processes']} fresh `node` "
        "processes per engine, the engines alternating. Per decision: median over rounds of the mean of 1,000 "
        "decisions, the engines alternating round by round in one process (json-rules-engine's `run` awaited).\n"
    )
    if "badge-rules" in names:
        peer_names = [n for n in names if n != "badge-rules"]
        ours = per["accept"]["badge-rules"]
        best = min(peer_names, key=lambda n: per["accept"][n])
        ratio = ours / per["accept"][best]
        summary.append(
            ("peers", f"peers: per decision against the fastest peer on the same rules ({best}), accepting input",
             f"{ours:.2f} µs", f"{per['accept'][best]:.2f} µs", f"{ratio:.2f}", "≤ 1 (ahead)", ratio <= 1)
        )
        ours_sz = peers["size"]["badge-rules"]["gzip9"]
        smallest = min((n for n in peer_names if n != "json-rules-engine"), key=lambda n: peers["size"][n]["gzip9"])
        ratio = ours_sz / peers["size"][smallest]["gzip9"]
        summary.append(
            ("peers", f"peers: `.wasm` gzip -9 against the smallest peer .wasm ({smallest})", f"{ours_sz / 1024:.1f} KiB",
             f"{peers['size'][smallest]['gzip9'] / 1024:.1f} KiB", f"{ratio:.2f}", "≤ 1 (ahead)", ratio <= 1)
        )
    return summary, body


# ---------------------------------------------------------------- report


# ----------------------------------------------------------------- serve

#: Documents of the NDJSON batch against check --jsonl (BENCH_SERVE_DOCS overrides).
SERVE_DOCS = int(os.environ.get("BENCH_SERVE_DOCS", "200000"))
#: The batch's target: at least this share of check --jsonl's documents/s.
TARGET_SERVE_BATCH = 0.7


def bench_serve():
    """The server on loopback (crates/badge-rules-server/benches/load.rs):
    one-document checks at 1, 16 and 256 connections, then the NDJSON batch
    of SERVE_DOCS documents against check --jsonl on the same file."""
    cores = os.cpu_count() or 1
    run([CARGO, "build", "--release", "-q", "-p", "badge-rules-cli"])
    cli = os.path.join(ROOT, "target", "release", "badge-rules")
    load_bench = cargo_executable(["bench", "--no-run", "-q", "-p", "badge-rules-server", "--bench", "load"], "load")
    docs = documents_file(SERVE_DOCS)
    with open(docs, "rb") as f:
        while f.read(1 << 24):
            pass
    load_before = load_average()
    out = os.path.join(OUT, "serve-load.json")
    started = time.monotonic()
    run([load_bench, cli, docs, out])
    seconds = time.monotonic() - started
    with open(out) as f:
        load_result = json.load(f)
    reports = os.path.join(OUT, "reports.jsonl")
    cli_runs = median_run({"cli": [cli, "check", "--jsonl", f"--jobs={cores}", docs]}, reports)
    os.remove(reports)
    cli_run = cli_runs["cli"]
    cli_run.pop("stdout", None)
    cli_run["docs_per_s"] = SERVE_DOCS / cli_run["seconds"]
    save(
        "serve",
        {
            "cores": cores,
            "seconds": round(seconds, 1),
            "load_before": load_before,
            "load_after": load_average(),
            "commands": {
                "load": "cargo bench -p badge-rules-server --bench load -- target/release/badge-rules FILE OUT",
                "cli": f"target/release/badge-rules check --jsonl --jobs={cores} FILE > target/bench/reports.jsonl",
                "documents": f"cargo run --release -p badge-rules --example gen_docs -- {SERVE_DOCS} > FILE",
            },
            "load": load_result,
            "cli": cli_run,
        },
    )


def serve_section(serve):
    """The summary rows and the section of the server's figures."""
    load_result, cli_run = serve["load"], serve["cli"]
    batch = load_result["batch"]
    ratio = batch["docs_per_s"] / cli_run["docs_per_s"]
    rows = [
        ("serve-batch", "`serve` NDJSON batch, documents/s", fmt_int(batch["docs_per_s"]),
         f"{fmt_int(cli_run['docs_per_s'])} (`check --jsonl`)", f"{ratio:.2f} x", f"≥ {TARGET_SERVE_BATCH} x",
         ratio >= TARGET_SERVE_BATCH),
    ]
    for r in load_result["runs"]:
        rows.append(
            ("serve-check", f"`serve` one-document checks, {r['connections']} connection(s)",
             f"{fmt_int(r['requests_per_s'])} requests/s", "–", "–", "–", r["errors"] == 0)
        )
    rows.append(
        ("serve-memory", "`serve` peak RSS over every run", fmt_kib(load_result["peak_rss_kib"]), "–", "–",
         "flat", True)
    )
    body = [
        "## `badge-rules serve` (HTTP on loopback)\n",
        f"`{serve['commands']['load']}` ({serve['at']}, commit `{serve['commit']}`, load average "
        f"{serve['load_before']:.2f} before, {serve['load_after']:.2f} after; {serve['seconds']} s). The load "
        "generator (hyper's client, keep-alive connections, a fixed number of requests, 2 runtime threads) runs "
        "on the same cores as the server, so the server has less than the whole machine. The document is "
        "`examples/sandbox-accept.json`; every request's log line is written to stderr and read by the "
        "benchmark, as a log shipper would.\n",
        "| connections | requests | errors | requests/s | p50 | p99 | max | server RSS after |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in load_result["runs"]:
        body.append(
            f"| {r['connections']} | {fmt_int(r['requests'])} | {r['errors']} | {fmt_int(r['requests_per_s'])} "
            f"| {r['p50_us'] / 1000:.2f} ms | {r['p99_us'] / 1000:.2f} ms | {r['max_us'] / 1000:.1f} ms "
            f"| {fmt_kib(r['rss_kib_after'])} |"
        )
    body.append("")
    body.append(
        f"The NDJSON batch: {fmt_int(batch['documents'])} generated documents ({fmt_int(batch['bytes'])} B, "
        f"`{serve['commands']['documents']}`) streamed to `POST /v1/check` in 64 KiB frames, the median of "
        f"{len(batch['all_seconds'])} runs ({', '.join(f'{s:.2f}' for s in batch['all_seconds'])} s), against "
        f"`{serve['commands']['cli']}` on the same file (median of {len(cli_run['all_seconds'])}: "
        f"{', '.join(f'{s:.2f}' for s in cli_run['all_seconds'])} s).\n"
    )
    body.append("| | documents/s | ratio | target | met? |\n| --- | ---: | ---: | ---: | --- |")
    body.append(f"| `check --jsonl` | {fmt_int(cli_run['docs_per_s'])} | 1.00 x | | |")
    body.append(f"| `serve` batch | {fmt_int(batch['docs_per_s'])} | {ratio:.2f} x | ≥ {TARGET_SERVE_BATCH} x | {met(ratio >= TARGET_SERVE_BATCH)} |")
    body.append("")
    body.append(
        f"The server's resident memory: {fmt_kib(load_result['rss_kib_start'])} after start, "
        f"{fmt_kib(batch['rss_kib_after'])} after the batches, peak {fmt_kib(load_result['peak_rss_kib'])} "
        f"(`check --jsonl`'s peak on the same file: {fmt_kib(cli_run['peak_rss_kib'])}).\n"
    )
    return rows, body


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[0]
        except (OSError, subprocess.CalledProcessError, IndexError):
            return "not found"

    memory = "unknown"
    try:
        with open("/proc/meminfo") as f:
            kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    return {
        "cores (nproc)": str(os.cpu_count()),
        "CPU": cpu,
        "memory": memory,
        "OS": f"{platform.system()} {platform.release()}",
        "rustc": version(["rustc", "--version"]),
        "node": version(["node", "--version"]),
    }


def fmt_ns(ns):
    if ns is None:
        return "–"
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def fmt_int(n):
    return f"{int(round(n)):,}"


def fmt_kib(kib):
    return f"{kib / 1024:.1f} MiB"


def met(ok):
    return "yes" if ok else "**no**"


def notes():
    """`## id` sections of scripts/bench-notes.md."""
    try:
        text = open(NOTES).read()
    except FileNotFoundError:
        return {}
    sections = {}
    for part in re.split(r"^## ", text, flags=re.M)[1:]:
        head, _, body = part.partition("\n")
        sections[head.strip()] = body.strip()
    return sections


def report():
    native, cli, wasm = load("native"), load("cli"), load("wasm")
    plan = load("plan")
    ledger = load("ledger")
    serve = load("serve")
    peers = load("peers")
    # Where each area's summary rows and body start (areas in this order).
    start = {}
    summary = []  # (id, target, figure, baseline, ratio, ok)
    body = []

    start["native"] = (len(summary), len(body))
    if native:
        r = native["results"]
        rows = sorted((k.split("/", 1)[1], v) for k, v in r.items() if k.startswith("check_parsed/"))
        body.append("## Native engine (criterion)\n")
        body.append(
            f"`{native['command']}` ({native['at']}, commit `{native['commit']}`, "
            f"load average {native['load_before']:.2f} before, {native['load_after']:.2f} after; "
            f"{native['seconds']} s). Medians of criterion's samples, with their 95 % interval.\n"
        )
        body.append(
            "### `check` on a parsed document (target ≤ 1 µs)\n\n"
            "Every example of `examples/`, and for each kind the first document of the seeded "
            "generator (`crates/badge-rules-testkit/src/gen.rs`) of that kind (`gen-KIND`).\n"
        )
        body.append("| document | median | 95 % interval | target | met? |\n| --- | ---: | ---: | ---: | --- |")
        worst = None
        for name, v in rows:
            ok = v["median_ns"] <= TARGET_CHECK_NS
            body.append(
                f"| {name} | {fmt_ns(v['median_ns'])} | {fmt_ns(v['low_ns'])} – {fmt_ns(v['high_ns'])} "
                f"| ≤ 1 µs | {met(ok)} |"
            )
            if worst is None or v["median_ns"] > worst[1]["median_ns"]:
                worst = (name, v)
        body.append("")
        missed = [name for name, v in rows if v["median_ns"] > TARGET_CHECK_NS]
        sandbox = r.get("check_parsed/sandbox-accept")
        if sandbox:
            summary.append(
                ("native-check", "native `check`, parsed sandbox application", fmt_ns(sandbox["median_ns"]),
                 "–", "–", "≤ 1 µs", sandbox["median_ns"] <= TARGET_CHECK_NS)
            )
        if worst:
            summary.append(
                ("native-check", f"native `check`, slowest document ({worst[0]}); "
                 f"{len(missed)} of {len(rows)} over 1 µs", fmt_ns(worst[1]["median_ns"]), "–", "–", "≤ 1 µs",
                 not missed)
            )

        body.append(
            "### End to end from JSON bytes (target ≤ 1.5 × serde_json → `Value`)\n\n"
            "`check_json(from_utf8(bytes))` against `serde_json::from_slice::<Value>(bytes)` of the same bytes.\n"
        )
        body.append(
            "| document | check from bytes | serde_json → Value | ratio | target | met? |\n"
            "| --- | ---: | ---: | ---: | ---: | --- |"
        )
        worst_ratio = None
        for key in sorted(k for k in r if k.startswith("e2e/check_json/")):
            name = key.rsplit("/", 1)[1]
            base = r.get(f"e2e/serde_json_value/{name}")
            if not base:
                continue
            ratio = r[key]["median_ns"] / base["median_ns"]
            body.append(
                f"| {name} | {fmt_ns(r[key]['median_ns'])} | {fmt_ns(base['median_ns'])} | {ratio:.2f} | ≤ 1.5 "
                f"| {met(ratio <= TARGET_E2E_RATIO)} |"
            )
            if name == "sandbox-accept":
                summary.append(
                    ("native-e2e", "native end to end, sandbox application", fmt_ns(r[key]["median_ns"]),
                     fmt_ns(base["median_ns"]), f"{ratio:.2f}", "≤ 1.5", ratio <= TARGET_E2E_RATIO)
                )
            if worst_ratio is None or ratio > worst_ratio[1]:
                worst_ratio = (name, ratio, r[key]["median_ns"], base["median_ns"])
        if worst_ratio:
            summary.append(
                ("native-e2e", f"native end to end, highest ratio ({worst_ratio[0]})", fmt_ns(worst_ratio[2]),
                 fmt_ns(worst_ratio[3]), f"{worst_ratio[1]:.2f}", "≤ 1.5", worst_ratio[1] <= TARGET_E2E_RATIO)
            )
        body.append("")

        body.append(
            "### History: 10k / 100k / 1M badges in one document (target: linear)\n\n"
            "`sandbox-accept.json` with N badges (every fifth on the request's offer, final; the verdict stays "
            "ACCEPT). Linear means time ∝ N^k with k ≤ 1.10 (least squares over the three sizes in log–log; "
            "a quadratic rule would give k ≈ 2). Per badge = median / N.\n"
        )
        body.append("| measure | 10k | 100k | 1M | per badge at 10k → 1M | exponent k | met? |\n"
                    "| --- | ---: | ---: | ---: | ---: | ---: | --- |")
        for fn, label in (
            ("check_parsed", "`check` on the parsed document"),
            ("check_json", "`check_json` from text"),
            ("serde_json_value", "baseline: serde_json → Value"),
        ):
            points = []
            cells = []
            for n in (10000, 100000, 1000000):
                v = r.get(f"history/{fn}/{n}")
                cells.append(fmt_ns(v["median_ns"]) if v else "–")
                if v:
                    points.append((n, v["median_ns"]))
            k = exponent(points)
            per = (
                f"{points[0][1] / points[0][0]:.0f} → {points[-1][1] / points[-1][0]:.0f} ns"
                if len(points) >= 2 else "–"
            )
            is_target = fn != "serde_json_value"
            ok = k is not None and k <= TARGET_LINEAR_EXPONENT
            body.append(
                f"| {label} | {' | '.join(cells)} | {per} | {f'{k:.3f}' if k is not None else '–'} "
                f"| {met(ok) if is_target else '(baseline)'} |"
            )
            if is_target and k is not None:
                base_points = [
                    (n, r[f"history/serde_json_value/{n}"]["median_ns"])
                    for n in (10000, 100000, 1000000) if f"history/serde_json_value/{n}" in r
                ]
                bk = exponent(base_points)
                summary.append(
                    ("history-linear", f"1M badges, {label}: exponent k over 10k–1M",
                     f"k = {k:.3f} ({cells[-1]} at 1M)",
                     f"serde_json → Value: k = {bk:.3f}" if bk is not None else "–", "–", "k ≤ 1.10", ok)
                )
        beyond = [
            (n, r[f"history/check_parsed/{n}"]["median_ns"])
            for n in (1000000, 3000000) if f"history/check_parsed/{n}" in r
        ]
        if len(beyond) == 2:
            kb = exponent(beyond)
            body.append(
                f"\nBeyond the caches: `check` on the parsed document with 3M badges takes "
                f"{fmt_ns(beyond[1][1])} ({beyond[1][1] / beyond[1][0]:.0f} ns per badge, against "
                f"{beyond[0][1] / beyond[0][0]:.0f} ns at 1M): exponent k = {kb:.3f} over 1M–3M. "
                f"10k badges fit in the caches, 1M and 3M do not; the exponent over 10k–1M measures that "
                f"step as much as the scan."
            )
            summary.append(
                ("history-linear", "`check` on the parsed document: exponent k over 1M–3M (beyond the caches)",
                 f"k = {kb:.3f} ({fmt_ns(beyond[1][1])} at 3M)", "–", "–", "k ≤ 1.10",
                 kb <= TARGET_LINEAR_EXPONENT)
            )
        body.append("")

    start["cli"] = (len(summary), len(body))
    if cli:
        body.append("## `badge-rules check --jsonl` (CLI)\n")
        big, small = cli["figures"]["big"], cli["figures"]["small"]
        cores = cli["cores"]
        body.append(
            f"{fmt_int(big['runs']['cli']['documents'])} generated documents "
            f"({big['input_bytes'] / 1e6:.0f} MB, `{cli['commands']['documents']}`), reports written to a file "
            f"({big['reports_bytes'] / 1e6:.0f} MB). Baseline: the same lines, read in the same 256 KB chunks, "
            f"merely parsed into `serde_json::Value` on the same number of threads, nothing written "
            f"(`crates/badge-rules/benches/jsonl_baseline.rs`). Wall time of the whole process, median of "
            f"{cli['repeat']} interleaved runs (CPU time of that run from `wait4`: what the run cost, whatever else "
            f"shared the cores); peak RSS is VmHWM from /proc, the highest of the runs. "
            f"{cli['at']}, commit `{cli['commit']}`, load average {cli['load_before']:.2f} before, "
            f"{cli['load_after']:.2f} after.\n"
        )
        body.append("| run | documents | threads | wall | CPU (user + sys) | documents/s | baseline documents/s "
                    "| ratio (wall) | ratio (CPU) | wall of the runs | peak RSS |\n"
                    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
        for label, fig in (("small", small), ("big", big)):
            runs = fig["runs"]
            for name, base_name, threads in (("cli", "baseline", cores), ("cli-1", "baseline-1", 1)):
                if name not in runs:
                    continue
                c, b = runs[name], runs[base_name]
                cpu_ratio = (b["user_s"] + b["sys_s"]) / (c["user_s"] + c["sys_s"])
                body.append(
                    f"| check --jsonl --jobs={threads} | {fmt_int(c['documents'])} | {threads} | {c['seconds']:.2f} s "
                    f"| {c['user_s'] + c['sys_s']:.2f} s | {fmt_int(c['docs_per_s'])} | {fmt_int(b['docs_per_s'])} | {c['docs_per_s'] / b['docs_per_s']:.2f} "
                    f"| {cpu_ratio:.2f} | {', '.join(f'{x:.2f}' for x in c.get('all_seconds', []))} "
                    f"| {fmt_kib(c['peak_rss_kib'])} |"
                )
                body.append(
                    f"| baseline (parse only), {threads} thread{'s' if threads > 1 else ''} | {fmt_int(b['documents'])} "
                    f"| {threads} | {b['seconds']:.2f} s | {b['user_s'] + b['sys_s']:.2f} s | {fmt_int(b['docs_per_s'])} "
                    f"| – | – | – | {', '.join(f'{x:.2f}' for x in b.get('all_seconds', []))} | {fmt_kib(b['peak_rss_kib'])} |"
                )
        body.append("")
        # Before and after the cuts of issue 24, measured with scripts/bench_ab.py.
        note = notes().get("cli-before-after")
        if note:
            body.append(note)
            body.append("")
        c, b = big["runs"]["cli"], big["runs"]["baseline"]
        ratio = c["docs_per_s"] / b["docs_per_s"]
        summary.append(
            ("cli-throughput", f"`check --jsonl`, {fmt_int(c['documents'])} documents, {cores} cores, output written",
             f"{fmt_int(c['docs_per_s'])} documents/s", f"{fmt_int(b['docs_per_s'])} documents/s (parse only)",
             f"{ratio:.2f}", "≥ 1.2", ratio >= TARGET_CLI_RATIO)
        )
        c_cpu, b_cpu = c["user_s"] + c["sys_s"], b["user_s"] + b["sys_s"]
        summary.append(
            ("cli-throughput", f"`check --jsonl`, {fmt_int(c['documents'])} documents, {cores} cores: CPU per run "
             "against parse-only", f"{c_cpu:.2f} s", f"{b_cpu:.2f} s (parse only)", f"{b_cpu / c_cpu:.2f}", "≥ 1.2",
             b_cpu / c_cpu >= TARGET_CLI_RATIO)
        )
        growth = c["peak_rss_kib"] / small["runs"]["cli"]["peak_rss_kib"]
        summary.append(
            ("cli-memory", f"peak RSS, {fmt_int(c['documents'])} vs {fmt_int(small['runs']['cli']['documents'])} documents",
             fmt_kib(c["peak_rss_kib"]), fmt_kib(small["runs"]["cli"]["peak_rss_kib"]), f"{growth:.2f}",
             "flat (≤ 1.25)", growth <= TARGET_RSS_GROWTH)
        )

    start["plan"] = (len(summary), len(body))
    if plan:
        body.append("## `badge-rules plan` (CLI)\n")
        big, small = plan["figures"]["big"], plan["figures"]["small"]
        cores = plan["cores"]
        p, c = big["runs"]["plan"], big["runs"]["check"]
        body.append(
            f"{fmt_int(p['pairs'])} generated offers x 1 campaign (BARGAIN) with their metrics "
            f"({big['offers_bytes'] / 1e6:.0f} MB of `{{offer, metrics}}` lines, `{plan['commands']['catalogue']}`; "
            f"a context of {plan['context_bytes'] / 1e6:.1f} MB with every offer's badges and applications), "
            f"against `check --jsonl` over the same pairs' application documents as docs/PLAN.md defines them "
            f"({big['documents_bytes'] / 1e6:.0f} MB, `{plan['commands']['documents']}` from the plan's own lines). "
            f"Both write their lines to a file; the reports were compared, byte for byte: "
            f"{fmt_int(big['same_reports'])} of {fmt_int(p['pairs'])} equal. Wall time of the whole process, "
            f"median of {plan['repeat']} interleaved runs, on {cores} threads; peak RSS is VmHWM, the highest of "
            f"the runs; the smaller run has a tenth of the offers and the same context. {plan['at']}, commit "
            f"`{plan['commit']}`, load average {plan['load_before']:.2f} before, {plan['load_after']:.2f} after.\n"
        )
        body.append("| run | pairs | wall | CPU (user + sys) | pairs (documents)/s | peak RSS |\n"
                    "| --- | ---: | ---: | ---: | ---: | ---: |")
        for label, fig in (("small", small), ("big", big)):
            for name, what in (("plan", "plan"), ("check", "check --jsonl (baseline)")):
                r = fig["runs"][name]
                body.append(
                    f"| {what} | {fmt_int(r['pairs'])} | {r['seconds']:.2f} s | {r['user_s'] + r['sys_s']:.2f} s "
                    f"| {fmt_int(r['docs_per_s'])} | {fmt_kib(r['peak_rss_kib'])} |"
                )
        body.append("")
        ratio = p["docs_per_s"] / c["docs_per_s"]
        summary.append(
            ("plan-throughput", f"`plan`, {fmt_int(p['pairs'])} offers x 1 campaign, {cores} cores",
             f"{fmt_int(p['docs_per_s'])} pairs/s", f"{fmt_int(c['docs_per_s'])} documents/s (check --jsonl)",
             f"{ratio:.2f}", "≥ 0.8", ratio >= TARGET_PLAN_RATIO)
        )
        growth = p["peak_rss_kib"] / small["runs"]["plan"]["peak_rss_kib"]
        summary.append(
            ("plan-memory", f"`plan` peak RSS, {fmt_int(p['pairs'])} vs {fmt_int(small['runs']['plan']['pairs'])} offers",
             fmt_kib(p["peak_rss_kib"]), fmt_kib(small["runs"]["plan"]["peak_rss_kib"]), f"{growth:.2f}",
             "flat (≤ 1.25)", growth <= TARGET_RSS_GROWTH)
        )

    start["wasm"] = (len(summary), len(body))
    if wasm:
        body.append("## The npm package in Node (WebAssembly)\n")
        body.append(
            f"`{wasm['command']}` ({wasm['at']}, commit `{wasm['commit']}`, Node {wasm['node']}, V8 {wasm['v8']}, "
            f"load average {wasm['load_before']:.2f} before, {wasm['load_after']:.2f} after).\n"
        )
        s = wasm["size"]
        body.append("### Size of the shipped `.wasm` (`crates/badge-rules-wasm/pkg/badge_rules_bg.wasm`)\n")
        body.append(f"Built on: {wasm.get('build', 'unknown')} (`make wasm`; target/wasm-build.txt).\n")
        body.append("| encoding | bytes | target | met? |\n| --- | ---: | ---: | --- |")
        body.append(f"| raw | {fmt_int(s['raw'])} | – | |")
        body.append(f"| gzip -9 | {fmt_int(s['gzip9'])} ({s['gzip9'] / 1024:.1f} KiB) | ≤ 100 KiB now "
                    f"| {met(s['gzip9'] <= TARGET_GZIP_NOW_BYTES)} |")
        body.append(f"| gzip -9 | | ≤ 60 KiB (61,440), the goal "
                    f"| {met(s['gzip9'] <= TARGET_GZIP_BYTES)} |")
        body.append(f"| brotli (quality 11) | {fmt_int(s['brotli11'])} ({s['brotli11'] / 1024:.1f} KiB) | (reported) | |")
        body.append("")
        summary.append(
            ("wasm-size", "`.wasm` gzip -9 (brotli 11 in the table), now", f"{s['gzip9'] / 1024:.1f} KiB",
             f"brotli {s['brotli11'] / 1024:.1f} KiB", "–", "≤ 100 KiB", s["gzip9"] <= TARGET_GZIP_NOW_BYTES)
        )
        summary.append(
            ("wasm-size", "`.wasm` gzip -9, the goal", f"{s['gzip9'] / 1024:.1f} KiB",
             f"brotli {s['brotli11'] / 1024:.1f} KiB", "–", "≤ 60 KiB", s["gzip9"] <= TARGET_GZIP_BYTES)
        )
        # How the module is built, and the reader prototype measured on it
        # (issue 16): prose kept in scripts/bench-notes.md.
        for note_id in ("wasm-build", "wasm-reader"):
            note = notes().get(note_id)
            if note:
                body.append(note)
                body.append("")
        i = wasm["instantiate"]
        body.append(
            f"### Instantiation (target ≤ 2 ms)\n\n`new WebAssembly.Module(bytes)` + `initSync({{module}})`, timed "
            f"inside each of {i['processes']} fresh `node` processes (V8 caches compiled modules within a process).\n"
        )
        body.append("| measure | median | target | met? |\n| --- | ---: | ---: | --- |")
        body.append(f"| compile + instantiate | {i['medianMs']:.2f} ms (min {i['minMs']:.2f}, max {i['maxMs']:.2f}) "
                    f"| ≤ 2 ms | {met(i['medianMs'] <= TARGET_INSTANTIATE_MS)} |")
        body.append(f"| of which `new WebAssembly.Module` | {i['compileMedianMs']:.2f} ms | | |")
        body.append(f"| of which `initSync` | {i['initMedianMs']:.2f} ms | | |")
        body.append(f"| then the first `check()` of the process | {i['firstCheckMedianMs']:.2f} ms | (reported) | |")
        if "emptyModuleMedianMs" in i:
            body.append(f"| baseline: the empty module, compiled and instantiated in fresh processes of its own "
                        f"| {i['emptyModuleMedianMs']:.2f} ms | | |")
        body.append("")
        summary.append(
            ("wasm-instantiate", "instantiate in Node (fresh process)", f"{i['medianMs']:.2f} ms",
             f"empty module {i['emptyModuleMedianMs']:.2f} ms" if "emptyModuleMedianMs" in i else "–", "–", "≤ 2 ms",
             i["medianMs"] <= TARGET_INSTANTIATE_MS)
        )
        body.append(
            "### `check()` per call from JavaScript (targets: ≤ 5 µs, ≤ 2 × the JSON round trip)\n\n"
            "Median over rounds of the mean µs per call within a round (1,000 calls); the contenders of a row "
            "alternate round by round in the same process. Baseline: `JSON.parse(JSON.stringify(doc))` of the "
            "same document.\n"
        )
        body.append("| document | verdict | `check(doc)` | `checkJson(text)` | JSON round trip | ratio check / round trip "
                    "| ≤ 5 µs? | ≤ 2 ×? |\n| --- | --- | ---: | ---: | ---: | ---: | --- | --- |")
        for name, v in wasm["perCallMicros"].items():
            ratio = v["check"] / v["jsonRoundTrip"]
            body.append(
                f"| {name} | {wasm['verdicts'][name]} | {v['check']:.2f} µs | {v['checkJson']:.2f} µs "
                f"| {v['jsonRoundTrip']:.2f} µs | {ratio:.2f} | {met(v['check'] <= TARGET_WASM_CHECK_US)} "
                f"| {met(ratio <= TARGET_WASM_RATIO)} |"
            )
            if name == "sandbox-accept":
                summary.append(
                    ("wasm-check", "`check()` of the sandbox application from JS", f"{v['check']:.2f} µs", "–", "–",
                     "≤ 5 µs", v["check"] <= TARGET_WASM_CHECK_US)
                )
                summary.append(
                    ("wasm-check", "`check()` against JSON.parse(JSON.stringify(doc))", f"{v['check']:.2f} µs",
                     f"{v['jsonRoundTrip']:.2f} µs", f"{ratio:.2f}", "≤ 2", ratio <= TARGET_WASM_RATIO)
                )
        body.append("")
        b = wasm.get("browser")
        if b:
            body.append(
                f"### Loading in Chromium ({b['chromium']})\n\n"
                f"The web glue's `init()` from a local server, each of {b['loads']} loads per row in a fresh "
                "browser context, nothing cached (`no-store`), the rows alternating: served as `application/wasm` "
                "the glue takes `WebAssembly.instantiateStreaming` (compiling while the bytes arrive), served "
                "as `application/octet-stream` it falls back to `instantiate(ArrayBuffer)`. Baseline: fetching "
                "the same bytes and nothing more. `www/serve.mjs` and the tests' servers send "
                "`application/wasm`.\n"
            )
            body.append("| served as | `init()` to a ready module | then the first `check()` | fetch only |\n"
                        "| --- | ---: | ---: | ---: |")
            for label, key in (("application/wasm (streaming)", "applicationWasm"),
                               ("application/octet-stream (ArrayBuffer)", "octetStream")):
                body.append(f"| {label} | {b[key]['initMs']:.1f} ms | {b[key]['firstCheckMs']:.1f} ms "
                            f"| {b['fetchOnlyMs']:.1f} ms |")
            body.append("")
        if wasm.get("boundariesMicros"):
            body.append(
                "### The two boundaries\n\n`check(doc)` (the shipped boundary: `JSON.stringify` → JSON text → "
                "serde_json, report back as JSON text → `JSON.parse`) against `checkViaSerde(doc)` "
                "(serde-wasm-bindgen walks the JS object field by field), both from one module built with the "
                "`serde-boundary` feature (the shipped package leaves `checkViaSerde` out), same run.\n"
            )
            body.append("| document | same report? | JSON text | serde-wasm-bindgen | serde / JSON | JSON round trip |\n"
                        "| --- | --- | ---: | ---: | ---: | ---: |")
            for name, v in wasm["boundariesMicros"].items():
                body.append(
                    f"| {name} | {'yes' if v['sameReport'] else '**no**'} | {v['jsonText']:.2f} µs "
                    f"| {v['serdeWasmBindgen']:.2f} µs | {v['serdeWasmBindgen'] / v['jsonText']:.2f} "
                    f"| {v['jsonRoundTrip']:.2f} µs |"
                )
            body.append("")

    start["ledger"] = (len(summary), len(body))
    if ledger:
        rows, section = ledger_section(ledger)
        summary += rows
        body += section

    start["serve"] = (len(summary), len(body))
    if serve:
        rows, section = serve_section(serve)
        summary += rows
        body += section

    start["peers"] = (len(summary), len(body))
    if peers:
        rows, section = peers_section(peers)
        summary += rows
        body += section

    first, form = load("first"), load("form")
    start["first"] = (len(summary), len(body))
    if first:
        rows, section = bench_js.first_section(first, met)
        summary += rows
        body += section
    start["form"] = (len(summary), len(body))
    if form:
        rows, section = bench_js.form_section(form, met)
        summary += rows
        body += section

    start["end"] = (len(summary), len(body))
    # An area measured in no run of target/bench keeps what BENCHMARKS.md shows of it.
    data = {"native": native, "cli": cli, "plan": plan, "wasm": wasm, "ledger": ledger, "serve": serve, "peers": peers, "first": first, "form": form}
    kept = previous_areas()
    notes_by_id = notes()
    try:
        old_text = open(os.path.join(ROOT, "BENCHMARKS.md")).read()
    except FileNotFoundError:
        old_text = ""
    summary_lines, ordered_body, missed_blocks, recordings = [], [], [], []
    old_recordings = previous_recordings(old_text)
    # The recording of each area in the previous file: its Recordings row, or
    # for a file written before that table, what its section's first line says.
    old_sections = {part.split("\n", 1)[0]: part for part in re.split(r"^(?=## )", old_text, flags=re.M)}
    old_recorded = {}
    for area, (heading, _, _) in AREAS.items():
        row = old_recordings.get(area)
        old_recorded[area] = (bench_record.cells(row)[1] if row
                              else bench_record.section_recording(old_sections.get(heading)))
    for i, area in enumerate(AREA_ORDER):
        s0, b0 = start[area]
        s1, b1 = start[AREA_ORDER[i + 1]] if i + 1 < len(AREA_ORDER) else start["end"]
        if data[area]:
            rows = summary[s0:s1]
            recorded = recording(data[area])
            recordings.append(f"| {area} | {recorded} |")
            noise = area_noise(area, data[area])
            summary_lines += bench_record.merge(
                [{"cells": [what, figure, base, ratio, target, met(ok)], "recorded": recorded,
                  "noise": noise.get(f"{sid}/cpu" if "CPU" in what else sid)}
                 for sid, what, figure, base, ratio, target, ok in rows],
                old_text, old_recorded[area])[1:]
            ordered_body += body[b0:b1]
            for sid in dict.fromkeys(sid for sid, *_, ok in rows if not ok):
                missed_blocks.append(
                    notes_by_id.get(sid, f"### {sid}\n\n(no analysis written yet in scripts/bench-notes.md)"))
        elif area in kept:
            rows, section, blocks = kept[area]
            summary_lines += [bench_record.carried(r, old_recorded[area]) for r in rows]
            if old_recorded[area]:
                recordings.append(f"| {area} | {old_recorded[area]} |")
            if section:
                ordered_body.append(section)
            missed_blocks += blocks
            log(f"{area}: no target/bench/{area}.json, kept as BENCHMARKS.md shows it")

    m = machine()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`scripts/bench.py`); do not edit by hand: the prose on missed targets "
        "comes from `scripts/bench-notes.md`. Every figure is set against a baseline measured in the same "
        "run on the same machine; no test asserts speed.",
        "",
        "## Summary",
        "",
    ]
    lines += bench_record.HEADER.split("\n")
    lines += summary_lines
    lines += [
        "",
        "`recorded`: when the row's area was last measured, at which commit, the load average before → after "
        "and the CPUs. `previous` and `since the last recording` set the row's ratio against its baseline of the "
        "same run (its figure where it has no baseline) against the recording before "
        "(`scripts/bench_record.py`): a move beyond the noise band is flagged **moved**; the band is the spread "
        f"of the area's repeated runs where it measures one, and at least ±{bench_record.NOISE_TIME:.0%} for "
        f"times, rates and ratios, ±{bench_record.NOISE_SIZE:.0%} for sizes.",
        "",
        "### Recordings",
        "",
        "| area | recorded |",
        "| --- | --- |",
    ]
    lines += recordings
    lines += ["", "## Machine", "", "| | |", "| --- | --- |"]
    for k, v in m.items():
        lines.append(f"| {k} | {v} |")
    lines += [
        "",
        "The machine is shared: other builds may run during a benchmark. The load average before and after "
        "each area is recorded with it; ratios against a baseline of the same run are the figures to trust.",
        "",
    ]
    lines += ordered_body
    lines += [
        "## Reproduce",
        "",
        "```sh",
        "make bench          # all of it (about 10 minutes on 2 cores), then BENCHMARKS.md",
        "make bench-native   # cargo bench -p badge-rules --bench engine",
        "make bench-cli      # 1,000,000 generated documents through check --jsonl and the parse-only baseline",
        "make bench-wasm     # make wasm, a serde-boundary build, node crates/badge-rules-wasm/tools/bench.mjs",
        "make bench-plan     # badge-rules plan over 1,000,000 generated offers against check --jsonl on their documents",
        "make bench-ledger   # the price ledger: record 1M offers, lowest over 1M x 60 prices, check --ledger",
        "make bench-serve    # badge-rules serve on loopback: checks at 1/16/256 connections, the NDJSON batch against check --jsonl",
        "make bench-peers    # json-rules-engine, zen-engine-wasm, cedar-wasm against the package on one rule set",
        "make bench-first    # Node: import to first decision in fresh processes, check() on every example",
        "make bench-form     # the form in Chromium, throttled and not: first verdict against the last byte, keystroke",
        "```",
        "",
        "Raw results: `target/bench/{native,cli,wasm,plan,ledger,serve,peers}.json` and criterion's `target/criterion/`. "
        "`BENCH_DOCS=100000 make bench-cli` runs a smaller batch; `BENCH_HISTORY_MAX=100000` leaves the "
        "1M-badge document out of the native run.",
        "",
    ]
    if missed_blocks:
        lines += ["## Missed targets: what holds them back, what would close them", ""]
        for block in missed_blocks:
            lines.append(block.rstrip("\n"))
            lines.append("")
    with open(os.path.join(ROOT, "BENCHMARKS.md"), "w") as f:
        f.write("\n".join(lines).rstrip() + "\n")
    log("wrote BENCHMARKS.md")


#: The areas, in the order BENCHMARKS.md shows them, each with its section's
#: heading, how its summary rows begin and its summary ids (for its notes).
AREA_ORDER = ["native", "cli", "plan", "wasm", "ledger", "serve", "peers", "first", "form"]
AREAS = {
    "native": ("## Native engine (criterion)",
               ("native `check`", "native end to end", "1M badges", "`check` on the parsed document"),
               ("native-check", "native-e2e", "history-linear")),
    "cli": ("## `badge-rules check --jsonl` (CLI)", ("`check --jsonl`", "peak RSS, "),
            ("cli-throughput", "cli-memory")),
    "plan": ("## `badge-rules plan` (CLI)", ("`plan`",), ("plan-throughput", "plan-memory")),
    "wasm": ("## The npm package in Node (WebAssembly)", ("`.wasm`", "instantiate", "`check()`"),
             ("wasm-build", "wasm-size", "wasm-instantiate", "wasm-check")),
    "ledger": ("## The price ledger (`badge-rules ledger`, `check --ledger`)", ("ledger",),
               ("ledger-record", "ledger-lowest", "ledger-check")),
    "serve": ("## `badge-rules serve` (HTTP on loopback)", ("`serve`",),
              ("serve-batch", "serve-check", "serve-memory")),
    "peers": ("## Peers on the same rules (Node)", ("peers:",), ("peers",)),
    **bench_js.AREAS,
}


def recording(data):
    """One area's recording: when, at which commit, under which load, on how many CPUs."""
    load = (f"load {data['load_before']:.2f} → {data['load_after']:.2f}"
            if data.get("load_before") is not None and data.get("load_after") is not None else "load unknown")
    return f"{data['at']}, `{data['commit']}`, {load}, {data.get('cores', '?')} CPUs"


def previous_recordings(text):
    """The rows of the previous file's Recordings table, by area."""
    out = {}
    part = text.split("### Recordings", 1)
    if len(part) == 2:
        for line in part[1].split("\n## ", 1)[0].splitlines():
            if line.startswith("| ") and not line.startswith("| area |") and not line.startswith("| ---"):
                out[bench_record.cells(line)[0]] = line
    return out


def spread(seconds):
    """(max − min) / median of repeated runs, as a fraction."""
    if not seconds or len(seconds) < 2:
        return None
    s = sorted(seconds)
    return (s[-1] - s[0]) / s[len(s) // 2]


def area_noise(area, data):
    """The noise an area measured, by summary id (`ID/cpu` for its row of
    CPU times): for a ratio of two runs' figures, the spreads of both added."""
    if area == "cli":
        runs = data["figures"]["big"]["runs"]
        a, b = spread(runs["cli"].get("all_seconds")), spread(runs["baseline"].get("all_seconds"))
        ca, cb = spread(runs["cli"].get("all_cpu_seconds")), spread(runs["baseline"].get("all_cpu_seconds"))
        return {"cli-throughput": (a or 0) + (b or 0) if a is not None or b is not None else None,
                "cli-throughput/cpu": (ca or 0) + (cb or 0) if ca is not None or cb is not None else None}
    if area == "plan":
        runs = data["figures"]["big"]["runs"]
        a, b = spread(runs["plan"].get("all_seconds")), spread(runs["check"].get("all_seconds"))
        return {"plan-throughput": (a or 0) + (b or 0) if a is not None or b is not None else None}
    return {}


def previous_areas():
    """What the current BENCHMARKS.md shows of each area: its summary rows,
    its section and its missed-target notes, for a report run without that
    area's target/bench JSON (`make bench-plan` runs one area, then the
    report)."""
    try:
        text = open(os.path.join(ROOT, "BENCHMARKS.md")).read()
    except FileNotFoundError:
        return {}
    parts = re.split(r"^(?=## )", text, flags=re.M)
    sections = {part.split("\n", 1)[0]: part for part in parts if part.startswith("## ")}
    rows = []
    # The summary table only, not the Recordings table below it.
    summary = sections.get("## Summary", "").split("### Recordings", 1)[0]
    for line in summary.splitlines():
        if line.startswith("| ") and not line.startswith("| target |") and not line.startswith("| ---"):
            rows.append(line)
    missed = sections.get("## Missed targets: what holds them back, what would close them", "")
    blocks = ["### " + b for b in re.split(r"^### ", missed, flags=re.M)[1:]]
    notes_by_id = notes()
    kept = {}
    for area, (heading, prefixes, sids) in AREAS.items():
        own = [r for r in rows if r[2:].startswith(prefixes)]
        titles = [notes_by_id[sid].split("\n", 1)[0] for sid in sids if sid in notes_by_id]
        own_blocks = [b for b in blocks if b.split("\n", 1)[0] in titles]
        section = sections.get(heading)
        if own or section:
            kept[area] = (own, section.rstrip("\n") + "\n" if section else None, own_blocks)
    return kept


def exponent(points):
    """Least-squares slope of log(time) against log(N)."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else None


def main():
    areas = {
        "native": bench_native,
        "cli": bench_cli,
        "wasm": bench_wasm,
        "plan": bench_plan,
        "ledger": bench_ledger,
        "ledger-ratios": bench_ledger_ratios,
        "serve": bench_serve,
        "peers": bench_peers,
        "first": lambda: bench_js.bench_first(run, save, load_average),
        "form": lambda: bench_js.bench_form(run, save, load_average, ROOT),
        "report": report,
    }
    if len(sys.argv) < 2 or any(a not in areas for a in sys.argv[1:]):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    for area in sys.argv[1:]:
        areas[area]()


if __name__ == "__main__":
    main()

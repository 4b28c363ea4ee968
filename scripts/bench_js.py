"""Where users of the npm package and the form wait (issue 24, points 2, 3
and 5): the areas `first` (Node: import to first decision, check() on every
example) and `form` (the form in Chromium: first verdict, keystroke), run and
written into BENCHMARKS.md by scripts/bench.py.

    python3 scripts/bench.py first   # node crates/badge-rules-wasm/tools/bench-first.mjs -> target/bench/first.json
    python3 scripts/bench.py form    # node www/bench.mjs -> target/bench/form.json

Standard library only.
"""

import json
import os
import subprocess

TARGET_FIRST_DECISION_MS = 5.0  # import to the first decision in Node
TARGET_CHECK_ROUND_TRIP = 1.5  # check() <= 1.5 x JSON.parse(JSON.stringify(doc)), every example
TARGET_FORM_THROTTLED = 1.25  # first verdict <= 1.25 x the last byte, throttled
TARGET_FORM_LOCALHOST = 2.0  # first verdict <= 2 x the last byte, on localhost
TARGET_KEYSTROKE_LOCAL_MS = 5.0
TARGET_KEYSTROKE_THROTTLED_MS = 16.0

#: The areas' headings in BENCHMARKS.md, how their summary rows begin, their notes' ids.
AREAS = {
    "first": ("## Node: import to the first decision, check() on every example",
              ("Node: import to first decision", "`check()` ≤ 1.5 ×"), ("node-first", "check-round-trip")),
    "form": ("## The form in Chromium: first verdict and keystroke",
             ("form:",), ("form-first-verdict", "form-keystroke")),
}


def bench_first(run, save, load_average):
    load_before = load_average()
    cmd = ["node", "crates/badge-rules-wasm/tools/bench-first.mjs"]
    data = json.loads(run(cmd, capture_output=True, text=True).stdout)
    data["load_before"] = load_before
    data["load_after"] = load_average()
    data["command"] = " ".join(cmd)
    save("first", data)


def bench_form(run, save, load_average, root):
    load_before = load_average()
    cmd = ["node", "www/bench.mjs"]
    before = os.environ.get("BENCH_FORM_BEFORE")  # another build of the form, alternated with this one
    if before:
        cmd += ["--before", before]
    data = json.loads(run(cmd, capture_output=True, text=True).stdout)
    data["load_before"] = load_before
    data["load_after"] = load_average()
    data["command"] = "node www/bench.mjs" + (" --before $BENCH_FORM_BEFORE" if before else "")
    save("form", data)


def first_section(first, met):
    summary, body = [], []
    fd = first["firstDecision"]
    body.append(AREAS["first"][0] + "\n")
    body.append(
        f"`{first['command']}` ({first['at']}, commit `{first['commit']}`, Node {first['node']}, V8 {first['v8']}, "
        f"load average {first['load_before']:.2f} before, {first['load_after']:.2f} after; a bare `node -e ''` "
        f"took {first['processMedianMs']:.1f} ms in this run).\n"
    )
    body.append(
        "### Import to the first decision (target ≤ 5 ms)\n\n"
        "Each figure in a fresh `node` process, the ways alternating process by process; medians. `shipped`: the "
        "package's Node entry (`new WebAssembly.Module`, V8 compiling each function lazily on its first call); "
        "`eager`: the same with `--no-wasm-lazy-compilation` (every function compiled before the first call); "
        "`async`: `WebAssembly.compile` then `initSync`; baseline: the empty module.\n"
    )
    body.append("| way | processes | import | first `check()` | import to first decision | steady `check()` |\n"
                "| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, v in fd.items():
        body.append(f"| {name} | {v['processes']} | {v['importMs']:.2f} ms | {v['firstCheckMs']:.2f} ms "
                    f"| {v['importToFirstDecisionMs']:.2f} ms | {v['steadyCheckMs'] * 1000:.1f} µs |")
    body.append("")
    s = fd["shipped"]
    summary.append(("node-first", "Node: import to first decision (fresh process, the package as shipped)",
                    f"{s['importToFirstDecisionMs']:.2f} ms", f"empty module {fd['emptyModule']['importMs']:.2f} ms",
                    "–", "≤ 5 ms", s["importToFirstDecisionMs"] <= TARGET_FIRST_DECISION_MS))
    body.append(
        "### `check()` on every example against the JSON round trip (target ≤ 1.5 ×)\n\n"
        "Median over rounds of the mean µs per call within a round (500 calls), `check(doc)`, `checkJson(text)` "
        "and `JSON.parse(JSON.stringify(doc))` alternating in one process.\n"
    )
    body.append("| document | verdict | bytes | `check(doc)` | `checkJson(text)` | JSON round trip | ratio | ≤ 1.5 ×? |\n"
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    worst = None
    for name, v in first["perCallMicros"].items():
        if "inputError" in v:
            body.append(f"| {name} | input error {v['inputError']} | | | | | | |")
            continue
        body.append(f"| {name} | {v['verdict']} | {v['bytes']} | {v['check']:.2f} µs | {v['checkJson']:.2f} µs "
                    f"| {v['jsonRoundTrip']:.2f} µs | {v['ratio']:.2f} | {met(v['ratio'] <= TARGET_CHECK_ROUND_TRIP)} |")
        if worst is None or v["ratio"] > worst[1]["ratio"]:
            worst = (name, v)
    body.append("")
    if worst:
        name, v = worst
        over = sum(1 for x in first["perCallMicros"].values() if "ratio" in x and x["ratio"] > TARGET_CHECK_ROUND_TRIP)
        summary.append(("check-round-trip", f"`check()` ≤ 1.5 × the JSON round trip on every example: the highest "
                        f"({name}); {over} over", f"{v['check']:.2f} µs", f"{v['jsonRoundTrip']:.2f} µs",
                        f"{v['ratio']:.2f}", "≤ 1.5", over == 0))
    w = first.get("weight")
    if w:
        body.append(
            "### What the main `.wasm` weighs, by part (issue 24, point 4: ≤ 100 KB gzip)\n\n"
            "Its sections, raw; each language's texts (the string literals of "
            "`crates/badge-rules/src/locale/{en,pl}.rs` of 8 bytes or more, found in the module) and the module's "
            "gzip -9 with them blanked in place: about what a module without that language would weigh on the "
            "wire.\n"
        )
        body.append("| part | raw | gzip -9 of the module without it | saved |\n| --- | ---: | ---: | ---: |")
        body.append(f"| the whole module | {w['raw']:,} B | {w['gzip9']:,} B (with it) | |")
        for name, size in sorted(w["sections"].items(), key=lambda kv: -kv[1])[:3]:
            body.append(f"| section `{name}` | {size:,} B ({size / w['raw']:.0%}) | | |")
        for lang, v in w["languages"].items():
            body.append(f"| the `{lang}` texts ({v['found']} strings) | {v['bytes']:,} B | {v['moduleGzipWithoutThem']:,} B "
                        f"| {w['gzip9'] - v['moduleGzipWithoutThem']:,} B |")
        body.append("")
    return summary, body


def form_section(form, met):
    summary, body = [], []
    t = form["throttling"]
    body.append(AREAS["form"][0] + "\n")
    body.append(
        f"`{form['command']}` ({form['at']}, commit `{form['commit']}`, Chromium {form['chromium']}, load average "
        f"{form['load_before']:.2f} before, {form['load_after']:.2f} after). The built form (`make www`) from "
        "`www/serve.mjs` on 127.0.0.1, each load in a fresh browser context; throttled: CDP "
        f"`Network.emulateNetworkConditions` ({t['mbitPerSecond']:.1f} Mbit/s, {t['latencyMs']} ms RTT) and "
        f"`Emulation.setCPUThrottlingRate` {t['cpuSlowdown']}. First verdict: from the navigation's start to "
        "`#a-verdict`'s first state. Baseline of the same load: the last byte (the latest `responseEnd` of the "
        "document and of every resource fetched by then), the transfer floor. Ratio: the median of the loads' "
        f"own ratios. Keystroke: a price typed into the Application tab (the `input` event, answered at once: check "
        f"and render, then a forced layout), median of {form['keystrokes']} per load, median over loads.\n"
    )
    body.append("| build | condition | loads | bytes sent | last byte (floor) | first verdict | ratio | target | met? "
                "| keystroke | target | met? |\n"
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |")
    for key, v in form["results"].items():
        build, cond = key.split("/")
        target = TARGET_FORM_THROTTLED if cond == "throttled" else TARGET_FORM_LOCALHOST
        ktarget = TARGET_KEYSTROKE_THROTTLED_MS if cond == "throttled" else TARGET_KEYSTROKE_LOCAL_MS
        body.append(f"| {build} | {cond} | {v['loads']} | {v['bytes']:,} B | {v['lastByteMs']:.0f} ms "
                    f"| {v['firstVerdictMs']:.0f} ms | {v['ratio']:.2f} | ≤ {target} | {met(v['ratio'] <= target)} "
                    f"| {v['keystrokeMs']:.2f} ms | ≤ {ktarget:g} ms | {met(v['keystrokeMs'] <= ktarget)} |")
        if build != "after":
            continue
        summary.append(("form-first-verdict", f"form: first verdict, {cond} ({'1.6 Mbit/s, 150 ms RTT, 4x CPU' if cond == 'throttled' else 'no throttling'})",
                        f"{v['firstVerdictMs']:.0f} ms", f"last byte {v['lastByteMs']:.0f} ms", f"{v['ratio']:.2f}",
                        f"≤ {target}", v["ratio"] <= target))
        summary.append(("form-keystroke", f"form: keystroke (check and render), {cond}", f"{v['keystrokeMs']:.2f} ms",
                        "–", "–", f"≤ {ktarget:g} ms", v["keystrokeMs"] <= ktarget))
    body.append("")
    if form["builds"].get("before"):
        body.append("`before`: the form of another commit (BENCH_FORM_BEFORE), its loads alternating with these.\n")
    return summary, body

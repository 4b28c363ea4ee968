// The peers' comparison of issue 24 (`make bench-peers`; figures in
// BENCHMARKS.md): badge-rules' npm package against json-rules-engine,
// @gorules/zen-engine-wasm and @cedar-policy/cedar-wasm, pinned in this
// folder's package.json and package-lock.json (bench only: none of them is a
// dependency of the package).
//
// The rule set each peer expresses (rules.mjs says how, engine by engine):
// the sandbox campaign's market ladder on the bargain price B against the
// market price M (RULES.md §4.3: BA14 B > M, BA13 B = M, BA16 d < 1 %, BA49
// d < minPercent, BA50 d > maxPercent, the first that holds; d = (M − B) / M
// in per cent, minPercent 40, maxPercent 60) and three request-shape rules
// (§4.1: BB3 campaign.id missing, not a string or blank; BB4 offer.id missing
// or ""; BB11 offer.id not 1 to 20 ASCII digits without a leading zero).
// badge-rules runs its whole application rule set on the sandbox document
// of examples/ (every rule of §4, the same ladder among them), so its figure
// is an upper bound of what this subset costs it; its answers are compared
// on the rule set's codes.
//
// Figures, each engine alike:
// - size: the engine's .wasm raw, gzip -9 and brotli 11 (json-rules-engine:
//   the JS files of its package and of its runtime dependencies, summed);
// - instantiate: in each of --fresh fresh `node` processes, from before the
//   engine's import to an engine ready to decide (import, compile and
//   instantiate the .wasm, parse the rules), then the first decision of the
//   process; the engines alternate process by process;
// - per decision: in this process, the median over --rounds rounds of the
//   mean µs per decision within a round (1,000 decisions; json-rules-engine's
//   `run` is asynchronous: each decision awaited), the engines alternating
//   round by round, on the accepting input (B 100.00, M 200.00) and the
//   rejecting one (B 130.00: BA49).
// Before timing, every engine's codes are checked on every case of
// rules.mjs (the run stops on a wrong answer).
//
// Usage: node bench/peers/bench.mjs [--pkg DIR] [--fresh N] [--rounds N]
// Prints one JSON object on stdout.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';

import { CASES, ENGINES, root } from './rules.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const pkg = resolve(arg('--pkg', join(root, 'crates', 'badge-rules-wasm', 'pkg')));
const fresh = Number(arg('--fresh', '15'));
const rounds = Number(arg('--rounds', '21'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

const engines = ENGINES.filter((e) => e.name !== 'badge-rules' || existsSync(join(pkg, 'badge_rules_bg.wasm')));
const missing = ENGINES.filter((e) => !engines.includes(e)).map((e) => e.name);

// 1. Size.
function compressed(buffers) {
  const one = (b) => ({
    raw: b.length,
    gzip9: gzipSync(b, { level: 9 }).length,
    brotli11: brotliCompressSync(b, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: b.length },
    }).length,
  });
  return buffers.map(one).reduce((a, b) => ({
    raw: a.raw + b.raw, gzip9: a.gzip9 + b.gzip9, brotli11: a.brotli11 + b.brotli11,
  }));
}
function jsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsFiles(path));
    else if (/\.(c|m)?js$/.test(name) && !/\.min\.|esm|umd|browser/.test(path.slice(dir.length))) out.push(path);
  }
  return out;
}
const size = {};
for (const e of engines) {
  const files = e.size(pkg);
  const list = files.wasm ?? files.jsDirs.flatMap((d) => jsFiles(join(here, 'node_modules', d)));
  size[e.name] = { what: files.what, files: list.length, ...compressed(list.map((f) => readFileSync(f))) };
}

// 2. Every engine gives the expected codes on every case.
const loaded = {};
for (const e of engines) {
  loaded[e.name] = await e.load(pkg);
  for (const c of CASES) {
    const got = [...(await loaded[e.name].decide(c))].sort();
    const want = [...(e.expected?.(c) ?? c.codes)].sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`${e.name} on ${c.name}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }
}

// 3. Instantiation and the first decision, in fresh processes.
const child = `
  const { ENGINES, CASES } = await import(${JSON.stringify(new URL('./rules.mjs', import.meta.url).href)});
  const engine = ENGINES.find((e) => e.name === process.env.BENCH_ENGINE);
  const t0 = performance.now();
  const ready = await engine.load(${JSON.stringify(pkg)});
  const t1 = performance.now();
  await ready.decide(CASES[0]);
  const t2 = performance.now();
  console.log(JSON.stringify({ ready: t1 - t0, first: t2 - t1 }));
`;
const startup = Object.fromEntries(engines.map((e) => [e.name, []]));
for (let i = 0; i < fresh; i++) {
  const order = i % 2 ? [...engines].reverse() : engines;
  for (const e of order) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', child], {
      encoding: 'utf8', env: { ...process.env, BENCH_ENGINE: e.name },
    });
    startup[e.name].push(JSON.parse(out));
  }
}
const instantiate = Object.fromEntries(Object.entries(startup).map(([name, rs]) => [name, {
  processes: rs.length,
  readyMedianMs: median(rs.map((r) => r.ready)),
  readyMinMs: Math.min(...rs.map((r) => r.ready)),
  readyMaxMs: Math.max(...rs.map((r) => r.ready)),
  firstDecisionMedianMs: median(rs.map((r) => r.first)),
}]));

// 4. Per decision, the engines alternating round by round.
async function race(contenders, batch = 1000) {
  const names = Object.keys(contenders);
  for (const name of names) for (let i = 0; i < batch * 2; i++) await contenders[name]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const fn = contenders[name];
      const t = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) await fn();
      times[name].push(Number(process.hrtime.bigint() - t) / 1000 / batch);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])]));
}
const perDecision = {};
for (const c of CASES.filter((c) => c.timed)) {
  const inputs = Object.fromEntries(engines.map((e) => [e.name, loaded[e.name].input(c)]));
  perDecision[c.name] = await race(Object.fromEntries(engines.map((e) => {
    const { decideInput } = loaded[e.name];
    const input = inputs[e.name];
    return [e.name, () => decideInput(input)];
  })));
}

const versions = {};
for (const e of engines) versions[e.name] = e.version(pkg);
console.log(JSON.stringify({
  node: process.version,
  v8: process.versions.v8,
  versions,
  missing,
  size,
  instantiate,
  perDecisionMicros: perDecision,
  cases: CASES.map((c) => ({ name: c.name, codes: c.codes, timed: !!c.timed })),
  expressed: Object.fromEntries(engines.map((e) => [e.name, e.expresses])),
}, null, 2));

// Node benchmark of the npm package (`make bench-wasm`; figures in BENCHMARKS.md):
//
// - instantiation: `new WebAssembly.Module(bytes)` + `initSync`, timed inside
//   fresh Node processes (V8 caches compiled modules within a process), the
//   median of --fresh runs; the first check() call of each process too;
// - check() per call on the README's sandbox application (ACCEPT) and on its
//   REJECT twin, against the baseline JSON.parse(JSON.stringify(doc)) of the
//   same document, timed in alternating rounds of the same run;
// - both boundaries, check() (JSON text) against checkViaSerde()
//   (serde-wasm-bindgen), from a build with the `serde-boundary` feature
//   (--serde-pkg), since the shipped package leaves checkViaSerde out;
// - the size of the shipped .wasm: raw, gzip -9, brotli (quality 11).
//
// Usage: node tools/bench.mjs [--pkg DIR] [--serde-pkg DIR] [--fresh N] [--rounds N]
// Prints one JSON object on stdout.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const pkg = resolve(arg('--pkg', join(here, '..', 'pkg')));
const serdePkg = arg('--serde-pkg', null);
const fresh = Number(arg('--fresh', '21'));
const rounds = Number(arg('--rounds', '31'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// 1. Size of the shipped .wasm.
const wasmPath = join(pkg, 'badge_rules_bg.wasm');
const bytes = readFileSync(wasmPath);
const size = {
  raw: bytes.length,
  gzip9: gzipSync(bytes, { level: 9 }).length,
  brotli11: brotliCompressSync(bytes, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
};

// 2. Instantiation, each in a fresh process.
const sandboxPath = join(root, 'examples', 'sandbox-accept.json');
const child = `
  import { readFileSync } from 'node:fs';
  const bytes = readFileSync(${JSON.stringify(wasmPath)});
  const doc = JSON.parse(readFileSync(${JSON.stringify(sandboxPath)}, 'utf8'));
  const glue = await import(${JSON.stringify(pathToFileURL(join(pkg, 'badge_rules.js')).href)});
  const t0 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const t1 = performance.now();
  glue.initSync({ module });
  const t2 = performance.now();
  glue.check(doc);
  const t3 = performance.now();
  console.log(JSON.stringify({ compile: t1 - t0, init: t2 - t1, firstCheck: t3 - t2 }));
`;
const runs = [];
for (let i = 0; i < fresh; i++) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
  runs.push(JSON.parse(out));
}
const instantiate = {
  processes: fresh,
  medianMs: median(runs.map((r) => r.compile + r.init)),
  compileMedianMs: median(runs.map((r) => r.compile)),
  initMedianMs: median(runs.map((r) => r.init)),
  firstCheckMedianMs: median(runs.map((r) => r.firstCheck)),
  minMs: Math.min(...runs.map((r) => r.compile + r.init)),
  maxMs: Math.max(...runs.map((r) => r.compile + r.init)),
};

// 3. Per call, in this process: every contender timed once per round, in
// alternating order, so they share the machine's moods; the figure of each is
// the median over rounds of its mean µs per call within a round.
function race(contenders, batch = 1000) {
  const names = Object.keys(contenders);
  for (const name of names) for (let i = 0; i < batch * 3; i++) contenders[name]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const fn = contenders[name];
      const t = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) fn();
      times[name].push(Number(process.hrtime.bigint() - t) / 1000 / batch);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])]));
}

const glue = await import(pathToFileURL(join(pkg, 'badge_rules.js')).href);
glue.initSync({ module: new WebAssembly.Module(bytes) });
const documents = {
  'sandbox-accept': JSON.parse(readFileSync(sandboxPath, 'utf8')),
  'sandbox-too-shallow': JSON.parse(readFileSync(join(root, 'examples', 'sandbox-too-shallow.json'), 'utf8')),
};
const verdicts = {};
const calls = {};
for (const [name, doc] of Object.entries(documents)) {
  const text = JSON.stringify(doc);
  verdicts[name] = glue.check(doc).verdict;
  calls[name] = race({
    check: () => glue.check(doc),
    checkJson: () => glue.checkJson(text),
    jsonRoundTrip: () => JSON.parse(JSON.stringify(doc)),
  });
}

// 4. The two boundaries, from one module built with both.
let boundaries = null;
if (serdePkg) {
  const serdeGlue = await import(pathToFileURL(join(resolve(serdePkg), 'badge_rules.js')).href);
  serdeGlue.initSync({ module: new WebAssembly.Module(readFileSync(join(resolve(serdePkg), 'badge_rules_bg.wasm'))) });
  if (typeof serdeGlue.checkViaSerde !== 'function') {
    throw new Error(`${serdePkg} has no checkViaSerde: build it with --features serde-boundary`);
  }
  boundaries = {};
  for (const [name, doc] of Object.entries(documents)) {
    const viaJson = JSON.stringify(serdeGlue.check(doc));
    const viaSerde = JSON.stringify(serdeGlue.checkViaSerde(doc));
    boundaries[name] = {
      sameReport: viaJson === viaSerde,
      ...race({
        jsonText: () => serdeGlue.check(doc),
        serdeWasmBindgen: () => serdeGlue.checkViaSerde(doc),
        jsonRoundTrip: () => JSON.parse(JSON.stringify(doc)),
      }),
    };
  }
}

console.log(JSON.stringify({
  node: process.version,
  v8: process.versions.v8,
  package: pkg,
  size,
  instantiate,
  verdicts,
  perCallMicros: calls,
  boundariesMicros: boundaries,
}, null, 2));

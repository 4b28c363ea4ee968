// Node benchmark of the npm package (`make bench-wasm`; figures in BENCHMARKS.md):
//
// - instantiation: `new WebAssembly.Module(bytes)` + `initSync`, timed inside
//   fresh Node processes (V8 caches compiled modules within a process), the
//   median of --fresh runs; the first check() call of each process too;
//   baseline: the empty module, alternating, in fresh processes of its own;
// - check() per call on the README's sandbox application (ACCEPT) and on its
//   REJECT twin, against the baseline JSON.parse(JSON.stringify(doc)) of the
//   same document, timed in alternating rounds of the same run;
// - both boundaries, check() (JSON text) against checkViaSerde()
//   (serde-wasm-bindgen), from a build with the `serde-boundary` feature
//   (--serde-pkg), since the shipped package leaves checkViaSerde out;
// - the size of the shipped .wasm: raw, gzip -9, brotli (quality 11);
// - in Chromium (Debian's, through playwright-core; skipped without it): the
//   web glue's init() in a fresh browser context per load, the .wasm served
//   as application/wasm (the glue takes WebAssembly.instantiateStreaming,
//   which compiles while the bytes arrive) and as application/octet-stream
//   (the glue falls back to instantiate(ArrayBuffer)), then the first
//   check(); against the baseline of fetching the same bytes and nothing
//   more; the three kinds of load alternate.
//
// Usage: node tools/bench.mjs [--pkg DIR] [--serde-pkg DIR] [--fresh N] [--rounds N] [--browser-loads N]
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
const browserLoads = Number(arg('--browser-loads', '15'));
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
  if (process.env.BENCH_EMPTY_MODULE) {
    // Baseline, in processes of its own: the same first compile and
    // instantiation of the smallest module (what V8 costs before our bytes).
    const b0 = performance.now();
    new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])));
    console.log(JSON.stringify({ empty: performance.now() - b0 }));
    process.exit(0);
  }
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
const empties = [];
for (let i = 0; i < fresh; i++) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
  runs.push(JSON.parse(out));
  const base = execFileSync(process.execPath, ['--input-type=module', '-e', child],
    { encoding: 'utf8', env: { ...process.env, BENCH_EMPTY_MODULE: '1' } });
  empties.push(JSON.parse(base).empty);
}
const instantiate = {
  processes: fresh,
  medianMs: median(runs.map((r) => r.compile + r.init)),
  compileMedianMs: median(runs.map((r) => r.compile)),
  initMedianMs: median(runs.map((r) => r.init)),
  firstCheckMedianMs: median(runs.map((r) => r.firstCheck)),
  emptyModuleMedianMs: median(empties),
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

// 5. Chromium: time to a ready module and to the first answer, per load.
async function browserLoad() {
  const { existsSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const { createServer } = await import('node:http');
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = createRequire(join(here, 'package.json'))('playwright-core');
  // Each load does one thing in a fresh context, so that nothing compiled
  // before is reused: `fetch` only reads the bytes; `wasm` and `octet` call
  // the glue's init(), which streams with application/wasm and falls back
  // to instantiate(ArrayBuffer) otherwise; then the first check().
  const page = `<!doctype html><meta charset="utf-8"><script type="module">
    const q = new URLSearchParams(location.search);
    const mode = q.get('mode');
    const wasm = '/pkg/badge_rules_bg.wasm?type=' + mode;
    const doc = await (await fetch('/doc.json')).json();
    const glue = await import('/pkg/badge_rules.js');
    const t0 = performance.now();
    if (mode === 'fetch') {
      await (await fetch(wasm)).arrayBuffer();
      window.result = { ready: performance.now() - t0, firstCheck: 0 };
    } else {
      await glue.default({ module_or_path: wasm });
      const t1 = performance.now();
      glue.check(doc);
      window.result = { ready: t1 - t0, firstCheck: performance.now() - t1 };
    }
  </script>`;
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const noStore = { 'cache-control': 'no-store' };
    if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html', ...noStore }).end(page);
    if (url.pathname === '/doc.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(sandboxPath));
    const file = join(pkg, url.pathname.slice('/pkg/'.length));
    const type = file.endsWith('.wasm')
      ? (url.searchParams.get('type') === 'octet' ? 'application/octet-stream' : 'application/wasm')
      : 'text/javascript';
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': type, ...noStore }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  const modes = ['wasm', 'octet', 'fetch'];
  const runs = { wasm: [], octet: [], fetch: [] };
  try {
    for (let i = 0; i < browserLoads; i++) {
      for (const mode of i % 2 ? [...modes].reverse() : modes) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(`${origin}/?mode=${mode}`);
        runs[mode].push(await tab.waitForFunction(() => window.result).then((h) => h.jsonValue()));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const ms = (xs) => Math.round(median(xs) * 100) / 100;
  return {
    chromium: browser.version(),
    loads: browserLoads,
    // init() to a ready module, then the first check(), medians in ms.
    applicationWasm: { initMs: ms(runs.wasm.map((r) => r.ready)), firstCheckMs: ms(runs.wasm.map((r) => r.firstCheck)) },
    octetStream: { initMs: ms(runs.octet.map((r) => r.ready)), firstCheckMs: ms(runs.octet.map((r) => r.firstCheck)) },
    fetchOnlyMs: ms(runs.fetch.map((r) => r.ready)),
  };
}
const browser = await browserLoad();

console.log(JSON.stringify({
  node: process.version,
  v8: process.versions.v8,
  package: pkg,
  size,
  instantiate,
  verdicts,
  perCallMicros: calls,
  boundariesMicros: boundaries,
  browser,
}, null, 2));

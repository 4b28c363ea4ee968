// Node: the first decision from import, and check() on every example
// (issue 24, points 2 and 5; `make bench-first`, figures in BENCHMARKS.md).
//
// 1. Import to first decision, each figure in a fresh `node` process (V8
//    keeps compiled code within a process): `await import('badge-rules')`
//    (the Node entry reads the .wasm, compiles and instantiates it), then
//    the first check() of the README's sandbox document, then the median of
//    200 more (steady). The ways of compiling alternate process by process:
//    - `shipped`: the package's Node entry as it is (new WebAssembly.Module:
//      V8 validates the whole module, then compiles each function lazily,
//      when first called: the first check() pays for the code it runs);
//    - `eager`: the same module compiled up front (V8's
//      --no-wasm-lazy-compilation for the process): every function compiled
//      before the first call;
//    - `async`: WebAssembly.compile (validation off the main thread), then
//      initSync; lazy compilation as shipped.
//    The baseline of the same run: an empty module compiled and instantiated
//    in a fresh process, and `node -e ''` (the process itself).
// 2. check() per call on every document of examples/ that checks, against
//    JSON.parse(JSON.stringify(doc)) of the same document (target ≤ 1.5 ×),
//    with checkJson(text) beside; the contenders alternate round by round in
//    one process; median over rounds of the mean µs per call within a round.
//
// 3. What the main .wasm weighs by section, and each language's texts in it
//    (the module's gzip -9 with that language's texts blanked).
//
// Usage: node tools/bench-first.mjs [--pkg DIR] [--fresh N] [--rounds N]
// Prints one JSON object on stdout.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const pkg = resolve(arg('--pkg', join(here, '..', 'pkg')));
const fresh = Number(arg('--fresh', '21'));
const rounds = Number(arg('--rounds', '21'));
const sandboxPath = join(root, 'examples', 'sandbox-accept.json');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
const r3 = (x) => Math.round(x * 1000) / 1000;

// 1. Fresh processes.
const url = (file) => JSON.stringify(pathToFileURL(join(pkg, file)).href);
const child = (how) => `
  import { readFileSync } from 'node:fs';
  const doc = JSON.parse(readFileSync(${JSON.stringify(sandboxPath)}, 'utf8'));
  const t0 = performance.now();
  let api;
  if (${JSON.stringify(how)} === 'async') {
    api = await import(${url('badge_rules.js')});
    const bytes = readFileSync(${JSON.stringify(join(pkg, 'badge_rules_bg.wasm'))});
    api.initSync({ module: await WebAssembly.compile(bytes) });
  } else {
    api = await import(${url('node.mjs')});
  }
  const t1 = performance.now();
  api.check(doc);
  const t2 = performance.now();
  const steady = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    api.check(doc);
    steady.push(performance.now() - s);
  }
  steady.sort((a, b) => a - b);
  console.log(JSON.stringify({ importMs: t1 - t0, firstCheckMs: t2 - t1, steadyMs: steady[100] }));
`;
const EMPTY = `
  const t0 = performance.now();
  new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])));
  console.log(JSON.stringify({ importMs: performance.now() - t0, firstCheckMs: 0, steadyMs: 0 }));
`;
const ways = {
  shipped: [['--input-type=module', '-e', child('shipped')]],
  eager: [['--no-wasm-lazy-compilation', '--input-type=module', '-e', child('shipped')]],
  async: [['--input-type=module', '-e', child('async')]],
  emptyModule: [['--input-type=module', '-e', EMPTY]],
};
const runs = Object.fromEntries(Object.keys(ways).map((w) => [w, []]));
const processMs = [];
for (let i = 0; i < fresh; i++) {
  const names = Object.keys(ways);
  for (const name of i % 2 ? [...names].reverse() : names) {
    runs[name].push(JSON.parse(execFileSync(process.execPath, ways[name][0], { encoding: 'utf8' })));
  }
  const s = performance.now();
  execFileSync(process.execPath, ['-e', '']);
  processMs.push(performance.now() - s);
}
const firstDecision = {};
for (const [name, list] of Object.entries(runs)) {
  firstDecision[name] = {
    processes: list.length,
    importMs: r3(median(list.map((r) => r.importMs))),
    firstCheckMs: r3(median(list.map((r) => r.firstCheckMs))),
    // Per process, import + first check; the median of those sums.
    importToFirstDecisionMs: r3(median(list.map((r) => r.importMs + r.firstCheckMs))),
    steadyCheckMs: r3(median(list.map((r) => r.steadyMs))),
  };
}

// 2. Per call, every example that checks.
const api = await import(pathToFileURL(join(pkg, 'node.mjs')).href);
function race(contenders, batch = 500) {
  const names = Object.keys(contenders);
  for (const name of names) for (let i = 0; i < batch * 2; i++) contenders[name]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) {
      const fn = contenders[name];
      const t = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) fn();
      times[name].push(Number(process.hrtime.bigint() - t) / 1000 / batch);
    }
  }
  return Object.fromEntries(names.map((n) => [n, r3(median(times[n]))]));
}
const perExample = {};
const dir = join(root, 'examples');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const text = JSON.stringify(doc);
  let verdict;
  try {
    verdict = api.check(doc).verdict;
  } catch (e) {
    perExample[file.replace(/\.json$/, '')] = { inputError: e.code };
    continue;
  }
  const t = race({
    check: () => api.check(doc),
    checkJson: () => api.checkJson(text),
    jsonRoundTrip: () => JSON.parse(JSON.stringify(doc)),
  });
  perExample[file.replace(/\.json$/, '')] = {
    verdict, bytes: text.length, ...t, ratio: Math.round((t.check / t.jsonRoundTrip) * 100) / 100,
  };
}

// 3. What the main .wasm weighs, by section and by language (issue 24,
// point 4): the texts of each language of the core (the string literals of
// crates/badge-rules/src/locale/LANG.rs of 8 bytes or more found in the
// module), their bytes, and the module's gzip -9 with them blanked (zeroed
// in place: what a module without them would weigh on the wire, near
// enough, since zeros compress to almost nothing).
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
const wasm = readFileSync(join(pkg, 'badge_rules_bg.wasm'));
const SECTIONS = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' };
const sections = {};
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, next] = leb(wasm, at + 1);
  sections[SECTIONS[id] ?? id] = (sections[SECTIONS[id] ?? id] ?? 0) + size;
  at = next + size;
}
const { gzipSync } = await import('node:zlib');
const gz = (b) => gzipSync(b, { level: 9 }).length;
/** The string literals of a Rust file (plain and r#"…"#), unescaped as far as texts need. */
function literals(file) {
  const source = readFileSync(file, 'utf8');
  const out = [];
  for (const m of source.matchAll(/r#"([\s\S]*?)"#|"((?:[^"\\]|\\[\s\S])*)"/g)) {
    out.push(m[1] ?? m[2].replace(/\\\n\s*/g, '').replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\'));
  }
  return out;
}
const languages = {};
const localeDir = join(root, 'crates', 'badge-rules', 'src', 'locale');
for (const lang of ['en', 'pl']) {
  const texts = [...new Set(literals(join(localeDir, `${lang}.rs`)).filter((t) => Buffer.byteLength(t) >= 8))];
  const blanked = Buffer.from(wasm);
  let found = 0;
  let bytes = 0;
  for (const text of texts) {
    const needle = Buffer.from(text);
    for (let at = blanked.indexOf(needle); at >= 0; at = blanked.indexOf(needle, at + needle.length)) {
      blanked.fill(0, at, at + needle.length);
      found++;
      bytes += needle.length;
    }
  }
  languages[lang] = { texts: texts.length, found, bytes, moduleGzipWithoutThem: gz(blanked) };
}
const weight = { raw: wasm.length, gzip9: gz(wasm), sections, languages };

console.log(JSON.stringify({
  node: process.version,
  v8: process.versions.v8,
  package: pkg,
  processMedianMs: r3(median(processMs)),
  firstDecision,
  perCallMicros: perExample,
  weight,
}, null, 2));

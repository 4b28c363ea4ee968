// Node benchmark of the npm package: instantiation, check() per call over
// both boundaries, the JSON round-trip baseline measured in the same run, and
// the size of the shipped .wasm. `make bench-wasm` runs it.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = process.argv[2] ?? join(here, '..', 'pkg');
const root = join(here, '..', '..', '..');
const bytes = readFileSync(join(pkg, 'badge_rules_bg.wasm'));
const glue = await import(join(pkg, 'badge_rules.js'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

// Instantiation: compile + instantiate of the bytes, fresh each time.
const inits = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  const module = new WebAssembly.Module(bytes);
  glue.initSync({ module });
  inits.push(performance.now() - t);
}

/** Median µs per call of `fn` over batches. */
function perCall(fn, batch = 2000, rounds = 15) {
  for (let i = 0; i < batch; i++) fn();
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    times.push(((performance.now() - t) * 1000) / batch);
  }
  return median(times);
}

const sandbox = JSON.parse(readFileSync(join(root, 'examples', 'sandbox-accept.json'), 'utf8'));
const reject = JSON.parse(readFileSync(join(root, 'examples', 'sandbox-too-shallow.json'), 'utf8'));
const rows = [];
for (const [name, doc] of [['sandbox ACCEPT', sandbox], ['sandbox REJECT (BA49)', reject]]) {
  const text = JSON.stringify(doc);
  const baseline = perCall(() => JSON.parse(JSON.stringify(doc)));
  const viaJson = perCall(() => glue.check(doc));
  const viaSerde = perCall(() => glue.checkViaSerde(doc));
  const jsonText = perCall(() => glue.checkJson(text));
  rows.push({ name, baseline, viaJson, viaSerde, jsonText });
}

const out = {
  node: process.version,
  wasm: { raw: bytes.length, gzip9: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length },
  instantiateMs: median(inits),
  checks: rows,
};
console.log(JSON.stringify(out, null, 2));

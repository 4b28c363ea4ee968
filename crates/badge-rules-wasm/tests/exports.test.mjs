// The package as a consumer installs it: resolved by name through its
// `exports` map from Node `import` and `require`, and the web entry with
// explicit init()/initSync(); one .wasm for all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkg } from './helpers.mjs';

const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const doc = { kind: 'badgesQuery', request: { 'marketplace.id': 'allegro-pl', limit: 1001 } };

/** A scratch project with `badge-rules` installed (linked) in node_modules. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'badge-rules-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkg, join(dir, 'node_modules', 'badge-rules'), 'dir');
  return dir;
}

function run(dir, file, source) {
  writeFileSync(join(dir, file), source);
  return execFileSync(process.execPath, [join(dir, file)], { cwd: dir, encoding: 'utf8' }).trim();
}

test('the package is named badge-rules and ships one .wasm', () => {
  assert.equal(manifest.name, 'badge-rules');
  const wasm = readdirSync(pkg).filter((f) => f.endsWith('.wasm'));
  assert.deepEqual(wasm, ['badge_rules_bg.wasm']);
  assert.deepEqual(manifest.files.filter((f) => f.endsWith('.wasm')), ['badge_rules_bg.wasm']);
  for (const f of manifest.files) readFileSync(join(pkg, f));
});

test('Node `import` by name: ready at once, synchronous', () => {
  const out = run(project(), 'main.mjs', `import { check, version } from 'badge-rules';
console.log(check(${JSON.stringify(doc)}).violations[0].code, version());`);
  assert.equal(out, `BB9 ${manifest.version}`);
});

test('Node `require` by name: ready at once, synchronous', () => {
  const out = run(project(), 'main.cjs', `const { check, checkJson } = require('badge-rules');
console.log(check(${JSON.stringify(doc)}).violations[0].path, JSON.parse(checkJson(${JSON.stringify(JSON.stringify(doc))})).verdict);`);
  assert.equal(out, 'limit REJECT');
});

test('the web entry: initSync(bytes) and async init()', () => {
  const dir = project();
  const sync = run(dir, 'sync.mjs', `import { initSync, check } from 'badge-rules/web';
import { readFileSync } from 'node:fs';
initSync({ module: readFileSync(new URL('./node_modules/badge-rules/badge_rules_bg.wasm', import.meta.url)) });
console.log(check(${JSON.stringify(doc)}).verdict);`);
  assert.equal(sync, 'REJECT');
  const asyncOut = run(dir, 'async.mjs', `import init, { check } from 'badge-rules/web';
import { readFileSync } from 'node:fs';
await init({ module_or_path: readFileSync(new URL('./node_modules/badge-rules/badge_rules_bg.wasm', import.meta.url)) });
console.log(check(${JSON.stringify(doc)}).verdict);`);
  assert.equal(asyncOut, 'REJECT');
});

// Turns wasm-bindgen's `--target web` output in pkg/ into the npm package
// `badge-rules`: one .wasm shared by every entry (browsers and bundlers via
// the ESM glue with init()/initSync(), Node `import` and `require` through
// small entries that load the same .wasm synchronously).
//
// Usage: node tools/package.mjs PKG_DIR
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { transformSync } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const crate = join(here, '..');
const pkg = process.argv[2] ?? join(crate, 'pkg');
const bin = (name) => join(here, 'node_modules', '.bin', name);
const cargo = readFileSync(join(crate, '..', '..', 'Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?version = "([^"]+)"/s.exec(cargo)[1];

// 1. Shrink the module: npm's binaryen (Debian's 108 breaks the module).
const wasm = join(pkg, 'badge_rules_bg.wasm');
execFileSync(bin('wasm-opt'), ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  wasm, '-o', wasm], { stdio: 'inherit' });
rmSync(join(pkg, 'badge_rules_bg.wasm.d.ts'), { force: true });

// 2. The declarations: tsify copies rustdoc, whose Rust examples mean
// nothing to a TypeScript reader; keep the prose.
const dts = join(pkg, 'badge_rules.d.ts');
const lines = readFileSync(dts, 'utf8').split('\n');
const kept = [];
let inRust = false;
for (const line of lines) {
  if (/^\s*\*\s*```/.test(line)) { inRust = !inRust; continue; }
  if (!inRust) kept.push(line);
}
writeFileSync(dts, kept.join('\n').replace(/\n\s*\*\s*\n(\s*\*\/)/g, '\n$1'));

// 3. A CommonJS copy of the glue for `require` (Node 20 cannot require ESM).
const glue = readFileSync(join(pkg, 'badge_rules.js'), 'utf8');
const cjs = transformSync(glue, { format: 'cjs', platform: 'node', target: 'node20', logLevel: 'error',
  define: { 'import.meta.url': 'undefined' } }).code;
writeFileSync(join(pkg, 'badge_rules.cjs'), cjs);

// 4. Node entries: load the one .wasm synchronously, so `check` works at once.
writeFileSync(join(pkg, 'node.mjs'), `// Node ESM entry: the module is ready on import.
import { readFileSync } from 'node:fs';
import { initSync } from './badge_rules.js';
initSync({ module: readFileSync(new URL('./badge_rules_bg.wasm', import.meta.url)) });
export * from './badge_rules.js';
export { default } from './badge_rules.js';
`);
writeFileSync(join(pkg, 'node.cjs'), `'use strict';
// Node CommonJS entry: the module is ready on require.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const glue = require('./badge_rules.cjs');
glue.initSync({ module: readFileSync(join(__dirname, 'badge_rules_bg.wasm')) });
module.exports = glue;
`);

// 5. package.json with an exports map for every way of importing.
const manifest = {
  name: 'badge-rules',
  version,
  description: "Allegro badge-campaign pre-flight checks: Allegro's BA/BB answer before you submit, offline, in the browser or Node.",
  license: 'MIT OR Apache-2.0',
  type: 'module',
  main: './node.cjs',
  module: './badge_rules.js',
  types: './badge_rules.d.ts',
  exports: {
    '.': {
      types: './badge_rules.d.ts',
      node: { import: './node.mjs', require: './node.cjs' },
      default: './badge_rules.js',
    },
    './web': { types: './badge_rules.d.ts', default: './badge_rules.js' },
    './badge_rules_bg.wasm': './badge_rules_bg.wasm',
    './package.json': './package.json',
  },
  files: ['badge_rules.js', 'badge_rules.cjs', 'badge_rules.d.ts', 'badge_rules_bg.wasm',
    'node.mjs', 'node.cjs', 'README.md'],
  sideEffects: ['./node.mjs', './node.cjs'],
  engines: { node: '>=20' },
  keywords: ['allegro', 'badge', 'campaign', 'validation', 'wasm'],
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(join(crate, 'README.md'), join(pkg, 'README.md'));

const bytes = readFileSync(wasm);
console.log(`badge-rules ${version}: ${pkg}`);
console.log(`  badge_rules_bg.wasm ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip -9, ` +
  `${brotliCompressSync(bytes).length} B brotli`);
void statSync;

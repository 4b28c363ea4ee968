// Turns wasm-bindgen's `--target web` output in pkg/ into the npm package
// `badge-rules`: one .wasm shared by every entry (browsers and bundlers via
// the ESM entry with init()/initSync() over wasm-bindgen's glue, Node
// `import` and `require` through small entries that load the same .wasm
// synchronously, badge-rules/form), declarations for `import` and `require`,
// package.json, the README, the changelog and the licences.
//
// Usage: node tools/package.mjs PKG_DIR
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { buildSync, transformSync } from 'esbuild';

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

// 2. wasm-bindgen's glue becomes badge_rules_glue.js, behind the package's
// own entry badge_rules.js (js/entry.js): init()/initSync(), every binding
// refusing to run before them, every error a BadgeRulesError.
const glueFile = join(pkg, 'badge_rules_glue.js');
renameSync(join(pkg, 'badge_rules.js'), glueFile);
const glue = readFileSync(glueFile, 'utf8');
const bindings = [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
const js = join(crate, 'js');
writeFileSync(join(pkg, 'badge_rules.js'), readFileSync(join(js, 'entry.js'), 'utf8') +
  bindings.map((name) => `export function ${name}(...args) { return call('${name}', glue.${name}, args); }\n`).join(''));

// 3. The declarations: tsify copies rustdoc, whose Rust examples mean
// nothing to a TypeScript reader; keep the prose. The glue's declarations of
// init() and initSync() need the DOM's types and return wasm-bindgen's
// internals: js/entry.d.ts replaces them, and declares BadgeRulesError.
const dts = join(pkg, 'badge_rules.d.ts');
const lines = readFileSync(dts, 'utf8').split('\n');
const kept = [];
let inRust = false;
for (const line of lines) {
  if (/^export type InitInput\b/.test(line)) break;
  if (/^\s*\*\s*```/.test(line)) { inRust = !inRust; continue; }
  if (!inRust) kept.push(line);
}
const declarations = kept.join('\n').replace(/\n\s*\*\s*\n(\s*\*\/)/g, '\n$1').trimEnd() + '\n' +
  readFileSync(join(js, 'entry.d.ts'), 'utf8');
writeFileSync(dts, declarations);
// The same declarations for `require` (a .d.ts is ESM in a "type": "module" package).
writeFileSync(join(pkg, 'badge_rules.d.cts'), declarations);

// 4. A CommonJS copy of the entry and the glue for `require` (Node 20 before
// 20.19 cannot require ESM).
const cjsBuild = buildSync({ entryPoints: [join(pkg, 'badge_rules.js')], bundle: true, write: false, format: 'cjs',
  platform: 'node', target: 'node20', logLevel: 'error', define: { 'import.meta.url': 'undefined' } });
writeFileSync(join(pkg, 'badge_rules.cjs'), cjsBuild.outputFiles[0].text);

// 5. Node entries: load the one .wasm synchronously, so `check` works at once.
writeFileSync(join(pkg, 'node.mjs'), `// Node ESM entry: the module is ready on import.
import { readFileSync } from 'node:fs';
import { initSync } from './badge_rules.js';
initSync({ module: readFileSync(new URL('./badge_rules_bg.wasm', import.meta.url)) });
export * from './badge_rules.js';
export { default } from './badge_rules.js';
`);
// Its exports one by one (not `module.exports = entry`), so that TypeScript
// and its checkers see the named exports and `default` the declarations name.
writeFileSync(join(pkg, 'node.cjs'), `'use strict';
// Node CommonJS entry: the module is ready on require.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const entry = require('./badge_rules.cjs');
entry.initSync({ module: readFileSync(join(__dirname, 'badge_rules_bg.wasm')) });
Object.defineProperty(exports, '__esModule', { value: true });
${['default', 'initSync', 'BadgeRulesError', ...bindings].map((name) => `exports.${name} = entry.${name};`).join('\n')}
`);

// 6. badge-rules/form, which binds the checker to an HTML form; its
// CommonJS copy (for jsdom tests) uses the CommonJS entry.
copyFileSync(join(js, 'form.js'), join(pkg, 'form.js'));
copyFileSync(join(js, 'form.d.ts'), join(pkg, 'form.d.ts'));
writeFileSync(join(pkg, 'form.d.cts'), readFileSync(join(js, 'form.d.ts'), 'utf8').replace('"./badge_rules.js"', '"./badge_rules.cjs"'));
const formCjs = transformSync(readFileSync(join(js, 'form.js'), 'utf8').replace("from './badge_rules.js'", "from './badge_rules.cjs'"),
  { format: 'cjs', platform: 'browser', target: 'es2022', logLevel: 'error' });
writeFileSync(join(pkg, 'form.cjs'), formCjs.code);

// 7. package.json with an exports map for every way of importing, each with
// its own declarations; the licences, the changelog, the README.
const repository = /\[workspace\.package\][^[]*?repository = "([^"]+)"/s.exec(cargo)[1];
const esm = { types: './badge_rules.d.ts', default: './badge_rules.js' };
const cjs = { types: './badge_rules.d.cts', default: './badge_rules.cjs' };
const manifest = {
  name: 'badge-rules',
  version,
  description: "Allegro badge-campaign pre-flight checks: Allegro's BA/BB answer before you submit, offline, in the browser or Node.",
  license: 'MIT OR Apache-2.0',
  repository: { type: 'git', url: `git+${repository}.git` },
  homepage: `${repository}/tree/main/crates/badge-rules-wasm#readme`,
  bugs: { url: `${repository}/issues` },
  type: 'module',
  main: './node.cjs',
  module: './badge_rules.js',
  // For TypeScript's node10 resolution, which reads no exports map: its
  // importers are CommonJS.
  types: './badge_rules.d.cts',
  typesVersions: { '*': { web: ['./badge_rules.d.cts'] } },
  // Node gets the entries that are ready on import; `require` elsewhere (jsdom
  // tests, webpack) the CommonJS copy, which needs init() with the .wasm's URL
  // or bytes; browsers and bundlers the ESM entry.
  exports: {
    '.': {
      node: {
        import: { types: './badge_rules.d.ts', default: './node.mjs' },
        require: { types: './badge_rules.d.cts', default: './node.cjs' },
      },
      require: cjs,
      default: esm,
    },
    './web': { require: cjs, default: esm },
    './form': { require: { types: './form.d.cts', default: './form.cjs' }, default: { types: './form.d.ts', default: './form.js' } },
    './badge_rules_bg.wasm': './badge_rules_bg.wasm',
    './package.json': './package.json',
  },
  files: ['badge_rules.js', 'badge_rules_glue.js', 'badge_rules.cjs', 'badge_rules.d.ts', 'badge_rules.d.cts',
    'badge_rules_bg.wasm', 'node.mjs', 'node.cjs', 'form.js', 'form.cjs', 'form.d.ts', 'form.d.cts',
    'README.md', 'CHANGELOG.md',
    'LICENSE-MIT', 'LICENSE-APACHE'],
  sideEffects: ['./node.mjs', './node.cjs'],
  engines: { node: '>=20' },
  keywords: ['allegro', 'badge', 'campaign', 'validation', 'wasm'],
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(join(crate, 'README.md'), join(pkg, 'README.md'));
copyFileSync(join(crate, 'CHANGELOG.md'), join(pkg, 'CHANGELOG.md'));
for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(crate, '..', '..', licence), join(pkg, licence));

const bytes = readFileSync(wasm);
console.log(`badge-rules ${version}: ${pkg}`);
console.log(`  badge_rules_bg.wasm ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip -9, ` +
  `${brotliCompressSync(bytes).length} B brotli`);
void statSync;

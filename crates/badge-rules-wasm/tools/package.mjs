// Turns wasm-bindgen's `--target web` output in pkg/ into the npm package
// `badge-rules`: one .wasm shared by every entry of the checker (browsers and
// bundlers via the ESM entry with init()/initSync() over wasm-bindgen's glue,
// Node `import` and `require` through small entries that load the same .wasm
// synchronously, badge-rules/form), the plan module's .wasm behind the same
// entries of badge-rules/plan, declarations for `import` and `require`,
// package.json, the README, the changelog and the licences.
//
// Usage: node tools/package.mjs PKG_DIR
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { buildSync, transformSync } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const crate = join(here, '..');
const pkg = process.argv[2] ?? join(crate, 'pkg');
const bin = (name) => join(here, 'node_modules', '.bin', name);
const cargo = readFileSync(join(crate, '..', '..', 'Cargo.toml'), 'utf8');
/** The string `key` of the root Cargo.toml's [workspace.package] (its lines up to the next table; comments skipped). */
const workspacePackage = (key) => {
  const table = cargo.split(/^\[workspace\.package\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  const value = new RegExp(`^${key} = "([^"]+)"`, 'm').exec(table)?.[1];
  if (!value) throw new Error(`Cargo.toml: [workspace.package] has no ${key}`);
  return value;
};
const version = workspacePackage('version');

// The modules, each behind entries of its own: the main one (`badge-rules`),
// and, when `make wasm` built it beside (wasm-bindgen --out-name
// badge_rules_plan), the plan module (`badge-rules/plan`), so that a page
// that only checks never loads the planner. The plan entries are the main
// ones with the plan module's names put in.
const js = join(crate, 'js');
const MAIN = { stem: 'badge_rules', node: 'node', specifier: 'badge-rules' };
const PLAN = { stem: 'badge_rules_plan', node: 'plan-node', specifier: 'badge-rules/plan' };
const modules = [MAIN, ...(existsSync(join(pkg, `${PLAN.stem}.js`)) ? [PLAN] : [])];

/** A text of the main entry's, with module `m`'s names. */
function named(text, m) {
  if (m === MAIN) return text;
  return text.replace('(`badge-rules` in browsers and bundlers,\n// `badge-rules/web`)',
    `(\`${m.specifier}\` in browsers and bundlers,\n// \`${m.specifier}/web\`)`)
    .replaceAll('badge_rules_glue.js', `${m.stem}_glue.js`)
    .replaceAll('badge_rules_bg.wasm', `${m.stem}_bg.wasm`)
    .replaceAll('badge_rules.js', `${m.stem}.js`)
    .replaceAll('import "badge-rules"', `import "${m.specifier}"`);
}

for (const m of modules) {
  // 1. Shrink the module: npm's binaryen (Debian's 108 breaks the module).
  const wasm = join(pkg, `${m.stem}_bg.wasm`);
  execFileSync(bin('wasm-opt'), ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    wasm, '-o', wasm], { stdio: 'inherit' });
  rmSync(join(pkg, `${m.stem}_bg.wasm.d.ts`), { force: true });

  // 2. wasm-bindgen's glue becomes badge_rules_glue.js, behind the package's
  // own entry badge_rules.js (js/entry.js): init()/initSync(), every binding
  // refusing to run before them, every error a BadgeRulesError.
  const glueFile = join(pkg, `${m.stem}_glue.js`);
  renameSync(join(pkg, `${m.stem}.js`), glueFile);
  const glue = readFileSync(glueFile, 'utf8');
  m.bindings = [...glue.matchAll(/^export function (\w+)\(/gm)].map((x) => x[1]);
  writeFileSync(join(pkg, `${m.stem}.js`), named(readFileSync(join(js, 'entry.js'), 'utf8'), m) +
    m.bindings.map((name) => `export function ${name}(...args) { return call('${name}', glue.${name}, args); }\n`).join(''));

  // 3. The declarations: tsify copies rustdoc, whose Rust examples mean
  // nothing to a TypeScript reader; keep the prose. The glue's declarations of
  // init() and initSync() need the DOM's types and return wasm-bindgen's
  // internals: js/entry.d.ts replaces them, and declares BadgeRulesError.
  const dts = join(pkg, `${m.stem}.d.ts`);
  const lines = readFileSync(dts, 'utf8').split('\n');
  const kept = [];
  let inRust = false;
  for (const line of lines) {
    if (/^export type InitInput\b/.test(line)) break;
    if (/^\s*\*\s*```/.test(line)) { inRust = !inRust; continue; }
    if (!inRust) kept.push(line);
  }
  const declarations = kept.join('\n').replace(/\n\s*\*\s*\n(\s*\*\/)/g, '\n$1').trimEnd() + '\n' +
    named(readFileSync(join(js, 'entry.d.ts'), 'utf8'), m);
  writeFileSync(dts, declarations);
  // The same declarations for `require` (a .d.ts is ESM in a "type": "module" package).
  writeFileSync(join(pkg, `${m.stem}.d.cts`), declarations);

  // 4. A CommonJS copy of the entry and the glue for `require` (Node 20 before
  // 20.19 cannot require ESM).
  const cjsBuild = buildSync({ entryPoints: [join(pkg, `${m.stem}.js`)], bundle: true, write: false, format: 'cjs',
    platform: 'node', target: 'node20', logLevel: 'error', define: { 'import.meta.url': 'undefined' } });
  writeFileSync(join(pkg, `${m.stem}.cjs`), cjsBuild.outputFiles[0].text);

  // 5. Node entries: load the module's .wasm synchronously, so that its
  // functions work at once. The path is made from import.meta.url when the
  // entry runs, not written `new URL('./x.wasm', import.meta.url)`: bundlers
  // of server code (Next.js's Turbopack and webpack) rewrite that pattern
  // into an asset URL of their own which readFileSync refuses ("Received an
  // instance of URL"), but leave import.meta.url the file's own URL. Where a
  // bundler moved the entry away from its .wasm, the error says what to do.
  writeFileSync(join(pkg, `${m.node}.mjs`), `// Node ESM entry${m === MAIN ? '' : ` of ${m.specifier}`}: the module is ready on import.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initSync, BadgeRulesError } from './${m.stem}.js';
let bytes;
try {
  bytes = readFileSync(fileURLToPath(import.meta.url).replace(/[^\\\\/]*$/, '${m.stem}_bg.wasm'));
} catch (e) {
  throw new BadgeRulesError(${JSON.stringify(`badge-rules: ${m.stem}_bg.wasm could not be read beside the Node entry ${m.node}.mjs: ` +
    'a bundler moved the entry without its .wasm. Leave badge-rules out of the server bundle (Next.js: ' +
    "serverExternalPackages: ['badge-rules'] in next.config; esbuild: --packages=external or --external:badge-rules; " +
    `webpack: externals), or pass the .wasm's bytes to initSync() of ${m.specifier}/web`)} + \` (\${e.message})\`,
    { kind: 'usage', code: 'WASM_NOT_FOUND', cause: e });
}
initSync({ module: bytes });
export * from './${m.stem}.js';
export { default } from './${m.stem}.js';
`);
  // Its exports one by one (not `module.exports = entry`), so that TypeScript
  // and its checkers see the named exports and `default` the declarations name.
  writeFileSync(join(pkg, `${m.node}.cjs`), `'use strict';
// Node CommonJS entry${m === MAIN ? '' : ` of ${m.specifier}`}: the module is ready on require.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const entry = require('./${m.stem}.cjs');
entry.initSync({ module: readFileSync(join(__dirname, '${m.stem}_bg.wasm')) });
Object.defineProperty(exports, '__esModule', { value: true });
${['default', 'initSync', 'BadgeRulesError', ...m.bindings].map((name) => `exports.${name} = entry.${name};`).join('\n')}
`);
}

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
const repository = workspacePackage('repository');
/** Module `m`'s entries: the ESM one for browsers and bundlers, the CommonJS copy, Node's (ready on import). */
const conditions = (m) => {
  const esm = { types: `./${m.stem}.d.ts`, default: `./${m.stem}.js` };
  const cjs = { types: `./${m.stem}.d.cts`, default: `./${m.stem}.cjs` };
  const node = {
    import: { types: `./${m.stem}.d.ts`, default: `./${m.node}.mjs` },
    require: { types: `./${m.stem}.d.cts`, default: `./${m.node}.cjs` },
  };
  return { main: { node, require: cjs, default: esm }, web: { require: cjs, default: esm } };
};
const filesOf = (m) => [`${m.stem}.js`, `${m.stem}_glue.js`, `${m.stem}.cjs`, `${m.stem}.d.ts`, `${m.stem}.d.cts`,
  `${m.stem}_bg.wasm`, `${m.node}.mjs`, `${m.node}.cjs`];
const plan = modules.includes(PLAN);
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
  typesVersions: {
    '*': {
      web: ['./badge_rules.d.cts'],
      ...(plan ? { plan: ['./badge_rules_plan.d.cts'], 'plan/web': ['./badge_rules_plan.d.cts'] } : {}),
    },
  },
  // Node gets the entries that are ready on import; `require` elsewhere (jsdom
  // tests, webpack) the CommonJS copy, which needs init() with the .wasm's URL
  // or bytes; browsers and bundlers the ESM entry. badge-rules/plan has the
  // same over the plan module.
  exports: {
    '.': conditions(MAIN).main,
    './web': conditions(MAIN).web,
    ...(plan ? { './plan': conditions(PLAN).main, './plan/web': conditions(PLAN).web } : {}),
    './form': { require: { types: './form.d.cts', default: './form.cjs' }, default: { types: './form.d.ts', default: './form.js' } },
    ...Object.fromEntries(modules.map((m) => [`./${m.stem}_bg.wasm`, `./${m.stem}_bg.wasm`])),
    './package.json': './package.json',
  },
  files: [...modules.flatMap(filesOf), 'form.js', 'form.cjs', 'form.d.ts', 'form.d.cts',
    'README.md', 'CHANGELOG.md',
    'LICENSE-MIT', 'LICENSE-APACHE'],
  sideEffects: modules.flatMap((m) => [`./${m.node}.mjs`, `./${m.node}.cjs`]),
  engines: { node: '>=20' },
  keywords: ['allegro', 'badge', 'campaign', 'validation', 'wasm'],
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(join(crate, 'README.md'), join(pkg, 'README.md'));
copyFileSync(join(crate, 'CHANGELOG.md'), join(pkg, 'CHANGELOG.md'));
for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(crate, '..', '..', licence), join(pkg, licence));

console.log(`badge-rules ${version}: ${pkg}`);
for (const m of modules) {
  const bytes = readFileSync(join(pkg, `${m.stem}_bg.wasm`));
  console.log(`  ${m.stem}_bg.wasm ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip -9, ` +
    `${brotliCompressSync(bytes).length} B brotli`);
}

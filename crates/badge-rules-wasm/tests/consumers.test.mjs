// Every way in that the README documents, as a user takes it: the package is
// packed (`npm pack`) and installed from the tarball into a fresh project
// (`npm init -y`'s package.json), then used from Node ESM and CommonJS,
// compiled by TypeScript (strict; node16 CJS and ESM, nodenext, bundler,
// lib es2022 without the DOM), built by Vite, webpack and Rollup with the
// configs the README shows, served by Vite's dev server, and loaded by a
// plain page, each bundle and page in Chromium; built by esbuild (for the
// browser and for Node) and by Next.js (next build with Turbopack and with
// --webpack, next start, next dev: a server page and a 'use client'
// component), with badge-rules/plan and badge-rules/form. publint and
// arethetypeswrong check the tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { crate, root as repo, tools } from './helpers.mjs';
import { chromium, consumer, copy, fixtures, link, packageDir, serve, toolBin, visit } from './consumer.mjs';

const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const tsc = join(tools, 'node_modules', 'typescript', 'bin', 'tsc');
const vite = () => import(pathToFileURL(join(tools, 'node_modules', 'vite', 'dist', 'node', 'index.js')).href);
// What tests/consumers/app/main.js writes: the call before init() refused,
// the Polish check's verdict and code, the bad document's error code.
const APP = 'NOT_INITIALIZED REJECT BA49 UNKNOWN_VALUE';
// What tests/consumers/ts/plan.ts writes: each pair's verdict, the CSV's
// records (the header and the empty last), the error of no open campaign.
const PLAN_TS = 'REJECT,REJECT 2 NO_OPEN_CAMPAIGN';
// What tests/consumers/esbuild/main.js writes, and Next.js's client
// component after the server page's line: the call before init() refused,
// the Polish check's verdict and code, the plan's one line, the bound
// form's verdict and the code at its price field.
const BROWSER_ALL = 'NOT_INITIALIZED REJECT BA49 1 REJECT BA49';
// What tests/consumers/next/app/page.js (a server component) writes: a
// check's verdict and code, the plan's two lines, the error of a bad plan.
const NEXT_SERVER = 'REJECT BB9 2 WRONG_TYPE';
// The versions of Next.js and React the tools pin (tools/package.json).
const toolsManifest = JSON.parse(readFileSync(join(tools, 'package.json'), 'utf8'));
const pinned = (name) => `${name}@${toolsManifest.devDependencies[name]}`;

let project;
let server;
let browser;

before(async () => {
  project = consumer('consumers');
  // Next.js installed into the project as its users do (Turbopack reads no
  // file outside the project, so a link to the tools' copy will not do),
  // at the versions the tools pin; before the links, which npm would prune.
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--prefer-offline', '--no-save', '--no-audit', '--no-fund',
    '--loglevel=error', pinned('next'), pinned('react'), pinned('react-dom')], { cwd: project.root, encoding: 'utf8' });
  link(project.root, 'vite', 'webpack', 'rollup', '@rollup/plugin-node-resolve', '@web/rollup-plugin-import-meta-assets');
  for (const dir of ['node', 'page', 'form', 'esbuild', 'next']) copy(project.root, dir);
  for (const bundler of ['vite', 'webpack', 'rollup']) {
    copy(project.root, bundler);
    copy(project.root, 'app', bundler);
  }
  // The same app with no config at all.
  copy(project.root, 'app', 'vite-no-config');
  copy(project.root, 'app', 'rollup-no-plugin');
  writeFileSync(join(project.root, 'rollup-no-plugin', 'rollup.config.mjs'), readFileSync(join(fixtures, 'rollup', 'rollup.config.mjs'), 'utf8')
    .replace(/^import \{ importMetaAssets \}.*\n/m, '').replace(', importMetaAssets()', ''));
  server = await serve(project.root);
  browser = await chromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  project?.remove();
});

const node = (file, cwd = project.root) => execFileSync(process.execPath, [file], { cwd, encoding: 'utf8' }).trim();

test('the tarball ships what package.json lists, the licences, the changelog; the README names no file it lacks', () => {
  const files = project.packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...manifest.files, 'package.json'].sort());
  assert.ok(manifest.repository?.url && manifest.homepage && manifest.bugs?.url, 'repository, homepage, bugs');
  const readme = readFileSync(join(project.root, 'node_modules', 'badge-rules', 'README.md'), 'utf8');
  const relative = [...readme.matchAll(/\]\((?!https?:|#)([^)]+)\)/g)].map((m) => m[1]);
  assert.deepEqual(relative.filter((f) => !files.includes(f.replace(/^\.\//, '').replace(/#.*/, ''))), []);
  assert.doesNotMatch(readme, /\bmake [a-z]|RULES\.md|BENCHMARKS\.md|DESIGN\.md/, 'the README points at the repository');
  for (const kind of ['application', 'badgeUpdate', 'campaignsQuery', 'applicationsQuery', 'badgesQuery', 'applicationLookup',
    'operationLookup', 'offerConsent', 'accountConsent', 'allegroPricesParticipation', 'allegroPricesOfferCommand', 'partnerLevel']) {
    assert.match(readme, new RegExp(`\`${kind}\``), `the README lists the kind ${kind}`);
  }
});

test('publint --strict finds nothing', () => {
  const run = spawnSync(toolBin('publint'), ['--strict', join(project.root, 'node_modules', 'badge-rules')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /All good!/);
});

test('arethetypeswrong finds no problem in any resolution (node10, node16 CJS and ESM, bundler)', () => {
  // The .wasm subpaths are assets, not modules: there are no types to find.
  const run = spawnSync(toolBin('attw'), [project.tarball, '--exclude-entrypoints', './badge_rules_bg.wasm', './badge_rules_plan_bg.wasm',
    '--format', 'ascii'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /No problems found/);
});

test('Node ESM: import by name, ready at once', () => {
  assert.equal(node('node/esm.mjs'), `${manifest.version} REJECT BB9 REJECT UNKNOWN_VALUE campaignId`);
});

test('Node CommonJS: require by name, ready at once', () => {
  assert.equal(node('node/cjs.cjs'), `${manifest.version} REJECT BB9 REJECT UNKNOWN_VALUE campaignId`);
});

test('Node ESM and CommonJS: badge-rules/plan by name, ready at once, its errors BadgeRulesErrors of badge-rules', () => {
  for (const file of ['node/plan.mjs', 'node/plan.cjs']) assert.equal(node(file), '2 12345678,87654321 4 WRONG_TYPE context', file);
});

test('Node, the web entry: nothing before initSync, then checks', () => {
  assert.equal(node('node/web.mjs'), 'NOT_INITIALIZED BB9');
});

/** A TypeScript project in the consumer: its package.json "type", tsconfig options and files. */
function typescript(name, type, compilerOptions, files) {
  const dir = join(project.root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(type ? { type } : {}));
  for (const f of files) cpSync(f, join(dir, f.split('/').pop()));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, skipLibCheck: false, target: 'es2022', outDir: 'out', ...compilerOptions },
    include: ['*.ts', '*.mts', '*.cts'],
  }));
  const run = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  return dir;
}

// Allegro's own examples (GET /sale/badges, /sale/badge-applications,
// /sale/badge-campaigns, POST /sale/badges), as object literals of the
// package's types, then checked.
function allegroExamples(dir) {
  const ex = JSON.parse(readFileSync(join(repo, 'tests', 'allegro', 'openapi-examples.json'), 'utf8'));
  const file = join(dir, 'allegro.ts');
  writeFileSync(file, `// Generated from tests/allegro/openapi-examples.json.
import { check, type Application, type ApplicationRequest, type Badge, type BadgeUpdateRequest, type Campaign, type CheckDocument } from 'badge-rules';
export const badges: Badge[] = ${JSON.stringify(ex.badges)};
export const applications: Application[] = ${JSON.stringify(ex.applications)};
export const campaigns: Campaign[] = ${JSON.stringify(ex.campaigns)};
export const requests: ApplicationRequest[] = ${JSON.stringify(Object.values(ex.requests))};
export const patches: BadgeUpdateRequest[] = ${JSON.stringify(Object.values(ex.patches))};
const doc: CheckDocument = { kind: 'application', now: '2019-06-01T00:00:00Z', request: requests[0], campaigns, badges, applications };
export const verdict = check(doc).verdict;
`);
  return file;
}

const ts = (name) => join(fixtures, 'ts', name);
const usage = join(crate, 'tests', 'typed', 'usage.ts');

test('TypeScript strict, node16, a CommonJS project (npm init -y): .ts, .cts and .mts compile and run', () => {
  const dir = typescript('ts-node16', undefined, { module: 'node16' }, [ts('main.ts'), ts('cjs.cts'), ts('esm.mts'), ts('plan.ts')]);
  const line = new RegExp(`^${manifest.version} REJECT BA49 MISSING_FIELD@campaigns\\[0\\]\\.id$`);
  for (const out of ['out/main.js', 'out/cjs.cjs', 'out/esm.mjs']) assert.match(node(out, dir), line, out);
  assert.equal(node('out/plan.js', dir), PLAN_TS);
  assert.match(readFileSync(join(dir, 'out', 'main.js'), 'utf8'), /require\("badge-rules"\)/);
});

test('TypeScript strict, nodenext, an ES module project: the typed example and Allegro\'s own responses compile and run', () => {
  const dir = join(project.root, 'ts-nodenext');
  mkdirSync(dir, { recursive: true });
  allegroExamples(dir);
  typescript('ts-nodenext', 'module', { module: 'nodenext' }, [ts('main.ts'), ts('cjs.cts'), ts('plan.ts'), usage]);
  assert.match(node('out/main.js', dir), / REJECT BA49 MISSING_FIELD/);
  assert.equal(node('out/plan.js', dir), PLAN_TS);
  assert.match(node('out/cjs.cjs', dir), / REJECT BA49 MISSING_FIELD/);
  const verdict = execFileSync(process.execPath, ['--input-type=module', '-e', "import { verdict } from './out/allegro.js'; console.log(verdict)"],
    { cwd: dir, encoding: 'utf8' }).trim();
  assert.match(verdict, /^(ACCEPT|REJECT|INCOMPLETE)$/);
});

test('TypeScript strict, bundler resolution: the package, badge-rules/form and Allegro\'s responses type-check', () => {
  const dir = join(project.root, 'ts-bundler');
  mkdirSync(dir, { recursive: true });
  allegroExamples(dir);
  typescript('ts-bundler', 'module', { module: 'preserve', moduleResolution: 'bundler', noEmit: true, lib: ['es2022', 'dom'] },
    [ts('main.ts'), ts('form.ts'), ts('plan.ts'), usage]);
});

test('TypeScript strict, lib ["es2022"] and no @types: the declarations need no DOM', () => {
  const dir = join(project.root, 'ts-nodom');
  mkdirSync(dir, { recursive: true });
  allegroExamples(dir);
  typescript('ts-nodom', 'module', { module: 'nodenext', lib: ['es2022'], types: [], noEmit: true }, [ts('nodom.ts')]);
});

test('Vite build (no config needed) checks in Chromium, the .wasm emitted once', async () => {
  const { build } = await vite();
  const dir = join(project.root, 'vite-no-config');
  await build({ root: dir, base: './', logLevel: 'error' });
  const assets = readdirSync(join(dir, 'dist', 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(' '));
  const { text, foreign, errors } = await visit(browser, `${server.origin}/vite-no-config/dist/`);
  assert.equal(text, APP);
  assert.deepEqual([foreign, errors], [[], []]);
});

test('Vite dev server with the README\'s optimizeDeps.exclude checks in Chromium; without it, the error says what to add', async () => {
  const { createServer } = await vite();
  for (const [name, expected] of [['vite', APP], ['vite-no-config', /^init failed: NOT_WASM: .*optimizeDeps: \{ exclude: \["badge-rules"\] \}/]]) {
    const dev = await createServer({ root: join(project.root, name), logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
    await dev.listen();
    try {
      const url = dev.resolvedUrls.local[0];
      const { text, foreign } = await visit(browser, url);
      if (typeof expected === 'string') assert.equal(text, expected, name);
      else assert.match(text, expected, name);
      assert.deepEqual(foreign, [], name);
    } finally {
      await dev.close();
    }
  }
});

test('webpack 5 (no config beyond entry and output) checks in Chromium', async () => {
  const dir = join(project.root, 'webpack');
  const webpack = createRequire(join(dir, 'webpack.config.mjs'))('webpack');
  const { default: config } = await import(pathToFileURL(join(dir, 'webpack.config.mjs')).href);
  const stats = await new Promise((ok, fail) => webpack({ ...config, context: dir }, (e, s) => (e ? fail(e) : ok(s))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  cpSync(join(dir, 'index.html'), join(dir, 'dist', 'index.html'));
  assert.equal(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.wasm')).length, 1);
  const { text, foreign, errors } = await visit(browser, `${server.origin}/webpack/dist/`);
  assert.equal(text, APP);
  assert.deepEqual([foreign, errors], [[], []]);
});

test('Rollup with the README\'s plugins checks in Chromium; without import-meta-assets, the error names it', async () => {
  const rollup = join(tools, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
  for (const [name, expected] of [['rollup', APP], ['rollup-no-plugin', /^init failed: WASM_NOT_FOUND: .*@web\/rollup-plugin-import-meta-assets/]]) {
    const dir = join(project.root, name);
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    const run = spawnSync(process.execPath, [rollup, '-c', '--silent'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    cpSync(join(dir, 'index.html'), join(dir, 'dist', 'index.html'));
    const { text, foreign } = await visit(browser, `${server.origin}/${name}/dist/`);
    if (typeof expected === 'string') assert.equal(text, expected, name);
    else assert.match(text, expected, name);
    assert.deepEqual(foreign, [], name);
  }
});

test('a plain page, no bundler: the installed badge_rules.js, and bare names through an import map', async () => {
  const plain = await visit(browser, `${server.origin}/page/`);
  assert.equal(plain.text, `${manifest.version} REJECT BA49`);
  const mapped = await visit(browser, `${server.origin}/page/importmap.html`);
  assert.equal(mapped.text, 'REJECT BB9');
  assert.deepEqual([plain.foreign, plain.errors, mapped.foreign, mapped.errors], [[], [], [], []]);
});

test('esbuild (tsup, Angular, Remix): the three entries check, plan and bind a form in Chromium with the .wasm copied beside the bundle; without, the error says to copy it', async () => {
  const { build } = await import(pathToFileURL(join(tools, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  const dir = join(project.root, 'esbuild');
  for (const [out, copied, expected] of [
    ['dist', true, BROWSER_ALL],
    ['dist-no-copy', false, /^init failed: WASM_NOT_FOUND: .*esbuild.*copy node_modules\/badge-rules\/badge_rules_bg\.wasm beside the bundle/],
  ]) {
    await build({ entryPoints: [join(dir, 'main.js')], bundle: true, format: 'esm', outdir: join(dir, out), absWorkingDir: dir, logLevel: 'error' });
    cpSync(join(dir, 'index.html'), join(dir, out, 'index.html'));
    if (copied) for (const f of ['badge_rules_bg.wasm', 'badge_rules_plan_bg.wasm']) cpSync(join(project.root, 'node_modules', 'badge-rules', f), join(dir, out, f));
    const { text, foreign } = await visit(browser, `${server.origin}/esbuild/${out}/`);
    if (typeof expected === 'string') assert.equal(text, expected, out);
    else assert.match(text, expected, out);
    assert.deepEqual(foreign, [], out);
  }
});

test('esbuild for Node: with the package external the bundles run; bundled in, the Node entry throws WASM_NOT_FOUND naming the fix', async () => {
  const { build } = await import(pathToFileURL(join(tools, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  const dir = join(project.root, 'node');
  for (const [external, file, expected] of [
    [true, 'esm.mjs', new RegExp(`^${manifest.version} REJECT BB9 REJECT UNKNOWN_VALUE campaignId$`)],
    [true, 'plan.mjs', /^2 12345678,87654321 4 WRONG_TYPE context$/],
    [false, 'esm.mjs', /WASM_NOT_FOUND|badge_rules_bg\.wasm could not be read beside the Node entry.*--external:badge-rules.*serverExternalPackages/],
    [false, 'plan.mjs', /badge_rules_plan_bg\.wasm could not be read beside the Node entry.*--packages=external/],
  ]) {
    const outfile = join(dir, external ? 'bundled-external' : 'bundled-in', file);
    await build({ entryPoints: [join(dir, file)], bundle: true, platform: 'node', format: 'esm', outfile, absWorkingDir: dir,
      logLevel: 'error', ...(external ? { packages: 'external' } : {}) });
    const run = spawnSync(process.execPath, [outfile], { cwd: dir, encoding: 'utf8' });
    if (external) {
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout.trim(), expected, file);
    } else {
      assert.notEqual(run.status, 0, file);
      assert.match(run.stderr, expected, file);
    }
  }
});

/** `next ARGS` in the Next.js app, served on 127.0.0.1 at a free port; its URL once ready and `stop()`. */
async function nextServer(...args) {
  const child = spawn(process.execPath, [join(project.root, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args, '-H', '127.0.0.1', '-p', '0'],
    { cwd: join(project.root, 'next'), env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`next ${args.join(' ')} did not start in 60 s:\n${log}`)), 60_000);
    const seen = (chunk) => {
      log += chunk;
      const found = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (found && /Ready/.test(log)) {
        clearTimeout(timer);
        ok(found[1]);
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => fail(new Error(`next ${args.join(' ')} exited with ${code}:\n${log}`)));
  });
  return { url, log: () => log, stop: () => new Promise((ok) => { child.once('exit', ok); child.kill(); }) };
}

test('Next.js without configuration: next build (Turbopack, then --webpack) and next start, next dev: a server page and a client component with the three entries', async () => {
  const dir = join(project.root, 'next');
  const nextBin = join(project.root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const expected = `${NEXT_SERVER} | ${BROWSER_ALL}`;
  for (const bundler of [[], ['--webpack']]) {
    rmSync(join(dir, '.next'), { recursive: true, force: true });
    const built = spawnSync(process.execPath, [nextBin, 'build', ...bundler], { cwd: dir, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    assert.equal(built.status, 0, `next build ${bundler}: ${built.stdout}${built.stderr}`);
    const started = await nextServer('start');
    try {
      const { text, foreign, errors } = await visit(browser, `${started.url}/`, undefined, 120_000);
      assert.equal(text, expected, `next build ${bundler}, next start`);
      assert.deepEqual([foreign, errors], [[], []], `next build ${bundler}, next start`);
    } finally {
      await started.stop();
    }
  }
  rmSync(join(dir, '.next'), { recursive: true, force: true });
  const dev = await nextServer('dev');
  try {
    // The dev server compiles the page on its first request: a slow machine
    // takes its time, which is not what this test measures.
    const { text, foreign } = await visit(browser, `${dev.url}/`, undefined, 180_000);
    assert.equal(text, expected, `next dev:\n${dev.log()}`);
    assert.deepEqual(foreign, [], 'next dev');
  } finally {
    await dev.stop();
  }
});

// The package in a real browser: Debian's Chromium, driven by playwright-core,
// loads (1) a page that imports the package without a bundler and (2) a page
// built by Vite from `import ... from 'badge-rules'`. Both must check, make no
// request outside 127.0.0.1, and log no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { crate, pkg, tools } from './helpers.mjs';

const require = createRequire(join(tools, 'package.json'));
const { chromium } = require('playwright-core');
const { build } = await import(join(tools, 'node_modules', 'vite', 'dist', 'node', 'index.js'));

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
let server;
let browser;
let origin;
let viteDist;

/** Serves `/pkg/` from the package, `/vite/` from the Vite build, `/` from tests/browser. */
function serve(routes) {
  return createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const [prefix, base] = routes.find(([p]) => url.pathname.startsWith(p));
    let file = normalize(join(base, url.pathname.slice(prefix.length)));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && !extname(file)) file = join(file, 'index.html');
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

before(async () => {
  const app = mkdtempSync(join(tmpdir(), 'badge-rules-vite-'));
  cpSync(join(crate, 'tests', 'vite-app'), app, { recursive: true });
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(pkg, join(app, 'node_modules', 'badge-rules'), 'dir');
  viteDist = join(app, 'dist');
  await build({ root: app, base: '/vite/', logLevel: 'error', build: { outDir: viteDist, target: 'es2022' } });
  server = serve([['/pkg/', pkg], ['/vite/', viteDist], ['/', join(crate, 'tests', 'browser')]]);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function visit(path) {
  const page = await browser.newPage();
  const foreign = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(origin + path);
  await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 15_000 });
  const text = await page.textContent('#out');
  await page.close();
  return { text, foreign, errors };
}

test('Vite builds the app with the package, the .wasm once', () => {
  const assets = readdirSync(join(viteDist, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(' '));
});

test('a page imports the package without a bundler and checks', async () => {
  const { text, foreign, errors } = await visit('/');
  assert.match(text, /^\d+\.\d+\.\d+ REJECT BA49$/);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('the Vite-built page checks', async () => {
  const { text, foreign, errors } = await visit('/vite/');
  assert.equal(text, 'REJECT BB9');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

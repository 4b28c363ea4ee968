// Shared by the tests that use the package as its users get it: packed by
// `npm pack`, installed from the tarball into a fresh project (nothing else
// is installed there: the tools, which `make setup-node` installs once under
// tools/node_modules, are linked into it), served to Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { crate, pkg, tools } from './helpers.mjs';

export const fixtures = join(crate, 'tests', 'consumers');
export const toolBin = (name) => join(tools, 'node_modules', '.bin', name);
/** The package directory to pack: pkg/ (`make wasm`), or $BADGE_RULES_PKG. */
export const packageDir = process.env.BADGE_RULES_PKG ?? pkg;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Packs pkg/ and installs the tarball into a new project whose package.json
 * is `npm init -y`'s (no "type": CommonJS). Returns its directory and the
 * tarball's path; `remove()` deletes both.
 */
export function consumer(prefix) {
  const base = mkdtempSync(join(tmpdir(), `badge-rules-${prefix}-`));
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', base], { cwd: packageDir, encoding: 'utf8' });
  const [packed] = JSON.parse(out);
  const tarball = join(base, packed.filename);
  const root = join(base, 'project');
  mkdirSync(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', main: 'index.js', license: 'ISC' }, null, 2));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: root, encoding: 'utf8' });
  return { root, tarball, packed, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** Links tools (vite, webpack, rollup plugins, ...) into the project's node_modules, as if installed there. */
export function link(root, ...names) {
  for (const name of names) {
    const to = join(root, 'node_modules', name);
    mkdirSync(join(to, '..'), { recursive: true });
    if (!existsSync(to)) symlinkSync(join(tools, 'node_modules', name), to, 'dir');
  }
}

/** Copies a fixture directory (tests/consumers/NAME) into the project. */
export function copy(root, name, to = name) {
  cpSync(join(fixtures, name), join(root, to), { recursive: true });
  return join(root, to);
}

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json',
};

/** A static server of `dir` on 127.0.0.1; directories answer with their index.html; 404 otherwise. */
export async function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Debian's Chromium through playwright-core (no browser download). */
export async function chromium() {
  const { chromium: driver } = createRequire(join(tools, 'package.json'))('playwright-core');
  return driver.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Opens `url`, waits until #out no longer says "loading" (each at most
 * `timeout` ms); its text, the requests made outside `origin` and the
 * console errors.
 */
export async function visit(browser, url, origin = new URL(url).origin, timeout = 30_000) {
  const page = await browser.newPage();
  const foreign = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { timeout });
  await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'loading', null, { timeout });
  const text = await page.textContent('#out');
  await page.close();
  return { text, foreign, errors };
}

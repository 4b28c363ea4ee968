// The harness of the form's browser tests: the built site (www/dist, `make
// www`) served by serve.mjs on a free port of 127.0.0.1, and Debian's
// Chromium driven by playwright-core (no browser is downloaded). A test file
// calls `form()` once, at its top level, for its before/after hooks; each
// `open(t)` is a fresh browser context on the form, closed when the test
// ends, watched for requests outside 127.0.0.1 and console errors, which
// `done()` asserts there were none of.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { staticServer } from '../serve.mjs';

export const www = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(www, 'dist');
/** Screenshots and downloads the tests keep (gitignored). */
export const artifacts = join(www, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * The served form and the browser, for one test file. `defaults` are the
 * options of every `open` (each call may override them): `path` ('/'),
 * `viewport` (DESKTOP), `locale` ('en-GB'), `permissions` granted to the
 * page's origin, `context` (more options of the browser context), and
 * `failedRequests` (a failed request counts as a console error).
 */
export function form(defaults = {}) {
  const app = { origin: '', browser: undefined, open };
  let server;
  before(async () => {
    assert.ok(existsSync(join(dist, 'index.html')), 'www/dist is missing: run `make www` first');
    mkdirSync(artifacts, { recursive: true });
    server = staticServer(dist);
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    app.origin = `http://127.0.0.1:${server.address().port}`;
    app.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await app.browser?.close();
    server?.close();
  });

  /** A fresh page on the form, once it is ready: `{page, done, responses, wall}`. */
  async function open(t, options = {}) {
    const {
      path = '/', viewport = DESKTOP, locale = 'en-GB', permissions = [], context: more = {}, failedRequests = false,
    } = { ...defaults, ...options };
    const context = await app.browser.newContext({ viewport, locale, ...more });
    t.after(() => context.close());
    if (permissions.length) await context.grantPermissions(permissions, { origin: app.origin });
    const page = await context.newPage();
    const foreign = [];
    const errors = [];
    const responses = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    page.on('response', (r) => responses.push(r));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    if (failedRequests) page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    const started = Date.now();
    await page.goto(app.origin + path);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
    const wall = Date.now() - started;
    const done = () => {
      assert.deepEqual(foreign, [], 'requests outside 127.0.0.1');
      assert.deepEqual(errors, [], 'console errors');
    };
    return { page, done, responses, wall };
  }
  return app;
}

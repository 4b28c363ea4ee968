// How the built form (www/dist) is delivered: serve.mjs's compression
// (brotli or gzip as the client accepts, Vary), application/wasm and its
// usage errors; every .wasm preloaded with the HTML and fetched once, in
// Debian's Chromium; the page opened as a file says how to open it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { staticServer } from '../serve.mjs';
import { dist, form, www } from './browser.mjs';

const app = form();
const { open } = app;

test('the engine\'s .wasm is preloaded with the HTML and fetched once, the planner\'s only when the Plan tab is shown; served compressed', async (t) => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="preload" as="fetch" type="application\/wasm" crossorigin href="\.\/(assets\/[^"]+\.wasm)">/g)];
  const emitted = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm')).map((f) => `assets/${f}`).sort();
  const planner = emitted.filter((f) => /badge_rules_plan_bg/.test(f));
  const engine = emitted.filter((f) => !planner.includes(f));
  assert.equal(planner.length, 1, 'the build has the planner\'s .wasm');
  assert.equal(engine.length, 1, 'and the engine\'s');
  assert.deepEqual(links.map((l) => l[1]).sort(), engine, 'index.html preloads the engine\'s .wasm only');
  for (const link of links) assert.ok(html.indexOf(link[0]) < html.indexOf('<script type="module"'), 'the preload comes before the module script');
  const { page, done, responses } = await open(t);
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.wasm')).map((e) => ({ name: new URL(e.name).pathname.slice(1), initiator: e.initiatorType })));
  const before = await fetched();
  assert.deepEqual(before.map((w) => w.name), engine, 'the engine\'s .wasm fetched once, the planner\'s not yet');
  assert.equal(before[0].initiator, 'link', 'the one fetch is the preload');
  await page.click('#tab-plan');
  await page.waitForFunction((name) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(name)), planner[0]);
  const after = await fetched();
  assert.deepEqual(after.map((w) => w.name).sort(), emitted, 'each .wasm fetched once');
  const served = responses.filter((r) => r.url().endsWith('.wasm'));
  assert.equal(served.length, emitted.length);
  for (const r of served) {
    assert.equal(r.headers()['content-type'], 'application/wasm');
    assert.equal(r.headers()['content-encoding'], 'br');
  }
  done();
});

test('opened as a file, the form says how to open it instead of “Loading…” forever', async (t) => {
  const context = await app.browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(dist, 'index.html')).href);
  await page.waitForSelector('.boot-file', { state: 'visible', timeout: 10_000 });
  assert.match(await page.textContent('.boot-file'), /web server.*make serve/s);
  assert.match(await page.textContent('.boot-file'), /serwer WWW.*make serve/s);
  assert.equal(await page.isVisible('.boot-text'), false);
});

/** GET (or HEAD) `path` from the static server with `headers`: status, headers and the raw body. */
function get(path, headers = {}, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request(app.origin + path, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('serve.mjs: brotli or gzip as the client accepts, Vary: Accept-Encoding, application/wasm', async () => {
  const html = readFileSync(join(dist, 'index.html'));
  const br = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(br.headers.vary, /Accept-Encoding/);
  assert.equal(br.headers['content-length'], String(br.body.length));
  assert.deepEqual(brotliDecompressSync(br.body), html);
  const gz = await get('/', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.body), html);
  const refused = await get('/', { 'accept-encoding': 'br;q=0, gzip;q=0' });
  assert.equal(refused.headers['content-encoding'], undefined);
  assert.deepEqual(refused.body, html);
  const none = await get('/');
  assert.equal(none.headers['content-encoding'], undefined);
  assert.match(none.headers.vary, /Accept-Encoding/);
  assert.deepEqual(none.body, html);

  const name = /href="\.\/(assets\/[^"]+\.wasm)"/.exec(html.toString())[1];
  const raw = readFileSync(join(dist, name));
  const wasm = await get(`/${name}`, { 'accept-encoding': 'br' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['content-encoding'], 'br');
  assert.ok(wasm.body.length < raw.length * 0.6, `${wasm.body.length} of ${raw.length} bytes`);
  assert.deepEqual(brotliDecompressSync(wasm.body), raw);
  const head = await get(`/${name}`, { 'accept-encoding': 'gzip' }, 'HEAD');
  assert.equal(head.headers['content-encoding'], 'gzip');
  assert.equal(head.body.length, 0);
  assert.equal((await get('/nothing-here.js', { 'accept-encoding': 'br' })).status, 404);
});

test('serve.mjs: --port without a value (or a bad one) is a usage error, status 2', () => {
  const serve = join(www, 'serve.mjs');
  for (const args of [['--port'], ['--port', 'eighty'], ['--port', '--host', '127.0.0.1'], ['--bogus']]) {
    const run = spawnSync(process.execPath, [serve, dist, ...args], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, /^serve: .*\nusage: node www\/serve\.mjs/, args.join(' '));
    assert.doesNotMatch(run.stderr, /at .*\.mjs:\d+/, 'no stack trace');
  }
});

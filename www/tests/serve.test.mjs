// How the built form (www/dist) is delivered: serve.mjs's compression
// (brotli or gzip as the client accepts, Vary), application/wasm and its
// usage errors; every .wasm preloaded with the HTML and fetched once, in
// Debian's Chromium; the page opened as a file says how to open it. Its
// hardening (issue 22): no path out of the root, GET and HEAD only, the
// request head's size and time limited, the security headers, and the built
// form under its CSP header with no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gunzipSync } from 'node:zlib';
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

// --- Hardening (issue 22, point 5): serve.mjs refuses every path that leaves
// its root (dot segments plain or encoded, encoded slashes, backslashes, NUL,
// symlinks out), answers GET and HEAD only, limits the request head's size
// and time, and sends its security headers with every answer. Each server
// below is one of its own, on a scratch folder, spoken to over a raw socket
// (an HTTP client would resolve `..` before sending it).

const SECRET = 'the secret outside the root';

/**
 * A server on a scratch folder: root/ (index.html, sub/a.txt, symlinks out
 * and one in) beside secret.txt and outside/secret.txt, which no request may read.
 */
async function scratch(t, options) {
  const dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const root = join(dir, 'root');
  mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'sub', 'a.txt'), 'inside');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'outside', 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'outside', 'index.html'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(join(dir, 'outside'), join(root, 'dir-out'));
  symlinkSync('../../secret.txt', join(root, 'sub', 'rel-out.txt'));
  symlinkSync(join(dir, 'outside', 'index.html'), join(root, 'sub', 'deeper', 'index.html'));
  symlinkSync(join(root, 'sub', 'a.txt'), join(root, 'link-in.txt'));
  const server = staticServer(root, options);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  t.after(() => {
    server.closeAllConnections?.();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { server, port: server.address().port };
}

/** Sends `text` as is on a fresh connection; the answer (status, headers, body) once the server closes it, within `limit` ms. */
function raw(port, text, limit = 3000) {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => {
      socket.destroy();
      fail(new Error(`no answer within ${limit} ms to ${JSON.stringify(text.slice(0, 80))}`));
    }, limit);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = all.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      ok({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(text);
  });
}
const getRaw = (port, target, method = 'GET') => raw(port, `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

test('serve.mjs: no path leaves the root, plain, encoded or through a symlink; the root\'s own files are served', async (t) => {
  const { port } = await scratch(t);
  const attempts = [
    '/../secret.txt', '/../../../../etc/passwd', '/sub/../../secret.txt', '/sub/deeper/../../../secret.txt',
    '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/.%2e/secret.txt', '/%2e./secret.txt', '/%2e%2e%2fsecret.txt',
    '/sub%2f..%2f..%2fsecret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/..\\secret.txt', '/sub\\..\\..\\secret.txt',
    '/%252e%252e/secret.txt', '/%c0%ae%c0%ae/secret.txt', '/index.html%00.txt', '/..%00/secret.txt', '/%00',
    '//..//secret.txt', 'http://127.0.0.1/../secret.txt', '/./sub/a.txt', '/sub/..',
    '/link-out.txt', '/dir-out/secret.txt', '/dir-out/', '/dir-out', '/sub/rel-out.txt', '/sub/deeper/', '/sub/deeper/index.html',
    '/sub/../link-out.txt', '/%2e/link-out.txt', '/.hidden',
  ];
  for (const target of attempts) {
    const res = await getRaw(port, target);
    assert.ok([400, 403].includes(res.status), `${target}: refused, not ${res.status}`);
    assert.ok(!res.body.includes(SECRET), `${target}: the secret was sent`);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', target);
  }
  for (const [target, body] of [['/', '<p>home</p>'], ['/index.html', '<p>home</p>'], ['/sub/a.txt', 'inside'],
    ['/link-in.txt', 'inside'], ['/sub//a.txt', 'inside'], ['/index.html?file=../secret.txt', '<p>home</p>']]) {
    const res = await getRaw(port, target);
    assert.equal(res.status, 200, target);
    assert.equal(res.body, body, target);
  }
  assert.equal((await getRaw(port, '/nothing.txt')).status, 404);
});

test('serve.mjs: GET and HEAD only, anything else is 405 with Allow', async (t) => {
  const { port } = await scratch(t);
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
    const res = await raw(port, `${method} / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.allow, 'GET, HEAD', method);
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, method);
  }
  const head = await getRaw(port, '/', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});

test('serve.mjs: a request head over 8 KiB is refused (431); one under it is served', async (t) => {
  const { server, port } = await scratch(t);
  assert.equal(server.maxHeaderSize, 8192);
  const big = await raw(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(10_000)}\r\nConnection: close\r\n\r\n`);
  assert.equal(big.status, 431);
  const fine = await raw(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(4_000)}\r\nConnection: close\r\n\r\n`);
  assert.equal(fine.status, 200);
});

test('serve.mjs: a client that sends its head byte by byte is cut off when the head\'s time is up', async (t) => {
  const { port } = await scratch(t, { headersTimeout: 1000, requestTimeout: 1500, connectionsCheckingInterval: 200 });
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  const answer = [];
  socket.on('data', (c) => answer.push(c));
  socket.on('error', () => {});
  const drip = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(200)}\r\n`;
  let i = 0;
  const timer = setInterval(() => {
    if (!socket.destroyed && i < drip.length) socket.write(drip[i++]);
  }, 50);
  const closed = await Promise.race([
    new Promise((ok) => socket.on('close', () => ok(true))),
    new Promise((ok) => setTimeout(() => ok(false), 4000)),
  ]);
  clearInterval(timer);
  socket.destroy();
  const took = Date.now() - started;
  assert.ok(closed, `still open after ${took} ms, ${i} bytes sent`);
  assert.ok(took >= 900 && took < 2500, `cut off after ${took} ms`);
  assert.match(Buffer.concat(answer).toString('latin1'), /^(HTTP\/1\.1 408|$)/);
  // The shipped server's limits, which the test above shortens.
  const { server: shipped } = await scratch(t);
  assert.equal(shipped.headersTimeout, 10_000, 'the head within 10 s');
  assert.equal(shipped.requestTimeout, 30_000, 'the whole request within 30 s');
});

test('serve.mjs: every answer carries a strict CSP, X-Frame-Options DENY, nosniff and Referrer-Policy', async (t) => {
  const { port } = await scratch(t);
  for (const [target, status] of [['/', 200], ['/nothing.txt', 404], ['/../secret.txt', 403]]) {
    const res = await getRaw(port, target);
    assert.equal(res.status, status, target);
    const csp = res.headers['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'",
      "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
      assert.ok(csp.split(/;\s*/).includes(directive), `${target}: ${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/, target);
    assert.equal(res.headers['x-frame-options'], 'DENY', target);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', target);
    assert.equal(res.headers['referrer-policy'], 'no-referrer', target);
  }
});

test('the built form under serve.mjs\'s CSP header: every tab used, no CSP violation and no console error; no page may frame it', async (t) => {
  const { page, done, responses } = await open(t);
  const document = responses.find((r) => r.request().resourceType() === 'document');
  assert.match(document.headers()['content-security-policy'], /frame-ancestors 'none'/);
  assert.equal(document.headers()['x-frame-options'], 'DENY');
  // Violations are recorded from the next load on; the page is loaded again with the recorder in place.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  for (const tab of ['application', 'update', 'partner', 'plan']) {
    await page.click(`#tab-${tab}`);
    await page.click(`#panel-${tab} .toolbar button >> nth=0`);
  }
  await page.waitForSelector('#n-rows tr');
  await page.click('#tab-application');
  await page.click('[data-lang="pl"]');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  done();

  // Framed by another origin (localhost is not 127.0.0.1), the form is not shown.
  const context = await app.browser.newContext();
  t.after(() => context.close());
  const host = await context.newPage();
  const framed = app.origin.replace('127.0.0.1', 'localhost');
  await host.route(`${framed}/frame-host`, (route) => route.fulfill({ contentType: 'text/html', body: `<iframe src="${app.origin}/"></iframe>` }));
  await host.goto(`${framed}/frame-host`, { waitUntil: 'load' });
  const frame = host.frames().find((f) => f !== host.mainFrame());
  assert.ok(frame, 'the iframe exists');
  assert.equal(frame.url(), 'chrome-error://chromewebdata/', 'the browser refused to show the form in the frame');
});

test('the build writes FILE.br (brotli 11) and FILE.gz (gzip 9) beside each compressible file; serve.mjs sends them', async () => {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.(html|js|css|wasm|svg)$/.test(e.name)) files.push(join(dir, e.name));
    }
  };
  walk(dist);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('index.html')), files.join(', '));
  for (const file of files) {
    const body = readFileSync(file);
    assert.deepEqual(brotliDecompressSync(readFileSync(`${file}.br`)), body, `${file}.br`);
    assert.deepEqual(gunzipSync(readFileSync(`${file}.gz`)), body, `${file}.gz`);
  }
  // What serve.mjs sends is the build's copy, byte for byte (brotli 11, not
  // the quality 9 it would compress with itself).
  const name = /href="\.\/(assets\/[^"]+\.wasm)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))[1];
  const br = await get(`/${name}`, { 'accept-encoding': 'br' });
  assert.deepEqual(br.body, readFileSync(join(dist, `${name}.br`)));
  const gz = await get(`/${name}`, { 'accept-encoding': 'gzip' });
  assert.deepEqual(gz.body, readFileSync(join(dist, `${name}.gz`)));
});

test('serve.mjs: a precompressed copy is sent only when it is at least as new as its file and inside the root', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const root = join(dir, 'root');
  mkdirSync(root);
  const text = 'badge-rules '.repeat(400);
  writeFileSync(join(root, 'a.txt'), text);
  // Quality 1: different bytes from what the server makes (quality 9).
  const quick = brotliCompressSync(text, { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
  writeFileSync(join(root, 'a.txt.br'), quick);
  writeFileSync(join(root, 'b.txt'), text);
  writeFileSync(join(dir, 'b.txt.br'), quick);
  symlinkSync(join(dir, 'b.txt.br'), join(root, 'b.txt.br'));
  writeFileSync(join(root, 'c.txt'), text);
  writeFileSync(join(root, 'c.txt.br'), quick);
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'c.txt.br'), past, past);
  const server = staticServer(root);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  t.after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const fetchBr = (path) => new Promise((ok, fail) => {
    request(`http://127.0.0.1:${server.address().port}${path}`, { headers: { 'accept-encoding': 'br' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
  const a = await fetchBr('/a.txt');
  assert.equal(a.encoding, 'br');
  assert.deepEqual(a.body, quick, 'the copy beside the file');
  for (const path of ['/b.txt', '/c.txt']) {
    const other = await fetchBr(path);
    assert.equal(other.encoding, 'br');
    assert.notDeepEqual(other.body, quick, `${path}: compressed by the server, not the copy`);
    assert.equal(brotliDecompressSync(other.body).toString(), text);
  }
});

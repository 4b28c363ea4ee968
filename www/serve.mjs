#!/usr/bin/env node
// A tiny static server for the built form (www/dist): `node www/serve.mjs
// [DIR] [--port N] [--host H]`, by default http://127.0.0.1:8080. The tests
// import `staticServer` and listen on a free port. Text, JavaScript and the
// .wasm are sent compressed when the client accepts it (brotli, else gzip;
// `Vary: Accept-Encoding`): the FILE.br / FILE.gz the build wrote beside it
// (brotli 11, gzip 9: precompress.mjs) when there is one, else compressed
// here once and kept in memory.
//
// Hardened (issue 22): only GET and HEAD; a path is served only when each of
// its segments is a plain file name (no `.` or `..`, plain or encoded, no
// encoded slash, no backslash, no NUL, no dot file) and the file it names,
// symlinks followed, is a regular file inside the root; the request head is
// limited in size (8 KiB) and time (10 s, the whole request 30 s); every
// answer carries the page's Content-Security-Policy (csp.mjs) with
// frame-ancestors 'none', X-Frame-Options: DENY, nosniff and no referrer.
import { createServer } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADER_CSP } from './csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The types worth compressing (images such as PNG already are). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt']);

/** The encoding to send among `br` and `gzip`, as the Accept-Encoding header allows (q=0 refuses). */
export function pickEncoding(header = '') {
  const q = new Map();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name) => q.get(name) ?? q.get('*') ?? 0;
  const best = ['br', 'gzip'].filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  return best[0] ?? null;
}

/** The headers of every answer, an error's too. */
export const SECURITY_HEADERS = {
  'content-security-policy': HEADER_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The server's limits (Node's http.Server options): the request head at most
 * 8 KiB (431 beyond), received within 10 s and the whole request within 30 s
 * (408, then the connection is closed), checked every second.
 */
export const LIMITS = { maxHeaderSize: 8192, headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1000 };

/** A path segment that may be served: a plain file name, not `.`/`..` nor a dot file. */
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

/** Whether `file` is `dir` or inside it. */
const inside = (dir, file) => file === dir || file.startsWith(dir + sep);

/**
 * The file path `target` (a request's URL, its query left out) names under
 * `base`, or the status refusing it: 400 for what is not an origin-form path
 * (`/…`) or not valid percent-encoding (`%c0%ae`); 403 for a backslash, a NUL
 * or an encoded slash, backslash or NUL (`%2f`, `%5c`, `%00`), then, decoded,
 * for a segment that is not a plain file name (`.`, `..`, `%2e%2e`, a dot
 * file). Symlinks are the server's to check (realpath).
 */
export function pathIn(base, target = '/') {
  if (!target.startsWith('/')) return { status: 400 };
  const raw = target.split(/[?#]/, 1)[0];
  if (/[\\\0]|%(2f|5c|00)/i.test(raw)) return { status: 403 };
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (!segments.every((s) => SEGMENT.test(s))) return { status: 403 };
  const file = resolve(base, ...segments);
  return inside(base, file) ? { file } : { status: 403 };
}

/**
 * An http.Server serving the files under `root` (GET and HEAD only).
 * `options` are Node's http.Server options, over LIMITS.
 */
export function staticServer(root, options = {}) {
  const base = resolve(root);
  // The root's real path, symlinks resolved, against which each file's is checked.
  let realBase;
  const baseReal = async () => (realBase ??= await realpath(base));
  const compressed = new Map();
  const encode = (file, body, encoding) => {
    const key = `${encoding}:${file}`;
    let out = compressed.get(key);
    if (!out || out.source !== body.length) {
      const data = encoding === 'br'
        ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 9 });
      out = { data, source: body.length };
      compressed.set(key, out);
    }
    return out.data;
  };
  // FILE.br / FILE.gz written at build time (precompress.mjs: brotli 11,
  // gzip 9), sent as they are when at least as new as FILE; else FILE is
  // compressed here (brotli 9) and kept in memory.
  const precompressed = async (real, encoding, body) => {
    const copy = `${real}.${encoding === 'br' ? 'br' : 'gz'}`;
    try {
      // The copy too must be a regular file inside the root, symlinks followed.
      const realCopy = await realpath(copy);
      if (!inside(await baseReal(), realCopy)) return null;
      const [source, packed] = await Promise.all([stat(real), stat(realCopy)]);
      if (!packed.isFile() || packed.mtimeMs < source.mtimeMs) return null;
      const data = await readFile(realCopy);
      return data.length > 0 && data.length < body.length ? data : null;
    } catch {
      return null;
    }
  };
  const REFUSED = { 400: 'bad request\n', 403: 'forbidden\n' };
  return createServer({ ...LIMITS, ...options }, async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { allow: 'GET, HEAD' });
    const named = pathIn(base, req.url);
    if (!named.file) return send(named.status, REFUSED[named.status]);
    let file = named.file;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      // Symlinks followed: the file must still be a regular file inside the root.
      const real = await realpath(file);
      if (!inside(await baseReal(), real)) return send(403, REFUSED[403]);
      if (!(await stat(real)).isFile()) return send(404, 'not found\n');
      const body = await readFile(real);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers = { 'content-type': type, 'cache-control': cache };
      const encoding = COMPRESSIBLE.has(extname(file)) ? pickEncoding(req.headers['accept-encoding']) : null;
      if (COMPRESSIBLE.has(extname(file))) headers.vary = 'Accept-Encoding';
      const data = encoding ? (await precompressed(real, encoding, body)) ?? encode(file, body, encoding) : body;
      if (encoding) headers['content-encoding'] = encoding;
      send(200, data, { ...headers, 'content-length': String(data.length) });
    } catch {
      send(404, 'not found\n');
    }
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const USAGE = 'usage: node www/serve.mjs [DIR] [--port N] [--host H]   (defaults: www/dist, 8080, 127.0.0.1)';
  const usage = (why) => {
    console.error(`serve: ${why}\n${USAGE}`);
    process.exit(2);
  };
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) usage(`${name} needs a value`);
    args.splice(i, 2);
    return value;
  };
  const portText = option('--port', process.env.PORT ?? '8080');
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) usage(`--port ${portText}: not a port number (0 to 65535)`);
  const port = Number(portText);
  const host = option('--host', '127.0.0.1');
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) usage(`unknown option ${unknown}`);
  if (args.length > 1) usage(`one directory only, not ${args.length}`);
  const root = args[0] ?? join(fileURLToPath(new URL('.', import.meta.url)), 'dist');
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`serve: ${join(root, 'index.html')} is missing: run \`make www\` first`);
    process.exit(1);
  }
  const server = staticServer(root);
  server.on('error', (e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`badge-rules form: http://${host}:${server.address().port}/ (serving ${root}; Ctrl-C stops)`);
  });
}

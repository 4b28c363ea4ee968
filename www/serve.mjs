#!/usr/bin/env node
// A tiny static server for the built form (www/dist): `node www/serve.mjs
// [DIR] [--port N] [--host H]`, by default http://127.0.0.1:8080. The tests
// import `staticServer` and listen on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** An http.Server serving the files under `root` (GET and HEAD only). */
export function staticServer(root) {
  const base = resolve(root);
  return createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    let file = resolve(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden\n');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(200, body, { 'content-type': type, 'cache-control': cache, 'content-length': String(body.length) });
    } catch {
      send(404, 'not found\n');
    }
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const [value] = args.splice(i, 2).slice(1);
    return value;
  };
  const port = Number(option('--port', process.env.PORT ?? '8080'));
  const host = option('--host', '127.0.0.1');
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

// Each compressible file of the built form gets, beside it, its brotli
// (quality 11) and gzip (level 9) copies: FILE.br and FILE.gz, made once at
// build time (brotli 11 is too slow to run per request: about a second for
// the .wasm, and 13 % smaller than quality 9 there). serve.mjs sends them when
// the client accepts the encoding, as static hosts that serve .br/.gz files
// do (nginx gzip_static/brotli_static, Caddy's precompressed, Netlify, ...).
// A copy is kept only when it is smaller than the file.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** The types worth compressing (images such as PNG already are). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt']);

/** FILE's brotli 11 bytes. */
export const brotli11 = (body) =>
  brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });

/** Writes FILE.br and FILE.gz beside every compressible file under `dir`; returns what it wrote. */
export function precompress(dir) {
  const written = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      written.push(...precompress(file));
      continue;
    }
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const body = readFileSync(file);
    for (const [ext, data] of [['.br', brotli11(body)], ['.gz', gzipSync(body, { level: 9 })]]) {
      if (data.length >= body.length) continue;
      writeFileSync(file + ext, data);
      written.push({ file: file + ext, bytes: data.length, of: statSync(file).size });
    }
  }
  return written;
}

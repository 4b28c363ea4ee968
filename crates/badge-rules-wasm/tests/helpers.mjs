// Shared by the package's Node tests: where things are, and the native CLI.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const crate = join(dirname(fileURLToPath(import.meta.url)), '..');
export const root = join(crate, '..', '..');
export const pkg = join(crate, 'pkg');
export const tools = join(crate, 'tools');

/**
 * Runs the native CLI over documents (one per line); its report lines (or,
 * with `args` such as `['--format', 'allegro']`, the lines they ask for).
 */
export function native(documents, args = []) {
  const cli = join(root, 'target', 'release', 'badge-rules');
  const run = spawnSync(cli, ['check', '--jsonl', ...args], {
    input: documents.join('\n') + '\n', maxBuffer: 1 << 30, encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`badge-rules --jsonl failed: ${run.stderr}`);
  return run.stdout.split('\n').slice(0, documents.length);
}

/** The seeded generator's documents (JSON text), as the Rust tests see them. */
export function generated(count, first = 0) {
  const bin = join(root, 'target', 'release', 'examples', 'gen_docs');
  const run = spawnSync(bin, [String(count), String(first)], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`gen_docs failed: ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}

/**
 * The package's answer to JSON text: the report line, or for an input error
 * `{"error":{"kind","path"}}`, comparable with {@link nativeOutcome}.
 */
export function outcome(br, text, options) {
  try {
    return br.checkJson(text, options);
  } catch (e) {
    return JSON.stringify({ error: { kind: e.kind, path: e.path } });
  }
}

/** A native line reduced as {@link outcome} reduces errors. */
export function nativeOutcome(lineText) {
  const parsed = JSON.parse(lineText);
  return parsed.error ? JSON.stringify({ error: { kind: parsed.error.kind, path: parsed.error.path } }) : lineText;
}

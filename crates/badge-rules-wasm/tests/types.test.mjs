// `tsc --noEmit` over a typed usage example, resolving `badge-rules` through
// the package's exports map, as a TypeScript project would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crate, pkg, tools } from './helpers.mjs';

test('the typed usage example compiles, and its wrong lines do not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'badge-rules-types-'));
  cpSync(join(crate, 'tests', 'typed'), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkg, join(dir, 'node_modules', 'badge-rules'), 'dir');
  const tsc = spawnSync(process.execPath, [join(tools, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

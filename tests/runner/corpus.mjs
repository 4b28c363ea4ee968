// The conformance corpus reader for JavaScript runners: the same format and
// comparison as crates/badge-rules-testkit/src/corpus.rs (see docs/DESIGN.md).
// Like it, it refuses unknown keys, so that a typo fails the load instead of
// silently checking nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'conformance');

/** RFC 7396 JSON Merge Patch, returning a new value. */
export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch);
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

const KEYS = {
  file: ['about', 'base', 'vectors'],
  vector: ['name', 'about', 'document', 'patch', 'expect'],
  expect: ['verdict', 'codes', 'violations', 'skipped', 'warnings', 'level', 'hints', 'error'],
  violation: ['code', 'path', 'params'],
  hints: ['min', 'max', 'currency'],
  error: ['path', 'kind'],
};

/** Throws when `value` (an object, if it is one) has a key not in KEYS[what]. */
function known(value, what, where) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const key of Object.keys(value)) {
    if (!KEYS[what].includes(key)) throw new Error(`${where}: unknown key \`${key}\` (expected one of ${KEYS[what].join(', ')})`);
  }
}

/** Throws when a vector of file `name` has a key its format does not know. */
function checkKeys(root, name) {
  known(root, 'file', name);
  for (const [i, v] of (root.vectors ?? []).entries()) {
    const where = `${name}#${v?.name ?? `vectors[${i}]`}`;
    known(v, 'vector', where);
    if ('document' in v && 'patch' in v) throw new Error(`${where}: both \`document\` and \`patch\``);
    known(v.expect, 'expect', `${where}: expect`);
    for (const [j, w] of (v.expect?.violations ?? []).entries()) known(w, 'violation', `${where}: expect.violations[${j}]`);
    known(v.expect?.hints, 'hints', `${where}: expect.hints`);
    known(v.expect?.error, 'error', `${where}: expect.error`);
  }
}

/** Every vector of every file: {id, document, expect}. */
export function load() {
  const out = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const root = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    checkKeys(root, name);
    for (const v of root.vectors) {
      const document = 'document' in v ? v.document : mergePatch(root.base, v.patch ?? {});
      out.push({ id: `${name}#${v.name}`, document, expect: v.expect });
    }
  }
  return out;
}

const sorted = (xs) => [...xs].sort();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Compares an outcome (report, or {error}) with an expectation: a list of problems. */
export function compare(expect, outcome) {
  const problems = [];
  if (expect.error) {
    if (!outcome.error) return [`expected an input error ${JSON.stringify(expect.error)}, got a report`];
    for (const key of ['path', 'kind']) {
      if (key in expect.error && outcome.error[key] !== expect.error[key]) {
        problems.push(`input error ${key}: expected ${expect.error[key]}, got ${outcome.error[key]}`);
      }
    }
    return problems;
  }
  if (outcome.error) return [`expected a report, got ${JSON.stringify(outcome)}`];
  if (expect.verdict !== outcome.verdict) problems.push(`verdict: expected ${expect.verdict}, got ${outcome.verdict}`);
  const codes = sorted(outcome.violations.map((v) => v.code));
  if (!same(sorted(expect.codes ?? []), codes)) problems.push(`codes: expected ${expect.codes}, got ${codes}`);
  for (const want of expect.violations ?? []) {
    const found = outcome.violations.some((got) => got.code === want.code
      && (!('path' in want) || got.path === want.path)
      && Object.entries(want.params ?? {}).every(([k, v]) => got.params[k] === v));
    if (!found) problems.push(`violation ${JSON.stringify(want)} missing`);
  }
  if (expect.skipped && !same(sorted(expect.skipped), sorted(outcome.skipped.map((s) => s.code)))) {
    problems.push(`skipped: expected ${expect.skipped}, got ${outcome.skipped.map((s) => s.code)}`);
  }
  if (expect.warnings && !same(sorted(expect.warnings), sorted(outcome.warnings.map((w) => w.code)))) {
    problems.push(`warnings: expected ${expect.warnings}`);
  }
  if ('level' in expect && expect.level !== outcome.level) problems.push(`level: expected ${expect.level}, got ${outcome.level}`);
  if ('hints' in expect) {
    const want = expect.hints && 'bargain' in expect.hints ? expect.hints.bargain : expect.hints;
    if (!same(want, outcome.hints.bargain)) problems.push(`hints.bargain: expected ${JSON.stringify(want)}`);
  }
  return problems;
}

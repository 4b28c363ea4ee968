// What the package throws: a BadgeRulesError from every entry (instanceof
// across them), with a stable code, its params, a one-line message in the
// chosen language and the cause underneath; a call before init() and an id
// that is not built in say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pkg } from './helpers.mjs';

const esm = await import(pathToFileURL(join(pkg, 'node.mjs')).href);
const cjs = createRequire(import.meta.url)(join(pkg, 'node.cjs'));

/** What `call` threw. */
function thrown(call) {
  try {
    call();
  } catch (e) {
    return e;
  }
  assert.fail('nothing was thrown');
}

test('an input error is a BadgeRulesError of every entry, with code, params and path, in the chosen language', () => {
  const doc = { kind: 'application', campaigns: [{ name: 'no id' }] };
  const pl = thrown(() => esm.check(doc, { lang: 'pl' }));
  for (const Class of [esm.BadgeRulesError, cjs.BadgeRulesError]) assert.ok(pl instanceof Class);
  assert.ok(thrown(() => cjs.check(doc)) instanceof esm.BadgeRulesError);
  assert.ok(pl instanceof Error);
  assert.deepEqual({ name: pl.name, kind: pl.kind, code: pl.code, path: pl.path, params: pl.params, message: pl.message }, {
    name: 'BadgeRulesError', kind: 'shape', code: 'MISSING_FIELD', path: 'campaigns[0].id', params: { field: 'id' },
    message: 'campaigns[0].id: brak wymaganego pola id',
  });
  assert.equal(thrown(() => esm.check(doc)).message, 'campaigns[0].id: the field id is required');
});

test('a cyclic document: one line, INVALID_VALUE, JSON.stringify\'s own error as the cause', () => {
  const doc = { kind: 'application', request: {} };
  doc.request.self = doc;
  const e = thrown(() => esm.check(doc));
  assert.ok(e instanceof esm.BadgeRulesError);
  assert.equal(e.code, 'INVALID_VALUE');
  assert.doesNotMatch(e.message, /\n/);
  assert.match(e.message, /^the check document cannot be written as JSON: Converting circular structure to JSON$/);
  assert.ok(e.cause instanceof TypeError);
  assert.match(e.cause.message, /closes the circle/);
});

test('a getter that throws: its own error is the cause', () => {
  const boom = new RangeError('no price yet');
  const e = thrown(() => esm.check({ kind: 'application', get offer() { throw boom; } }));
  assert.equal(e.code, 'INVALID_VALUE');
  assert.equal(e.cause, boom);
  assert.equal(e.message, 'the check document cannot be written as JSON: no price yet');
  const notAnError = thrown(() => esm.check({ kind: 'application', get offer() { throw 'a string'; } }));
  assert.equal(notAnError.cause, 'a string');
});

test('an option getter that throws is an error of the options, its own error the cause', () => {
  const boom = new RangeError('no language yet');
  const e = thrown(() => esm.check({ kind: 'badgesQuery' }, { get lang() { throw boom; } }));
  assert.deepEqual([e.kind, e.code, e.path], ['options', 'INVALID_VALUE', 'options']);
  assert.equal(e.message, 'options cannot be written as JSON: no language yet');
  assert.equal(e.cause, boom);
});

test('bad arguments and options: WRONG_TYPE and UNKNOWN_VALUE with their figures', () => {
  const lang = thrown(() => esm.check({ kind: 'badgesQuery' }, { lang: 'de' }));
  assert.deepEqual([lang.kind, lang.code, lang.path, lang.params.value], ['options', 'UNKNOWN_VALUE', 'options.lang', 'de']);
  const options = thrown(() => esm.check({ kind: 'badgesQuery' }, 'pl'));
  assert.deepEqual([options.code, options.params], ['WRONG_TYPE', { expected: 'an object', found: 'string' }]);
  const text = thrown(() => esm.checkJson(5));
  assert.deepEqual([text.code, text.params.found], ['WRONG_TYPE', 'number']);
  const doc = thrown(() => esm.check([]));
  assert.deepEqual([doc.code, doc.params.found], ['NOT_AN_OBJECT', 'an array']);
});

test('builtInTerms of an id that is not built in says so', () => {
  assert.ok(esm.builtInTerms('SANDBOX_TEST_CAMPAIGN').discount);
  const e = thrown(() => esm.builtInTerms('NO_SUCH'));
  assert.deepEqual([e.kind, e.code, e.path, e.params], ['options', 'UNKNOWN_VALUE', 'campaignId',
    { value: 'NO_SUCH', allowed: 'SANDBOX_TEST_CAMPAIGN' }]);
  assert.match(e.message, /NO_SUCH is not a built-in campaign/);
});

test('the web entry before init(): NOT_INITIALIZED naming the call, then it works', async () => {
  // A copy of the entry and the glue of its own (another module instance), not yet loaded.
  const dir = mkdtempSync(join(tmpdir(), 'badge-rules-fresh-'));
  for (const f of ['badge_rules.js', 'badge_rules_glue.js']) copyFileSync(join(pkg, f), join(dir, f));
  const web = await import(pathToFileURL(join(dir, 'badge_rules.js')).href);
  const e = thrown(() => web.check({ kind: 'badgesQuery' }));
  assert.ok(e instanceof esm.BadgeRulesError);
  assert.deepEqual([e.kind, e.code, e.params], ['usage', 'NOT_INITIALIZED', { function: 'check' }]);
  assert.match(e.message, /await init\(\)/);
  const bad = await web.default({ module_or_path: new TextEncoder().encode('<!doctype html>') }).catch((x) => x);
  assert.deepEqual([bad.code, bad.cause instanceof WebAssembly.CompileError], ['NOT_WASM', true]);
  assert.match(bad.message, /optimizeDeps: \{ exclude: \["badge-rules"\] \}/);
  web.initSync({ module: readFileSync(join(pkg, 'badge_rules_bg.wasm')) });
  assert.equal(web.check({ kind: 'badgesQuery', request: { limit: 0 } }).violations[0].code, 'BB9');
  rmSync(dir, { recursive: true, force: true });
});

test('check() given JSON text says to call checkJson(), in the chosen language', () => {
  const text = JSON.stringify({ kind: 'badgesQuery' });
  for (const entry of [esm, cjs]) {
    const e = thrown(() => entry.check(text));
    assert.deepEqual([e.code, e.kind], ['NOT_AN_OBJECT', 'shape']);
    assert.match(e.message, /\(for JSON text: checkJson\(text\)\)$/);
  }
  assert.match(thrown(() => esm.check(text, { lang: 'pl' })).message, /\(dla tekstu JSON: checkJson\(tekst\)\)$/);
  assert.equal(esm.checkJson(text).length > 0, true);
});

test('NaN and Infinity where the engine says "found null" are named (JSON.stringify sends them as null); elsewhere the answer is that of the null sent', () => {
  for (const [value, found] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']]) {
    const e = thrown(() => esm.check({ kind: 'application', campaigns: [{ id: 'X' }, value] }));
    assert.ok(e instanceof esm.BadgeRulesError);
    assert.deepEqual({ code: e.code, kind: e.kind, path: e.path, params: e.params },
      { code: 'WRONG_TYPE', kind: 'shape', path: 'campaigns[1]', params: { expected: 'struct Campaign', found } });
    assert.match(e.message, new RegExp(`^campaigns\\[1\\]: .*null \\(${found}: JSON\\.stringify sends it as null\\)$`));
  }
  const pl = thrown(() => cjs.check({ kind: 'application', campaigns: [NaN] }, { lang: 'pl' }));
  assert.match(pl.message, /\(NaN: JSON\.stringify wysyła to jako null\)$/);
  // A null written as null stays as it was.
  assert.deepEqual(thrown(() => esm.check({ kind: 'application', campaigns: [null] })).params.found, 'null');
  // Where null is an answer, NaN gets the same one: what Allegro would be sent.
  const doc = (id) => ({ kind: 'application', request: { campaign: { id: 'X' }, offer: { id } } });
  assert.deepEqual(esm.check(doc(NaN)), esm.check(doc(null)));
});

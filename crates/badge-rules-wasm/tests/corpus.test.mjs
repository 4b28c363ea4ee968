// The whole conformance corpus through the npm package: every vector gives
// the corpus answer, and exactly the native CLI's report, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { load, compare } from '../../../tests/runner/corpus.mjs';
import { pkg, native, outcome, nativeOutcome } from './helpers.mjs';

const br = await import(join(pkg, 'node.mjs'));
const vectors = load();

test('the corpus is there', () => {
  assert.ok(vectors.length > 400, `${vectors.length} vectors`);
});

test('every vector gives the corpus answer through check()', () => {
  const failures = [];
  for (const v of vectors) {
    let got;
    try {
      got = br.check(v.document);
    } catch (e) {
      assert.ok(e instanceof Error, `${v.id}: threw a non-Error`);
      got = { error: { kind: e.kind, path: e.path } };
    }
    const problems = compare(v.expect, got);
    if (problems.length) failures.push(`${v.id}: ${problems.join('; ')}`);
  }
  assert.deepEqual(failures, []);
});

test('checkJson and check answer exactly what the native CLI answers', () => {
  const texts = vectors.map((v) => JSON.stringify(v.document));
  const lines = native(texts);
  texts.forEach((text, i) => {
    const mine = outcome(br, text);
    assert.equal(mine, nativeOutcome(lines[i]), vectors[i].id);
    if (!mine.startsWith('{"error"')) {
      assert.equal(JSON.stringify(br.check(JSON.parse(text))), lines[i], vectors[i].id);
    }
  });
});

test('messages follow the language option', () => {
  const v = vectors.find((x) => x.expect.codes?.includes('BB2'));
  const pl = br.check(v.document, { lang: 'pl' });
  assert.ok(pl.violations.some((x) => x.message === 'Konto nie jest Kontem Firma.'));
  const en = JSON.parse(br.checkJson(JSON.stringify(v.document), { lang: 'en' }));
  assert.ok(en.violations.some((x) => x.message === 'Account is not a Company account type.'));
});

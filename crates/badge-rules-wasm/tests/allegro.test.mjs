// Allegro's answer, predicted: `checkJson(text, {format: "allegro"})` is the
// native CLI's `check --jsonl --format allegro` line, byte for byte, for
// every example and every conformance vector's document, in each language
// and for Allegro's Accept-Language tags; `check` and `allegroResponse` give
// the same JSON as objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkg, root, native, outcome, nativeOutcome } from './helpers.mjs';
import { load } from '../../../tests/runner/corpus.mjs';

const br = await import(join(pkg, 'node.mjs'));

/** Every example and every vector's document, each as one line of JSON. */
function documents() {
  const dir = join(root, 'examples');
  const examples = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: `examples/${f}`, text: JSON.stringify(JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));
  const vectors = load().map((v) => ({ id: v.id, text: JSON.stringify(v.document) }));
  return [...examples, ...vectors];
}

const docs = documents();

for (const lang of ['en', 'pl', 'pl-PL', 'uk-UA']) {
  test(`${docs.length} documents, lang ${lang}: checkJson(text, {format: "allegro"}) == check --jsonl --format allegro`, () => {
    assert.ok(docs.length > 500, `${docs.length} documents`);
    const lines = native(docs.map((d) => d.text), ['--format', 'allegro', '--lang', lang]);
    let responses = 0;
    docs.forEach(({ id, text }, i) => {
      const want = nativeOutcome(lines[i]);
      const options = { format: 'allegro', lang };
      assert.equal(outcome(br, text, options), want, id);
      if (want.startsWith('{"error"')) return;
      responses++;
      const doc = JSON.parse(text);
      assert.equal(JSON.stringify(br.check(doc, options)), want, `${id} (check)`);
      assert.equal(JSON.stringify(br.allegroResponse(doc, { lang })), want, `${id} (allegroResponse)`);
    });
    assert.ok(responses > docs.length * 0.9, `${responses} responses`);
  });
}

test('the three channels, as the examples show them', () => {
  const example = (name) => JSON.parse(readFileSync(join(root, 'examples', name), 'utf8'));
  const declined = br.check(example('sandbox-too-shallow.json'), { format: 'allegro' });
  assert.equal(declined.outcome, 'declined');
  assert.equal(declined.status, 202);
  assert.equal(declined.then.body.process.status, 'DECLINED');
  assert.equal(declined.then.body.process.rejectionReasons[0].code, 'BA49');

  const sync = br.check(example('discount-bad-currency-and-amount.json'), { format: 'allegro', lang: 'pl-PL' });
  assert.equal(sync.outcome, 'error');
  assert.equal(sync.status, 422);
  const bb5 = sync.body.errors.find((e) => e.code === 'BB5');
  assert.equal(bb5.message, 'Currency not supported.');
  assert.equal(bb5.userMessage, 'Waluta nie jest równa [PLN].');
  assert.equal(sync.then, null);

  const refused = br.allegroResponse(example('eligibility-refused.json'));
  assert.equal(refused.outcome, 'eligibility');
  assert.equal(refused.request, 'GET /sale/badge-campaigns');
  assert.equal(refused.body.badgeCampaigns[0].eligibility.refusalReasons[0].code, 'BB1');
});

test('format "report" and no format give the report; any other format is an options error', () => {
  const doc = { kind: 'badgesQuery', request: { 'marketplace.id': 'allegro-pl', limit: 1001 } };
  const report = br.checkJson(JSON.stringify(doc));
  assert.equal(br.checkJson(JSON.stringify(doc), { format: 'report' }), report);
  assert.equal(br.checkJson(JSON.stringify(doc), { format: null }), report);
  assert.deepEqual(br.check(doc, { format: undefined }), JSON.parse(report));
  for (const format of ['json', 'ALLEGRO', 1, {}]) {
    for (const call of [() => br.check(doc, { format }), () => br.checkJson(JSON.stringify(doc), { format })]) {
      assert.throws(call, (e) => e instanceof Error && e.kind === 'options' && e.path === 'options.format'
        && e.message === 'options.format must be "report" (the default) or "allegro"');
    }
  }
});

test("lang takes Allegro's Accept-Language tags; the fallbacks warn once", () => {
  const doc = JSON.parse(readFileSync(join(root, 'examples', 'sandbox-too-shallow.json'), 'utf8'));
  assert.deepEqual(br.check(doc, { lang: 'pl-PL' }), br.check(doc, { lang: 'pl' }));
  assert.deepEqual(br.check(doc, { lang: 'en-US' }), br.check(doc));
  for (const lang of ['uk-UA', 'sk-SK', 'cs-CZ', 'hu-HU']) {
    const report = br.check(doc, { lang });
    assert.deepEqual(report.violations, br.check(doc).violations, lang);
    assert.deepEqual(report.warnings.map((w) => [w.code, w.params.requested]), [['LANGUAGE_FALLBACK', lang]], lang);
  }
  assert.throws(() => br.check(doc, { lang: 'de-DE' }), (e) => e.kind === 'options' && e.path === 'options.lang');
});

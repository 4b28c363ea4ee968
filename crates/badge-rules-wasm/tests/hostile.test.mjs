// Bad input from JavaScript throws a clean Error (with `path`), never traps
// the module: the next call still answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pkg } from './helpers.mjs';

const br = await import(join(pkg, 'node.mjs'));
const good = { kind: 'applicationLookup', applicationId: '8a457b8f-627d-43cf-8806-f06f8d13c306', account: { company: true } };
const stillWorks = () => assert.equal(br.check(good).verdict, 'ACCEPT');

const cyclic = { kind: 'application', request: {} };
cyclic.request.self = cyclic;

const cases = [
  ['undefined', () => br.check(undefined)],
  ['null', () => br.check(null)],
  ['a number', () => br.check(42)],
  ['a string', () => br.check('{"kind":"application"}')],
  ['an array', () => br.check([good])],
  ['a function', () => br.check(() => 1)],
  ['a symbol', () => br.check(Symbol('x'))],
  ['a cyclic object', () => br.check(cyclic)],
  ['a BigInt inside', () => br.check({ kind: 'application', request: { limit: 10n } })],
  ['no kind', () => br.check({})],
  ['an unknown kind', () => br.check({ kind: 'sell' })],
  ['a number where a context string belongs', () => br.check({ kind: 'application', offer: { sellingMode: { price: { amount: 199.99, currency: 'PLN' } } } })],
  ['a number where a time belongs', () => br.check({ kind: 'application', now: 1732363200000 })],
  ['bad options', () => br.check(good, { lang: 'de' })],
  ['options not an object', () => br.check(good, 'pl')],
  ['checkJson of a number', () => br.checkJson(5)],
  ['checkJson of an object', () => br.checkJson({ kind: 'application' })],
  ['checkJson of undefined', () => br.checkJson()],
  ['builtInTerms of a number', () => br.builtInTerms(7)],
  ['checkJson of 10 MB of garbage', () => br.checkJson('x'.repeat(10 * 1024 * 1024))],
  ['checkJson of a 10 MB string value', () => br.checkJson(JSON.stringify({ kind: 'sell', pad: 'x'.repeat(10 * 1024 * 1024) }))],
  ['checkJson of JSON nested 10,000 deep', () => br.checkJson('['.repeat(10_000) + ']'.repeat(10_000))],
  ['catalogue in an unknown language', () => br.catalogue('de')],
];

for (const [name, call] of cases) {
  test(`${name}: a clean Error, and the next call works`, () => {
    let thrown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof Error, `${name}: expected an Error, got ${thrown}`);
    assert.equal(typeof thrown.message, 'string');
    if (!(thrown instanceof TypeError)) assert.equal(typeof thrown.path, 'string', `${name}: no path`);
    stillWorks();
  });
}

test('the error names the JSON path', () => {
  try {
    br.check({ kind: 'application', campaigns: [{ id: 'X', publication: { type: 'WITHIN', from: '2026-01-01T00:00:00Z' } }] });
    assert.fail('no error');
  } catch (e) {
    assert.equal(e.path, 'campaigns[0].publication.to');
    assert.equal(e.kind, 'context');
  }
});

test('numbers where request strings belong are violations, not errors', () => {
  const report = br.check({ kind: 'application', request: { campaign: { id: 'X' }, offer: { id: '1' }, prices: { bargain: { amount: 99.99, currency: 'PLN' } } } });
  assert.ok(report.violations.some((v) => v.code === 'BB6' && v.path === 'prices.bargain.amount'));
});

test('no JS number carries a price: amounts stay decimal strings both ways', () => {
  const report = br.check({
    kind: 'application', now: '2026-11-23T12:00:00Z',
    request: { campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '1' }, prices: { bargain: { amount: '130.01', currency: 'PLN' } } },
    campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
    metrics: { lowestPrice30Days: { amount: '79228162514264337593543950.33', currency: 'PLN' } },
  });
  const json = JSON.stringify(report);
  assert.ok(!/":\s*-?\d/.test(json), json);
  assert.ok(json.includes('79228162514264337593543950.33'));
});

test('many errors in a row leave the module answering', () => {
  for (let i = 0; i < 1000; i++) {
    assert.throws(() => br.check({ kind: 'application', campaigns: 'nope' }));
  }
  stillWorks();
});

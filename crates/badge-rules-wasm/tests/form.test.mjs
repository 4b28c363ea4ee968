// badge-rules/form on an integrator's own form: a plain HTML page (not www/,
// tests/consumers/form/index.html) that imports the package installed from
// its tarball through an import map, in Chromium. Typing into the fields
// checks the form; each field's validity message, aria-invalid and
// aria-describedby follow, in the page's language; the browser refuses to
// submit while a field is invalid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, consumer, copy, serve } from './consumer.mjs';
import { root, tools } from './helpers.mjs';

const CONTEXT = {
  now: '2026-11-23T12:00:00Z',
  campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
  metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
};
const PRICE = '[name="prices.bargain.amount"]';
const LIMIT = '[name="purchaseConstraints.limit.perUser.maxItems"]';

let br;
let project;
let server;
let browser;
let page;
let errors = [];
let foreign = [];

/** The engine's messages of `code` for a request, in `lang`, from the same package in Node. */
function messages(request, lang, code) {
  const report = br.check({ kind: 'application', ...CONTEXT, request }, { lang });
  return report.violations.filter((v) => v.code === code).map((v) => v.message).join(' ');
}
const request = (amount, extra = {}) => ({
  campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '12345678' },
  prices: { bargain: { ...(amount ? { amount } : {}), currency: 'PLN' } }, ...extra,
});

/** What the page shows of one field. */
const field = (selector) => page.$eval(selector, (el) => {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return {
    validationMessage: el.validationMessage,
    invalid: el.getAttribute('aria-invalid'),
    describedBy: ids,
    described: ids.map((id) => { const d = document.getElementById(id); return d && !d.hidden ? d.textContent : null; }),
    codes: el.dataset.badgeRulesCodes ?? null,
  };
});

before(async () => {
  project = consumer('form');
  copy(project.root, 'form');
  br = await import(pathToFileURL(join(project.root, 'node_modules', 'badge-rules', 'node.mjs')).href);
  server = await serve(project.root);
  browser = await chromium();
  page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(server.origin)) foreign.push(r.url()); });
  await page.goto(`${server.origin}/form/`);
  await page.waitForFunction(() => document.getElementById('state').textContent === 'bound', null, { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  server?.close();
  project?.remove();
});

test('bound at once: the empty price is invalid (BA2), in Polish, and the form does not submit', async () => {
  const price = await field(PRICE);
  const ba2 = messages({ campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '12345678' } }, 'pl', 'BA2');
  assert.ok(ba2.length > 0);
  assert.equal(price.validationMessage, ba2);
  assert.equal(price.invalid, 'true');
  assert.equal(price.codes, 'BA2');
  assert.deepEqual(price.describedBy.slice(0, 1), ['price-hint'], 'the field\'s own description is kept first');
  assert.deepEqual(price.described, ['Kwota w PLN, np. 99.99', ba2]);
  await page.click('button');
  assert.equal(await page.evaluate(() => window.submits), 0);
});

test('typing a price too high for the sandbox: BA49 on that field, with its Polish message', async () => {
  await page.fill(PRICE, '130.00');
  const price = await field(PRICE);
  const ba49 = messages(request('130.00'), 'pl', 'BA49');
  assert.match(ba49, /./);
  assert.notEqual(ba49, messages(request('130.00'), 'en', 'BA49'));
  assert.deepEqual([price.validationMessage, price.invalid, price.codes, price.described[1]], [ba49, 'true', 'BA49', ba49]);
  // The other fields are valid and untouched.
  const offer = await field('[name="offer.id"]');
  assert.deepEqual([offer.validationMessage, offer.invalid, offer.describedBy], ['', null, []]);
  assert.equal(await page.$eval('form', (f) => f.checkValidity()), false);
});

test('a price that passes clears the field: no message, no aria-invalid, its own description only; the form submits', async () => {
  await page.fill(PRICE, '100.00');
  const price = await field(PRICE);
  assert.deepEqual(price, { validationMessage: '', invalid: null, describedBy: ['price-hint'], described: ['Kwota w PLN, np. 99.99'], codes: null });
  assert.equal(await page.$eval('form', (f) => f.checkValidity()), true);
  await page.click('button');
  assert.equal(await page.evaluate(() => window.submits), 1);
  assert.equal(await page.evaluate(() => window.binding.result.valid), true);
});

test('a violation of another field lands on that field (a purchase limit of 0 is BB7)', async () => {
  await page.fill(LIMIT, '0');
  const limit = await field(LIMIT);
  const bb7 = messages(request('100.00', { purchaseConstraints: { limit: { perUser: { maxItems: '0' } } } }), 'pl', 'BB7');
  assert.deepEqual([limit.validationMessage, limit.invalid, limit.codes], [bb7, 'true', 'BB7']);
  assert.equal((await field(PRICE)).invalid, null);
  await page.fill(LIMIT, '');
  assert.equal((await field(LIMIT)).invalid, null);
});

test('the messages follow the page\'s language', async () => {
  await page.evaluate(() => { document.documentElement.lang = 'en'; });
  await page.fill(PRICE, '130.00');
  assert.equal((await field(PRICE)).validationMessage, messages(request('130.00'), 'en', 'BA49'));
  await page.evaluate(() => { document.documentElement.lang = 'pl'; });
  await page.fill(PRICE, '100.00');
});

test('a Polish form reads a price as the seller types it (130,00 is 130.00: BA49, not BB6), with parseAmount', async () => {
  await page.fill(PRICE, '130,00');
  const price = await field(PRICE);
  assert.deepEqual([price.invalid, price.codes], ['true', 'BA49']);
  assert.equal(await page.evaluate(() => window.binding.result.document.request.prices.bargain.amount), '130.00');
  await page.fill(PRICE, '99,99');
  assert.equal((await field(PRICE)).invalid, null);
  // What cannot be read is sent as typed, for the engine's BB6.
  await page.fill(PRICE, '99,9 9');
  assert.equal(await page.evaluate(() => window.binding.result.document.request.prices.bargain.amount), '99,9 9');
  assert.equal((await field(PRICE)).codes, 'BB6');
});

test('an input error of the context goes to the summary, with its code', async () => {
  await page.evaluate(() => { window.context = { ...window.context, campaigns: [{ name: 'no id' }] }; });
  await page.fill(PRICE, '100.01');
  const summary = await page.$eval('[data-badge-rules-summary]', (s) => [s.hidden, [...s.children].map((c) => [c.dataset.badgeRulesCode, c.textContent])]);
  assert.deepEqual(summary, [false, [['MISSING_FIELD', 'campaigns[0].id: brak wymaganego pola id']]]);
  assert.equal(await page.evaluate(() => window.binding.result.error.code), 'MISSING_FIELD');
});

test('detach() removes the listeners, the messages and the message elements', async () => {
  await page.evaluate((context) => { window.context = context; }, CONTEXT);
  await page.fill(PRICE, '130.00');
  assert.equal((await field(PRICE)).invalid, 'true');
  await page.evaluate(() => window.binding.detach());
  assert.deepEqual(await field(PRICE), { validationMessage: '', invalid: null, describedBy: ['price-hint'], described: ['Kwota w PLN, np. 99.99'], codes: null });
  assert.equal(await page.$$eval('.badge-rules-message', (els) => els.length), 0);
  await page.fill(PRICE, '150.00');
  assert.equal((await field(PRICE)).invalid, null, 'no longer checked');
  assert.deepEqual([errors, foreign], [[], []]);
});

test('parseAmount is the form\'s own money reading (www/src/money.ts readAmount), in Polish and English', async () => {
  const { parseAmount } = await import(pathToFileURL(join(project.root, 'node_modules', 'badge-rules', 'form.js')).href);
  const ts = createRequire(join(tools, 'package.json'))('typescript');
  const source = readFileSync(join(root, 'www', 'src', 'money.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const { readAmount } = await import(`data:text/javascript,${encodeURIComponent(outputText)}`);
  const typed = ['99,99', '99.99', ' 100.00 ', '\t100,00\n', '\u00a012,50\u202f', '1 000,00', '1\u00a0000,00', '1.000,00', '1,000.00',
    '1.234.567,89', '1,234,567.89', '1.000.000', '1,000,000', '100', '0,01', '-5,00', '\u22125,00', '1,000', '9,999',
    '', '   ', 'abc', '12,3,4', '1.2.3', '12 3', '1 2345', ',5', '5,', '99,9 9', '1e3', '+5', '99,99 zł', 'NaN'];
  for (const text of typed) {
    for (const lang of ['pl', 'en']) assert.equal(parseAmount(text, lang), readAmount(text), `${JSON.stringify(text)} ${lang}`);
  }
  assert.equal(parseAmount('99,99', 'pl'), '99.99');
  assert.equal(parseAmount('1 000,50', 'pl'), '1000.50');
  assert.equal(parseAmount('99,99 zł', 'pl'), null);
});

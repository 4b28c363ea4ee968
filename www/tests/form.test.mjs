// The form in a real browser: Debian's Chromium driven by playwright-core
// loads the built site (www/dist, `make www`) from a local static server and
// is used as a seller would: typing, pasting, switching language and tabs, by
// keyboard alone, at desktop and phone widths. Every page must make no request
// outside 127.0.0.1 and log no console error. Screenshots of the accepted and
// rejected states go to www/test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { builtInCampaigns, check, checkJson, languages } from 'badge-rules';
import { artifacts, form } from './browser.mjs';

const HINT = '80.00–120.00 PLN passes SANDBOX_TEST_CAMPAIGN';

/** A fresh page on the form, watched for foreign requests, failed requests and console errors. */
const { open } = form({ viewport: { width: 1280, height: 900 }, failedRequests: true });

/** The text of the elements a control's aria-describedby names. */
async function describedBy(page, selector) {
  return page.$eval(selector, (el) => (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `#${id} missing`).join(' | '));
}

async function messagesAt(page, selector) {
  return page.$eval(selector, (el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-msg'));
    return [...ids.flatMap((id) => [...document.getElementById(id).querySelectorAll('.violation')])]
      .map((v) => ({ code: v.dataset.code ?? null, text: v.textContent }));
  });
}

const invalid = (page, selector) => page.getAttribute(selector, 'aria-invalid');
const verdict = (page, key = 'a') => page.getAttribute(`#${key}-verdict`, 'data-state');

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: join(artifacts, name), fullPage });
}

/** The engine's own message for a sandbox application at `amount`, in `lang`. */
function engineMessage(amount, lang) {
  const report = check({
    kind: 'application',
    now: '2026-11-23T12:00:00Z',
    request: { campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '12345678' }, prices: { bargain: { amount, currency: 'PLN' } } },
    campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
    metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
  }, { lang });
  return report.violations[0];
}

test('the first validated result comes at once, with the passing range before any price is typed', async (t) => {
  const { page, wall, done } = await open(t);
  const firstResult = Number(await page.getAttribute('html', 'data-first-result-ms'));
  const line = `time from navigation to the first validated result: ${firstResult.toFixed(1)} ms (page clock); ` +
    `navigation to a ready form, measured by the test: ${wall} ms`;
  t.diagnostic(line);
  assert.ok(firstResult > 0 && firstResult < 10_000, String(firstResult));

  assert.equal(await page.textContent('#a-hint strong'), HINT);
  assert.match(await describedBy(page, '#a-bargain'), new RegExp(HINT));
  // The built-in campaign and its terms are the package's.
  assert.match(await page.textContent('#a-campaign-info'), /Discount against the lowest price of 30 days: 40\u00a0%–60\u00a0%/);
  // Nothing typed yet: the empty price is something to fill in, not an error
  // (the result lists BA2; nothing is said at the untouched field).
  assert.equal(await verdict(page), 'TODO');
  assert.equal(await page.getAttribute('#a-verdict', 'data-verdict'), 'REJECT');
  assert.equal(await invalid(page, '#a-bargain'), null);
  assert.deepEqual(await messagesAt(page, '#a-bargain'), []);
  assert.deepEqual(await page.$$eval('#a-problems li', (lis) => lis.map((li) => li.dataset.code)), ['BA2']);
  assert.equal(await page.title(), 'badge-rules · pre-flight');
  done();
});

test('a bargain price inside the sandbox window passes; one grosz outside on either side is refused at the field', async (t) => {
  const { page, done } = await open(t);
  await page.click('#a-bargain');
  await page.keyboard.type('100.00');
  assert.equal(await verdict(page), 'ACCEPT');
  assert.equal(await invalid(page, '#a-bargain'), null);
  assert.deepEqual(await messagesAt(page, '#a-bargain'), []);
  assert.equal(await page.textContent('#a-verdict-text'), 'Allegro would accept this');
  assert.deepEqual(JSON.parse(await page.textContent('#a-body')), {
    campaign: { id: 'SANDBOX_TEST_CAMPAIGN' },
    offer: { id: '12345678' },
    prices: { bargain: { amount: '100.00', currency: 'PLN' } },
  });
  assert.equal(await page.textContent('#a-endpoint'), 'POST /sale/badges');
  await shot(page, 'accepted.png');

  // Too shallow: 120.01 is a 39.995 % discount.
  await page.fill('#a-bargain', '120.01');
  assert.equal(await verdict(page), 'REJECT');
  assert.equal(await invalid(page, '#a-bargain'), 'true');
  let at = await messagesAt(page, '#a-bargain');
  assert.deepEqual(at.map((m) => m.code), ['BA49']);
  assert.match(at[0].text, /Given bargain discount is too low/);
  assert.match(at[0].text, /discount 39\.99\u00a0%/);
  assert.match(await describedBy(page, '#a-bargain'), new RegExp(HINT));
  assert.equal(await page.getAttribute('#a-problems li', 'data-path'), 'prices.bargain.amount');
  await shot(page, 'rejected-too-shallow.png');
  await page.setViewportSize({ width: 1200, height: 1440 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'form.png', false);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Too deep: 79.99 is a 60.005 % discount.
  await page.fill('#a-bargain', '79.99');
  at = await messagesAt(page, '#a-bargain');
  assert.deepEqual(at.map((m) => m.code), ['BA50']);
  assert.match(at[0].text, /Given bargain discount is too high/);
  assert.equal(await invalid(page, '#a-bargain'), 'true');
  await shot(page, 'rejected-too-deep.png');

  // Both ends of the window pass.
  for (const edge of ['80.00', '120.00']) {
    await page.fill('#a-bargain', edge);
    assert.equal(await verdict(page), 'ACCEPT', edge);
    assert.equal(await invalid(page, '#a-bargain'), null, edge);
  }

  // A decimal comma is read (and sent as 99.99); what cannot be read, and a
  // foreign currency, are Allegro's synchronous answers, each at its own field.
  await page.fill('#a-bargain', '99,99');
  assert.equal(await verdict(page), 'ACCEPT');
  assert.equal(JSON.parse(await page.textContent('#a-body')).prices.bargain.amount, '99.99');
  await page.fill('#a-bargain', '12,3,4');
  assert.deepEqual((await messagesAt(page, '#a-bargain')).map((m) => m.code), ['BB6']);
  assert.equal(JSON.parse(await page.textContent('#a-body')).prices.bargain.amount, '12,3,4');
  await page.fill('#a-bargain', '99.99');
  await page.selectOption('#a-currency', 'EUR');
  assert.deepEqual((await messagesAt(page, '#a-currency')).map((m) => m.code), ['BB5']);
  assert.equal(await invalid(page, '#a-currency'), 'true');
  assert.equal(await invalid(page, '#a-bargain'), null, 'the amount itself is fine');
  done();
});

test('Polski/English switches every message: Allegro’s from the engine, the form’s own labels', async (t) => {
  const { page, done } = await open(t);
  await page.fill('#a-bargain', '130.00');
  const english = engineMessage('130.00', 'en');
  const polish = engineMessage('130.00', 'pl');
  assert.match((await messagesAt(page, '#a-bargain'))[0].text, new RegExp(english.message.slice(0, 30)));

  const sandbox = (lang) => builtInCampaigns(lang).find((b) => b.campaign.id === 'SANDBOX_TEST_CAMPAIGN').campaign.name;
  const sandboxOption = () => page.textContent('#a-campaign option[value="SANDBOX_TEST_CAMPAIGN"]');
  assert.equal(await sandboxOption(), `SANDBOX_TEST_CAMPAIGN — ${sandbox('en')} (DISCOUNT)`);
  await page.click('button[data-lang="pl"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  assert.equal(await page.getAttribute('button[data-lang="pl"]', 'aria-pressed'), 'true');
  // The built-in campaign's name is the package's, in the language shown.
  assert.notEqual(sandbox('pl'), sandbox('en'));
  assert.equal(await sandboxOption(), `SANDBOX_TEST_CAMPAIGN — ${sandbox('pl')} (DISCOUNT)`);
  assert.equal(await page.textContent('#u-campaign option[value="SANDBOX_TEST_CAMPAIGN"]'), await sandboxOption());
  const at = await messagesAt(page, '#a-bargain');
  assert.equal(at[0].code, 'BA49');
  assert.ok(at[0].text.includes(polish.message), `${at[0].text} should hold ${polish.message}`);
  assert.match(at[0].text, /obniżka 35\u00a0%/);
  assert.equal(await page.textContent('label[for="a-bargain"]'), 'Cena zniżkowa');
  assert.equal(await page.textContent('#tab-application .tab-title'), 'Zgłoszenie');
  assert.equal(await page.textContent('#a-verdict-text'), 'Allegro odrzuci to zgłoszenie');
  assert.equal(await page.textContent('#a-hint strong'), '80,00–120,00 zł przejdzie w SANDBOX_TEST_CAMPAIGN');
  assert.equal(await page.textContent('#a-problems li .meta a'), 'Cena zniżkowa');
  // No English label is left anywhere on the page, in any tab.
  const text = await page.evaluate(() => {
    for (const p of document.querySelectorAll('[role="tabpanel"]')) p.hidden = false;
    return document.body.innerText;
  });
  for (const english of ['Bargain price', 'Your account', 'Offer ID', 'Allegro would', 'Not known', 'Current price',
    'Request body', 'Level reached', 'Badge status', 'What to do', 'Copy', 'Example data', 'Lowest price']) {
    assert.ok(!text.includes(english), `"${english}" is still shown in Polish`);
  }
  await page.evaluate(() => {
    for (const p of document.querySelectorAll('[role="tabpanel"]')) p.hidden = p.id !== 'panel-application';
  });
  await shot(page, 'rejected-polish.png');

  await page.click('button[data-lang="en"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok((await messagesAt(page, '#a-bargain'))[0].text.includes(english.message));
  assert.equal(await page.textContent('label[for="a-bargain"]'), 'Bargain price');
  done();
});

test('the language picker offers every language of the package, each named in itself', async (t) => {
  const { page, done } = await open(t);
  const offered = await page.$$eval('.langs button', (bs) => bs.map((b) => [b.dataset.lang, b.lang, b.textContent]));
  assert.deepEqual(offered.map(([code]) => code), languages());
  assert.deepEqual(offered.map(([, lang]) => lang), languages());
  const names = Object.fromEntries(offered.map(([code, , name]) => [code, name]));
  assert.equal(names.en, 'English');
  assert.equal(names.pl, 'Polski');
  assert.equal(new Set(Object.values(names)).size, offered.length, 'every language has a name of its own');
  done();
});

test('a Polish browser gets the Polish form', async (t) => {
  const { page, done } = await open(t, { locale: 'pl-PL' });
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  assert.equal(await page.textContent('#a-hint strong'), '80,00–120,00 zł przejdzie w SANDBOX_TEST_CAMPAIGN');
  done();
});

test('a pasted GET /sale/badge-campaigns response lists its campaigns with type and application window', async (t) => {
  const { page, done } = await open(t);
  const day = 24 * 3600 * 1000;
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const response = {
    badgeCampaigns: [
      {
        id: 'SPRING_DEAL', name: 'Wiosenna okazja', type: 'DISCOUNT', marketplace: { id: 'allegro-pl' },
        eligibility: { eligible: true, refusalReasons: [] },
        application: { type: 'WITHIN', from: iso(Date.now() - 10 * day), to: iso(Date.now() + 10 * day) },
        publication: { type: 'ALWAYS' }, visibility: { type: 'ALWAYS' }, stockReservationIsRequired: false,
      },
      {
        id: 'HIT', name: 'Hit', type: 'STANDARD', marketplace: { id: 'allegro-pl' },
        eligibility: { eligible: false, refusalReasons: [{ code: 'BB1', messages: [{ text: 'The account does not meet the quality criteria' }] }] },
        application: { type: 'NEVER' }, visibility: { type: 'ALWAYS' }, publication: { type: 'SINCE', from: '2018-11-04T23:00:00Z' },
      },
    ],
  };
  await page.click('#a-campaigns-details summary');
  await page.fill('#a-campaigns-json', '{"badgeCampaigns": [');
  assert.match(await page.textContent('#a-campaigns-status'), /This is not JSON/);
  assert.equal(await verdict(page), 'TODO', 'a half-pasted response leaves the form working');
  await page.fill('#a-campaigns-json', JSON.stringify(response, null, 2));
  assert.equal(await page.textContent('#a-campaigns-status'), '2 campaigns read from your response.');

  const rows = await page.$$eval('#a-campaigns-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 2);
  assert.equal(rows[0][0], 'SPRING_DEAL Wiosenna okazja');
  assert.equal(rows[0][1], 'DISCOUNT');
  assert.match(rows[0][2], /\d{4}.* – .*\d{4}/);
  assert.deepEqual(rows[1].slice(1), ['STANDARD', 'closed']);
  const options = await page.$$eval('#a-campaign option', (os) => os.map((o) => o.value));
  assert.deepEqual(options, ['SANDBOX_TEST_CAMPAIGN', 'SPRING_DEAL', 'HIT']);
  assert.equal(await page.inputValue('#a-campaign'), 'SPRING_DEAL', 'the first pasted campaign is chosen');
  assert.match(await page.textContent('#a-campaign-info'), /DISCOUNT/);
  assert.match(await page.textContent('#a-hint strong'), /passes SPRING_DEAL$/);

  await page.fill('#a-bargain', '150.00');
  // A DISCOUNT campaign whose regulations' depth is not given is never an
  // ACCEPT: its depth rules are skipped, pointing at the terms fields.
  assert.equal(await verdict(page), 'INCOMPLETE');
  const skippedDepth = await page.$$eval('#a-skipped li', (lis) => lis.map((li) => [li.dataset.code, li.dataset.missing]));
  assert.ok(skippedDepth.some(([c, m]) => c === 'BA49' && m === 'terms.discount.minPercent'), JSON.stringify(skippedDepth));
  assert.ok(skippedDepth.some(([c, m]) => c === 'BA50' && m === 'terms.discount.maxPercent'), JSON.stringify(skippedDepth));
  await page.$eval('#a-bargain', (el) => el.blur()); // its re-check on blur would replace the link under the click
  await page.click('#a-skipped li[data-code="BA49"] a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'a-terms-min');
  assert.equal(await page.$('#a-campaign-info a'), null, 'no regulationsLink, no link');
  // The terms given: the engine answers. 150.00 of a 200.00 market price is 25% off.
  await page.fill('#a-terms-min', '30');
  await page.fill('#a-terms-max', '70');
  assert.equal(await verdict(page), 'REJECT');
  assert.ok((await messagesAt(page, '#a-bargain')).some((m) => m.code === 'BA49'));
  await page.fill('#a-terms-min', '0');
  await page.fill('#a-terms-max', '100');
  assert.equal(await verdict(page), 'ACCEPT');
  const doc = await page.textContent('#a-doc');
  assert.equal(doc.includes('"SPRING_DEAL"'), true);
  assert.match(doc, /"minPercent": "0"/);
  await page.fill('#a-terms-min', '');
  await page.fill('#a-terms-max', '');

  // HIT: applications closed, and Allegro's refusal for this account.
  await page.selectOption('#a-campaign', 'HIT');
  assert.equal(await verdict(page), 'REJECT');
  assert.equal(await invalid(page, '#a-campaign'), 'true');
  const codes = (await messagesAt(page, '#a-campaign')).map((m) => m.code);
  assert.ok(codes.includes('BA11') && codes.includes('BB1'), codes.join(' '));
  assert.deepEqual((await messagesAt(page, '#a-bargain')).map((m) => m.code), ['BA3']);

  // The update tab offers the pasted campaigns too.
  const updateOptions = await page.$$eval('#u-campaign option', (os) => os.map((o) => o.value));
  assert.deepEqual(updateOptions, ['SANDBOX_TEST_CAMPAIGN', 'SPRING_DEAL', 'HIT']);
  // A new price for a SPRING_DEAL badge: its depth unknown, INCOMPLETE at the terms fields; given, the engine answers.
  await page.click('#tab-update');
  await page.selectOption('#u-campaign', 'SPRING_DEAL');
  await page.fill('#u-bargain', '150.00');
  assert.equal(await verdict(page, 'u'), 'INCOMPLETE');
  const uSkipped = await page.$$eval('#u-skipped li', (lis) => lis.map((li) => [li.dataset.code, li.dataset.missing, li.querySelector('a')?.getAttribute('href')]));
  assert.ok(uSkipped.some(([c, m, href]) => c === 'BA49' && m === 'terms.discount.minPercent' && href === '#u-terms-min'), JSON.stringify(uSkipped));
  await page.fill('#u-terms-min', '30');
  await page.fill('#u-terms-max', '70');
  assert.equal(await verdict(page, 'u'), 'REJECT');
  await page.fill('#u-terms-min', '0');
  await page.fill('#u-terms-max', '100');
  assert.equal(await verdict(page, 'u'), 'ACCEPT');
  assert.match(await page.textContent('#u-doc'), /"maxPercent": "100"/);
  await page.click('#tab-application');

  // Allegro's published example: BARGAIN is no longer visible (2020), so it cannot be found.
  await page.click('#a-campaigns-example');
  assert.equal(await page.inputValue('#a-campaign'), 'BARGAIN');
  // Its regulations are linked, as text, never opening a window that can reach back.
  const link = await page.$eval('#a-campaign-info a', (el) => [el.getAttribute('href'), el.getAttribute('rel'), el.textContent, el.children.length]);
  assert.deepEqual(link, ['https://na.allegro.pl/regulamin-kampania-BARGAIN', 'noopener noreferrer', 'https://na.allegro.pl/regulamin-kampania-BARGAIN', 0]);
  assert.deepEqual((await messagesAt(page, '#a-campaign')).map((m) => m.code), ['BA10']);
  await shot(page, 'campaigns-pasted.png');
  done();
});

test('pasted offer JSON fills the offer fields, and the rest of the offer is checked too', async (t) => {
  const { page, done } = await open(t);
  const offer = {
    id: '98765432',
    name: 'Czajnik',
    category: { id: '67890' },
    sellingMode: { format: 'BUY_NOW', price: { amount: '150.00', currency: 'PLN' } },
    stock: { available: 0, unit: 'UNIT' },
    publication: { status: 'ACTIVE' },
    parameters: [{ id: '11323', name: 'Stan', values: ['Nowy'], valuesIds: ['11323_1'] }],
  };
  await page.click('#a-offer-details summary');
  await page.fill('#a-offer-json', JSON.stringify(offer));
  assert.match(await page.textContent('#a-offer-status'), /^Filled from offer 98765432\./);
  assert.equal(await page.inputValue('#a-offer-id'), '98765432');
  assert.equal(await page.inputValue('#a-price'), '150.00');
  assert.equal(await page.inputValue('#a-stock'), '0');
  assert.equal(await page.inputValue('#a-format'), 'BUY_NOW');
  assert.equal(await page.inputValue('#a-status'), 'ACTIVE');
  assert.equal(await page.inputValue('#a-category'), '67890');
  assert.equal(await page.inputValue('#a-listed'), '2026-10-01', 'the single-offer resource has no listing date: the field is kept');
  // The example's 30-day lowest price was another offer's: cleared (unknown), and said.
  assert.equal(await page.inputValue('#a-lowest'), '');
  assert.match(await page.textContent('#a-offer-unknown'), /now unknown\): Lowest price of 30 days/);
  // The offer is the campaign's marketplace's: the document says so.
  assert.match(await page.textContent('#a-doc'), /"base": \{\s*"id": "allegro-pl"/);
  assert.match(await page.textContent('#a-offer-status'), /Kept, as the offer does not give them: Listed/);
  // No stock: BA17, which Allegro blames on the offer.
  assert.deepEqual((await messagesAt(page, '#a-offer-id')).map((m) => m.code), ['BA17']);
  const doc = JSON.parse(await page.textContent('#a-doc'));
  assert.deepEqual(doc.offer.parameters, offer.parameters);
  assert.equal(doc.offer.name, 'Czajnik');
  assert.equal(doc.request.offer.id, '98765432');
  done();
});

test('Clear empties the form, Example data brings the sandbox back; pasted history is checked', async (t) => {
  const { page, done } = await open(t);
  await page.click('text=Clear');
  assert.equal(await page.inputValue('#a-offer-id'), '');
  assert.equal(await page.inputValue('#a-price'), '');
  assert.equal(await page.isVisible('#a-hint'), false, 'no lowest price, no range');
  assert.equal(await verdict(page), 'TODO');
  assert.match(await page.textContent('#a-verdict-text'), /Fill in: .*Offer ID/);
  assert.equal(await invalid(page, '#a-offer-id'), null);
  await page.click('text=Example data');
  assert.equal(await page.inputValue('#a-offer-id'), '12345678');
  assert.equal(await page.textContent('#a-hint strong'), HINT);

  await page.fill('#a-bargain', '100.00');
  await page.check('#a-history-paste');
  assert.equal(await page.isVisible('#a-badges-json'), true);
  assert.equal(await verdict(page), 'INCOMPLETE', 'nothing pasted yet: the history is not known');
  await page.fill('#a-badges-json', JSON.stringify({
    badges: [{ offer: { id: '12345678' }, campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, publication: null, prices: null, process: { status: 'ACTIVE' } }],
  }));
  await page.fill('#a-applications-json', JSON.stringify({ badgeApplications: [] }));
  assert.equal(await page.textContent('#a-badges-json-help'), 'Badges read: 1.', 'what was read, by name (issue 23: "1 read." said not of what)');
  assert.equal(await verdict(page), 'REJECT');
  assert.ok((await page.$$eval('#a-problems li', (lis) => lis.map((li) => li.dataset.code))).includes('BA15'));
  done();
});

test('skipped checks say what they need, and context that cannot be checked is shown at its field', async (t) => {
  const { page, done } = await open(t);
  await page.fill('#a-bargain', '100.00');
  await page.selectOption('#a-company', '');
  await page.check('#a-history-unknown');
  assert.equal(await verdict(page), 'INCOMPLETE');
  const skipped = await page.$$eval('#a-skipped li', (lis) => lis.map((li) => [li.dataset.code, li.dataset.missing, li.querySelector('.meta').textContent]));
  const bb2 = skipped.find(([code]) => code === 'BB2');
  assert.deepEqual(bb2.slice(0, 2), ['BB2', 'account.company']);
  assert.match(bb2[2], /needs Company account/);
  assert.ok(skipped.some(([code, missing]) => code === 'BB12' && missing === 'applications'));
  // The link takes the keyboard to the field.
  await page.click('#a-skipped li[data-code="BB2"] a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'a-company');

  // An offer priced in EUR for a PLN campaign is the integrator's mistake: an input error, at the field.
  await page.selectOption('#a-offer-currency', 'EUR');
  assert.equal(await verdict(page), 'ERROR');
  assert.equal(await invalid(page, '#a-offer-currency'), 'true');
  assert.match(await describedBy(page, '#a-offer-currency'), /EUR differs from the campaign's currency PLN/);
  done();
});

test('the badge update tab (PATCH): reached by keyboard, checked live, with its exact body', async (t) => {
  const { page, done } = await open(t);
  await page.focus('#tab-application');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-update', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-update');
  assert.equal(await page.isVisible('#u-bargain'), true);
  assert.equal(await page.isVisible('#a-bargain'), false);
  assert.equal(await verdict(page, 'u'), 'TODO');

  await page.fill('#u-bargain', '70.00');
  assert.deepEqual((await messagesAt(page, '#u-bargain')).map((m) => m.code), ['BA50']);
  assert.equal(await invalid(page, '#u-bargain'), 'true');
  await page.fill('#u-bargain', '90.00');
  assert.equal(await verdict(page, 'u'), 'ACCEPT');
  assert.equal(await page.textContent('#u-endpoint'), 'PATCH /sale/badges/offers/12345678/campaigns/SANDBOX_TEST_CAMPAIGN');
  assert.deepEqual(JSON.parse(await page.textContent('#u-body')), { prices: { bargain: { value: { amount: '90.00', currency: 'PLN' } } } });

  await page.check('#u-action-finish');
  assert.equal(await page.isVisible('#u-bargain'), false);
  assert.deepEqual(JSON.parse(await page.textContent('#u-body')), { process: { status: 'FINISHED' } });
  assert.equal(await verdict(page, 'u'), 'ACCEPT');
  await page.selectOption('#u-badge-status', 'FINISHED');
  assert.deepEqual((await messagesAt(page, '#u-action-finish')).map((m) => m.code), ['BA77']);
  await page.selectOption('#u-badge-status', 'none');
  assert.deepEqual((await messagesAt(page, '#u-offer-id')).map((m) => m.code), ['BA62']);
  await shot(page, 'update-rejected.png');
  assert.equal(new URL(page.url()).hash, '#update');
  done();
});

/**
 * The panel "Allegro's answer" of tab `key` shows exactly the package's
 * `checkJson(document, {format: "allegro"})` of the document the tab checked:
 * its status, request and body, and the later lookup.
 */
async function allegroPanelIsThePackages(page, key, lang) {
  const line = checkJson(await page.textContent(`#${key}-doc`), { format: 'allegro', lang });
  const response = JSON.parse(line);
  assert.equal(JSON.stringify(response), line, 'the response survives JSON.parse');
  assert.equal(await page.getAttribute(`#${key}-allegro`, 'data-status'), String(response.status));
  assert.equal(await page.getAttribute(`#${key}-allegro`, 'data-outcome'), response.outcome);
  assert.equal(await page.textContent(`#${key}-allegro-request`), `HTTP ${response.status} · ${response.request}`);
  assert.equal(await page.textContent(`#${key}-allegro-body`), JSON.stringify(response.body, null, 2));
  assert.equal(await page.isHidden(`#${key}-allegro-then`), response.then === null);
  if (response.then) {
    assert.equal(await page.textContent(`#${key}-allegro-then-request`), `HTTP ${response.then.status} · ${response.then.request}`);
    assert.equal(await page.textContent(`#${key}-allegro-then-body`), JSON.stringify(response.then.body, null, 2));
  }
  return response;
}

test('Allegro’s answer beside the report: 202 then DECLINED with BA49, or 422 with BB5, exactly the package’s', async (t) => {
  const { page, done } = await open(t);
  // A too-shallow discount: accepted at once, declined later.
  await page.fill('#a-bargain', '130.00');
  assert.equal(await page.isVisible('#a-allegro'), true);
  assert.equal(await page.textContent('#a-allegro h3'), 'Allegro’s answer');
  assert.equal(await page.getAttribute('#a-allegro', 'data-status'), '202');
  assert.equal(await page.textContent('#a-allegro-request'), 'HTTP 202 · POST /sale/badges');
  assert.equal(await page.textContent('#a-allegro-then-title'), 'Later: GET /sale/badge-applications/{applicationId}');
  const later = JSON.parse(await page.textContent('#a-allegro-then-body'));
  assert.equal(later.process.status, 'DECLINED');
  assert.deepEqual(later.process.rejectionReasons.map((r) => r.code), ['BA49']);
  assert.equal(later.process.rejectionReasons[0].messages[0].text, engineMessage('130.00', 'en').message);
  await allegroPanelIsThePackages(page, 'a', 'en');

  // A bargain price in EUR: refused at once, with Allegro's current text.
  await page.fill('#a-bargain', '100.00');
  await page.selectOption('#a-currency', 'EUR');
  assert.equal(await page.getAttribute('#a-allegro', 'data-status'), '422');
  assert.equal(await page.getAttribute('#a-allegro', 'data-outcome'), 'error');
  assert.equal(await page.isHidden('#a-allegro-then'), true);
  const { errors } = JSON.parse(await page.textContent('#a-allegro-body'));
  assert.deepEqual(errors.map((e) => e.code), ['BB5']);
  assert.equal(errors[0].message, 'Currency not supported.');
  assert.equal(errors[0].path, 'prices.bargain.currency');
  await allegroPanelIsThePackages(page, 'a', 'en');
  await page.locator('#a-allegro').screenshot({ path: join(artifacts, 'allegro-422.png') });

  // In Polish: the panel's words and the userMessage follow the language.
  await page.click('button[data-lang="pl"]');
  assert.equal(await page.textContent('#a-allegro h3'), 'Odpowiedź Allegro');
  const polish = await allegroPanelIsThePackages(page, 'a', 'pl');
  assert.equal(polish.body.errors[0].message, 'Currency not supported.');
  assert.notEqual(polish.body.errors[0].userMessage, 'Currency not supported.');

  // The badge update tab has the panel too: a price change, accepted then processed.
  await page.click('#tab-update');
  await page.fill('#u-bargain', '90.00');
  const update = await allegroPanelIsThePackages(page, 'u', 'pl');
  assert.equal(update.request, 'PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}');
  assert.equal(update.status, 202);
  assert.equal(update.then.request, 'GET /sale/badge-operations/{operationId}');
  assert.equal(await page.textContent('#u-allegro-then-title'), 'Później: GET /sale/badge-operations/{operationId}');
  // The Ads Partner tab sends nothing to Allegro: no panel.
  assert.equal(await page.$('#p-allegro'), null);
  done();
});

test('the Ads Partner tab: the level reached, what the next one lacks, the benefits', async (t) => {
  const { page, done } = await open(t, { path: '/#partner' });
  assert.equal(await page.getAttribute('#tab-partner', 'aria-selected'), 'true');
  assert.equal(await page.getAttribute('#p-level', 'data-level'), 'PARTNER');
  assert.equal(await page.textContent('#p-level'), 'II · Allegro Ads Partner');
  const lacking = await page.$$eval('#p-problems li', (lis) => lis.map((li) => li.dataset.code));
  assert.deepEqual(lacking, ['ADS_ACTIVE_CUSTOMERS', 'ADS_QUARTERLY_SPEND', 'ADS_TOOLS', 'ADS_PARTNER_PLUS_LOGO']);
  assert.match((await messagesAt(page, '#p-customers'))[0].text, /2/);
  assert.match((await messagesAt(page, '#p-spend'))[0].text, /150,000\.00 PLN/);
  // Example data, not touched yet: what the next level lacks is said at the fields, nothing is red.
  assert.equal(await invalid(page, '#p-tool-graphic'), null);
  assert.equal(await invalid(page, '#p-customers'), null);
  assert.deepEqual((await messagesAt(page, '#p-tool-graphic')).map((m) => m.code), ['ADS_TOOLS']);
  assert.equal(await page.$$eval('#panel-partner form [aria-invalid="true"], #panel-partner form .is-invalid', (els) => els.length), 0);
  assert.equal((await page.$$('#p-benefits li')).length, 8);

  await page.fill('#p-customers', '6');
  await page.fill('#p-spend', '400000.00');
  await page.check('#p-tool-graphic');
  await page.check('#p-plus-logo');
  assert.equal(await page.getAttribute('#p-level', 'data-level'), 'PARTNER_PLUS');
  assert.equal(await verdict(page, 'p'), 'ACCEPT');
  assert.equal(await invalid(page, '#p-customers'), null);
  assert.equal((await page.$$('#p-benefits li')).length, 9);

  await page.uncheck('#p-business');
  assert.equal(await page.getAttribute('#p-level', 'data-level'), 'NONE');
  assert.deepEqual((await messagesAt(page, '#p-business')).map((m) => m.code), ['ADS_BUSINESS_ACCOUNT']);
  assert.equal(await invalid(page, '#p-business'), 'true', 'touched: now an error');
  await page.click('button[data-lang="pl"]');
  assert.match((await messagesAt(page, '#p-business'))[0].text, /firm/i);
  await shot(page, 'partner.png');
  done();
});

test('the copy button puts the exact body on the clipboard', async (t) => {
  const { page, done } = await open(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.fill('#a-bargain', '100.00');
  await page.click('#a-copy');
  await page.waitForFunction(() => document.getElementById('a-copy-status').textContent !== '');
  assert.equal(await page.textContent('#a-copy-status'), 'Copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.textContent('#a-body'));
  assert.deepEqual(JSON.parse(copied).prices.bargain, { amount: '100.00', currency: 'PLN' });
  done();
});

test('usable by keyboard alone: Tab reaches the price, typing checks it', async (t) => {
  const { page, done } = await open(t);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  let steps = 0;
  while (await page.evaluate(() => document.activeElement.id) !== 'a-bargain') {
    await page.keyboard.press('Tab');
    assert.ok(++steps < 40, 'the bargain price is reachable with Tab');
  }
  await page.keyboard.type('110.00');
  assert.equal(await verdict(page), 'ACCEPT');
  await page.keyboard.press('Enter'); // no submit, no reload
  assert.equal(await page.inputValue('#a-bargain'), '110.00');
  // The language switch and the tabs are buttons in the tab order.
  const order = [];
  await page.focus('#a-bargain');
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Shift+Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.dataset.lang || document.activeElement.tagName));
    if (order.at(-1) === 'pl') break;
  }
  assert.ok(order.includes('tab-application'), order.join(' '));
  assert.equal(order.at(-1), 'pl');
  done();
});

test('readable on a phone: one column, no sideways scrolling, the verdict kept in view', async (t) => {
  const { page, done } = await open(t, { viewport: { width: 375, height: 740 } });
  await page.fill('#a-bargain', '120.01');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width}px wide`);
  assert.equal(await page.isVisible('#a-mini'), true);
  assert.match(await page.textContent('#a-mini'), /Allegro would refuse this/);
  const box = await page.$eval('#a-mini', (el) => el.getBoundingClientRect().bottom);
  assert.ok(Math.abs(box - 740) < 2, `the verdict bar is at the bottom (${box})`);
  await shot(page, 'phone-rejected.png', false);
  await page.fill('#a-bargain', '100.00');
  await shot(page, 'phone-accepted.png', false);
  done();
});

test('Allegro Prices on the Application tab: the example says the offer is not in it; "it is" sends it discounted on the campaign\'s marketplace (BA24); not checked sends nothing', async (t) => {
  const { page, done } = await open(t);
  const doc = async () => JSON.parse(await page.textContent('#a-doc'));
  const codes = () => page.$$eval('#a-problems li', (lis) => lis.map((li) => li.dataset.code));
  await page.click('#a-bargain');
  await page.keyboard.type('100.00');
  // The built-in example: not in Allegro Prices, an empty answer.
  assert.equal(await page.isChecked('#a-allegro-prices-no'), true);
  assert.deepEqual((await doc()).allegroPrices, { offers: [] });
  assert.equal(await verdict(page), 'ACCEPT');
  // In it: the offer listed on the campaign's marketplace with a price reduction now, and Allegro refuses with BA24.
  await page.check('#a-allegro-prices-yes');
  assert.deepEqual((await doc()).allegroPrices,
    { offers: [{ id: '12345678', marketplace: { id: 'allegro-pl' }, actualPriceReduction: {} }] });
  assert.equal(await verdict(page), 'REJECT');
  assert.ok((await codes()).includes('BA24'), String(await codes()));
  // Not checked: no answer sent; the verdict is the package's for that document.
  await page.check('#a-allegro-prices-unknown');
  const unknown = await doc();
  assert.equal('allegroPrices' in unknown, false);
  assert.equal(await page.getAttribute('#a-verdict', 'data-verdict'), check(unknown).verdict);
  assert.ok(!(await codes()).includes('BA24'));
  // Unseen, BA24 cannot be checked: INCOMPLETE, BA24 listed as needing allegroPrices.
  assert.equal(await verdict(page), 'INCOMPLETE');
  assert.deepEqual(await page.$$eval('#a-skipped li[data-code="BA24"]', (lis) => lis.map((li) => li.dataset.missing)), ['allegroPrices']);
  // The labels in Polish.
  await page.click('button[data-lang="pl"]');
  assert.match(await page.textContent('#a-allegro-prices-field legend'), /^Allegro Ceny na rynku kampanii$/);
  assert.match(await page.textContent('label[for="a-allegro-prices-no"]'), /nie jest w Allegro Ceny/);
  done();
});

test('the Ads Partner tab, cleared: an unticked box is "no" (the level NONE, what it lacks in the result), not a field to fill in', async (t) => {
  const { page, done } = await open(t, { path: '/#partner' });
  await page.click('#panel-partner .toolbar button:nth-child(2)');
  assert.equal(await page.isChecked('#p-business'), false);
  assert.notEqual(await verdict(page, 'p'), 'TODO');
  assert.doesNotMatch(await page.textContent('#p-verdict'), /Fill in/);
  assert.equal(await page.getAttribute('#p-level', 'data-level'), 'NONE');
  assert.ok((await page.$$eval('#p-problems li', (lis) => lis.map((li) => li.dataset.code))).includes('ADS_BUSINESS_ACCOUNT'));
  assert.equal(await invalid(page, '#p-business'), null, 'not touched: not red');
  done();
});

test('only the tab on screen is checked before the first paint; another is checked when it is shown', async (t) => {
  const { page, done } = await open(t);
  assert.equal(await verdict(page), 'TODO');
  // The hidden tabs have not been checked yet: no verdict, no checked-at line.
  assert.equal(await page.getAttribute('#u-verdict', 'data-state'), null);
  assert.equal(await page.getAttribute('#p-verdict', 'data-state'), null);
  assert.equal(await page.textContent('#u-checked-at'), '');
  await page.click('#tab-update');
  assert.notEqual(await page.getAttribute('#u-verdict', 'data-state'), null, 'checked once shown');
  assert.notEqual(await page.textContent('#u-checked-at'), '');
  // A change that concerns every tab (the language) re-checks the one on
  // screen at once, the others when shown again.
  assert.match(await page.textContent('#a-checked-at'), /^Checked at/);
  await page.click('button[data-lang="pl"]');
  assert.match(await page.textContent('#u-checked-at'), /^Sprawdzono/);
  assert.match(await page.textContent('#a-checked-at'), /^Checked at/, 'the hidden tab waits');
  await page.click('#tab-application');
  assert.match(await page.textContent('#a-checked-at'), /^Sprawdzono/, 'and is checked in Polish once shown');
  assert.equal(await verdict(page), 'TODO');
  done();
});

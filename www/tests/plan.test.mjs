// The Plan tab in Chromium (playwright-core, Debian's chromium, the built
// www/dist): a campaigns response and an offers page pasted, badges given,
// the table the package's plan() gives for the same inputs, sorted by
// verdict and filtered by code; the CSV and the bodies downloaded (the
// download API) equal to planCsv() and the accepted lines' bodies; a file of
// offers chosen; Polish; a context that cannot be read named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, planCsv } from 'badge-rules/plan';
import { artifacts, form, www } from './browser.mjs';


// Seeded catalogue of examples/plan: its campaigns response, badges,
// applications and the
// first 60 offers as one GET /sale/offers page (metrics are not in a page).
const examples = join(www, '..', 'examples', 'plan');
const context = JSON.parse(readFileSync(join(examples, 'context.json'), 'utf8'));
const allOffers = JSON.parse(readFileSync(join(examples, 'offers-page.json'), 'utf8')).offers;
const offers = allOffers.slice(0, 60);
const page = { offers, count: offers.length, totalCount: allOffers.length };
const ids = new Set(offers.map((o) => o.id));
const badges = { badges: context.badges.badges.filter((b) => ids.has(b.offer.id)) };
const applications = { badgeApplications: context.applications.badgeApplications.filter((a) => ids.has(a.offer.id)) };
const lines = readFileSync(join(examples, 'offers-metrics.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 40);

/** The Plan tab of a fresh page, watched for foreign requests and console errors. */
const { open: openForm } = form({ path: '/#plan', viewport: { width: 1280, height: 900 }, context: { acceptDownloads: true } });
const open = (t, path = '/#plan') => openForm(t, { path });

/** The table's rows as the page shows them. */
const rows = (p) => p.$$eval('#n-rows tr', (trs) => trs.map((tr) => ({
  offer: tr.dataset.offer ?? '', campaign: tr.dataset.campaign ?? '', verdict: tr.dataset.verdict, codes: tr.dataset.codes ?? '',
  cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
})));

/** The context the page builds from its fields: now, the account boxes, the campaigns and badges pasted. */
const pageContext = () => ({
  now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  account: { company: true, meetsQualityCriteria: true },
  campaigns: context.campaigns,
  badges,
  applications,
});

/** What the page was given, planned by the package in Node. */
/** An amount as the Polish page writes it: 1234.50 is 1234,50, 12345.00 is 12 345,00 (a no-break space). */
const polish = (amount) => new Intl.NumberFormat('pl-PL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount));
const expected = (items, options = {}) => plan(pageContext(), items, { lang: 'en', campaigns: [], price: 'highest', ...options });

/** Pastes `text` into a field (as a paste does: the value at once, then an input event; Playwright's fill types a large text slowly). */
const paste = (p, selector, text) => p.$eval(selector, (el, value) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}, text);

async function fill(p, { offersText = JSON.stringify(page, null, 2) } = {}) {
  await p.click('#tab-plan');
  await p.fill('#n-campaigns', JSON.stringify(context.campaigns, null, 2));
  await paste(p, '#n-offers', offersText);
  await p.fill('#n-badges', JSON.stringify(badges));
  await p.fill('#n-applications', JSON.stringify(applications));
  await p.check('#n-company');
  await p.check('#n-quality');
}

test('paste campaigns and an offers page: the table is plan()\'s, sortable by verdict, filtered by code; CSV and bodies download', async (t) => {
  const { page: p, done } = await open(t);
  await fill(p);
  await p.click('#n-run');
  await p.waitForSelector('#n-rows tr');
  const want = expected([page]);
  const got = await rows(p);
  // Three campaigns open (BLACK_WEEK's applications closed) for 60 offers.
  assert.equal(got.length, 180);
  assert.deepEqual(got.map((r) => [r.offer, r.campaign, r.verdict, r.codes]),
    want.map((l) => [l.offerId, l.campaignId, l.verdict, l.violations.map((v) => v.code).join(' ')]));
  const proposed = want.find((l) => l.proposedBargain);
  const row = got[want.indexOf(proposed)];
  assert.equal(row.cells[3], `${proposed.proposedBargain.amount} PLN`);
  assert.equal(row.cells[4], `${proposed.hints.bargain.min}–${proposed.hints.bargain.max} PLN`);
  const count = (v) => want.filter((l) => l.verdict === v).length;
  assert.equal(await p.textContent('#n-summary'),
    `180 offer–campaign pairs: ${count('ACCEPT')} ACCEPT, ${count('REJECT')} REJECT, ${count('INCOMPLETE')} INCOMPLETE, 0 input errors.`);
  assert.ok(count('ACCEPT') > 0 && count('REJECT') > 0 && count('INCOMPLETE') > 0);

  // Sort by verdict: ACCEPT first, then the other way round; ties in input order.
  const rank = { ACCEPT: 0, INCOMPLETE: 1, REJECT: 2, ERROR: 3 };
  await p.click('#n-sort-verdict');
  assert.equal(await p.getAttribute('#n-col-verdict', 'aria-sort'), 'ascending');
  const up = await rows(p);
  const sortedUp = want.map((l, i) => ({ l, i })).sort((a, b) => rank[a.l.verdict] - rank[b.l.verdict] || a.i - b.i);
  assert.deepEqual(up.map((r) => `${r.offer}/${r.campaign}`), sortedUp.map(({ l }) => `${l.offerId}/${l.campaignId}`));
  await p.click('#n-sort-verdict');
  assert.equal(await p.getAttribute('#n-col-verdict', 'aria-sort'), 'descending');
  assert.equal((await rows(p))[0].verdict, 'REJECT');

  // Filter by code: only the pairs that have it.
  const code = 'BA17';
  const withCode = want.filter((l) => l.violations.some((v) => v.code === code));
  assert.ok(withCode.length > 0);
  await p.selectOption('#n-filter-code', code);
  const filtered = await rows(p);
  assert.equal(filtered.length, withCode.length);
  assert.ok(filtered.every((r) => r.codes.split(' ').includes(code)));
  assert.equal(await p.textContent('#n-shown'), `Showing ${withCode.length} of 180.`);
  await p.screenshot({ path: join(artifacts, 'plan-filtered.png'), fullPage: true });
  await p.selectOption('#n-filter-code', '');
  assert.equal((await rows(p)).length, 180);

  // The CSV: planCsv() of the same inputs.
  const [csvDownload] = await Promise.all([p.waitForEvent('download'), p.click('#n-download-csv')]);
  assert.equal(csvDownload.suggestedFilename(), 'plan.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.equal(csv, planCsv(pageContext(), [page], { lang: 'en' }));
  assert.ok(csv.startsWith('\uFEFFoffer,campaign,verdict,proposed bargain price,'));

  // The bodies: the accepted lines' POST /sale/badges bodies, one per line.
  const accepted = want.filter((l) => l.body);
  assert.match(await p.textContent('#n-download-bodies'), new RegExp(`the ${accepted.length} POST`));
  const [bodiesDownload] = await Promise.all([p.waitForEvent('download'), p.click('#n-download-bodies')]);
  assert.equal(bodiesDownload.suggestedFilename(), 'bodies.jsonl');
  const bodies = readFileSync(await bodiesDownload.path(), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.deepEqual(bodies, accepted.map((l) => l.body));
  assert.ok(bodies.every((b) => b.campaign.id && b.offer.id));
  done();
});

test('a file of {offer, metrics} lines, one campaign, a discount, in Polish', async (t) => {
  const { page: p, done } = await open(t, '/?lang=pl#plan');
  await fill(p, { offersText: '' });
  await p.selectOption('#n-campaign', 'BARGAIN');
  await p.selectOption('#n-price', 'discount');
  await p.fill('#n-discount', '15');
  await p.setInputFiles('#n-offers-file', { name: 'oferty.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n') + '\n') });
  await p.waitForSelector('#n-rows tr');
  const items = lines.map((l) => JSON.parse(l));
  const want = expected(items, { lang: 'pl', campaigns: ['BARGAIN'], price: 'discount=15' });
  const got = await rows(p);
  assert.equal(got.length, 40);
  assert.deepEqual(got.map((r) => [r.offer, r.verdict, r.cells[3]]),
    want.map((l) => [l.offerId, l.verdict, l.proposedBargain ? `${polish(l.proposedBargain.amount)} zł` : '–']));
  assert.match(await p.textContent('#n-status'), /oferty\.jsonl: wczytano ofert: 40\./);
  assert.match(await p.textContent('#n-summary'), /^Par oferta–kampania: 40;/);
  assert.equal(await p.textContent('#n-col-verdict'), 'Werdykt');
  const [csvDownload] = await Promise.all([p.waitForEvent('download'), p.click('#n-download-csv')]);
  // The Polish dialect (excel-pl, docs/PLAN.md): what a Polish spreadsheet opens as columns.
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFoferta;kampania;werdykt;proponowana cena zniżkowa;'));
  const body = csv.slice(1).split('\r\n').slice(1).filter(Boolean).map((r) => r.split(';'));
  assert.ok(body.every((r) => ['PRZYJMIE', 'ODRZUCI', 'NIEPEŁNE', 'BŁĄD'].includes(r[2])), 'verdicts in Polish');
  assert.ok(body.some((r) => /^\d+,\d{2}$/.test(r[3])) && body.every((r) => !/\./.test(r[3])), 'amounts with a decimal comma');
  done();
});

test('a campaigns response that cannot be checked is named, and nothing is planned', async (t) => {
  const { page: p, done } = await open(t);
  await fill(p);
  const bad = structuredClone(context.campaigns);
  bad.badgeCampaigns[0].publication = { type: 'WITHIN', from: '2026-01-01T00:00:00Z' };
  await p.fill('#n-campaigns', JSON.stringify(bad));
  await p.click('#n-run');
  await p.waitForSelector('#n-status:not(:empty)');
  assert.equal(await p.textContent('#n-status'), 'campaigns.badgeCampaigns[0].publication.to: a WITHIN period needs `to`');
  assert.equal(await p.getAttribute('#n-status', 'data-ok'), 'false');
  assert.equal(await p.$$eval('#n-rows tr', (trs) => trs.length), 0);
  assert.equal(await p.isDisabled('#n-download-csv'), true);
  await p.fill('#n-campaigns', '{"badgeCampaigns": [');
  await p.click('#n-run');
  assert.match(await p.textContent('#n-status'), /^Campaigns \(GET \/sale\/badge-campaigns response\): not JSON/);
  done();
});

/** The records of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF). */
function records(text) {
  const out = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); out.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  return out;
}

test('the CSV download cannot run formulas: a text cell starting with = + - @, tab or CR gets a single quote; amounts stay numbers', async (t) => {
  const { page: p, done } = await open(t);
  const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=cmd|\' /C calc\'!A0'];
  const hostile = { offers: offers.slice(0, evil.length).map((o, i) => ({ ...o, id: evil[i] })), count: evil.length, totalCount: evil.length };
  const campaigns = structuredClone(context.campaigns);
  campaigns.badgeCampaigns[0].id = '=CAMPAIGN()';
  await fill(p, { offersText: JSON.stringify(hostile) });
  await p.fill('#n-campaigns', JSON.stringify(campaigns));
  await p.click('#n-run');
  await p.waitForSelector('#n-rows tr');
  // The table shows the ids as they are.
  assert.deepEqual([...new Set((await rows(p)).map((r) => r.cells[0]))], evil);
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('#n-download-csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  const raw = planCsv({ ...pageContext(), campaigns }, [hostile], { lang: 'en' });
  const got = records(csv.slice(1));
  const want = records(raw.slice(1));
  assert.equal(got.length, want.length);
  assert.equal(got.length, 1 + 3 * evil.length);
  const amounts = [3, 5, 6];
  const formula = /^[=+\-@\t\r]/;
  for (const [i, record] of want.entries()) {
    assert.deepEqual(got[i], record.map((cell, j) => (amounts.includes(j) && /^-?\d+(\.\d+)?$/.test(cell)) || !formula.test(cell) ? cell : `'${cell}`), `record ${i}`);
  }
  const body = got.slice(1);
  assert.deepEqual([...new Set(body.map((r) => r[0]))], evil.map((id) => `'${id}`), 'every offer id quoted');
  assert.ok(body.some((r) => r[1] === "'=CAMPAIGN()"), 'the campaign id quoted');
  assert.ok(body.every((r) => r.every((cell, j) => !formula.test(cell) || amounts.includes(j))), 'no text cell starts a formula');
  const priced = body.filter((r) => r[3] !== '');
  assert.ok(priced.length > 0 && priced.every((r) => amounts.every((j) => /^\d+\.\d{2}$/.test(r[j]))), 'amounts are plain numbers');
  assert.ok(csv.startsWith('\uFEFFoffer,campaign,verdict,'), 'the byte-order mark and the header as planCsv() writes them');
  assert.ok(csv.includes(`"'=HYPERLINK(""http://x"",""y"")"`), 'quoted as RFC 4180 quotes');
  done();
});

test('the Plan tab proposes no price for a DISCOUNT campaign whose terms are unknown, and one once they are given', async (t) => {
  const { page: p, done } = await open(t);
  await p.click('#panel-plan .toolbar button:first-child');
  assert.equal(await p.inputValue('#n-terms-min'), '10', 'the example states BARGAIN\'s terms');
  assert.equal(await p.inputValue('#n-terms-max'), '70');
  const inputs = async () => ({
    campaigns: JSON.parse(await p.inputValue('#n-campaigns')),
    badges: JSON.parse(await p.inputValue('#n-badges')),
    applications: JSON.parse(await p.inputValue('#n-applications')),
    items: (await p.inputValue('#n-offers')).split('\n').filter(Boolean).map((l) => JSON.parse(l)),
  });
  const bargainRows = async () => (await rows(p)).filter((r) => r.campaign === 'BARGAIN');
  const planned = (given, terms) => plan({
    now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), account: { company: true, meetsQualityCriteria: true },
    campaigns: given.campaigns, badges: given.badges, applications: given.applications,
    // The example's Allegro Prices choice: none of the offers is in it.
    allegroPrices: { offers: [] },
    ...(terms ? { campaignTerms: { BARGAIN: terms } } : {}),
  }, given.items, { lang: 'en', campaigns: [], price: 'highest' }).filter((l) => l.campaignId === 'BARGAIN');

  // With the terms: some BARGAIN offer gets a price, as plan() proposes it.
  await p.click('#n-run');
  await p.waitForSelector('#n-rows tr');
  const given = await inputs();
  const withTerms = planned(given, { discount: { minPercent: '10', maxPercent: '70' }, minStock: 2 });
  const shown = await bargainRows();
  assert.deepEqual(shown.map((r) => [r.offer, r.verdict]), withTerms.map((l) => [l.offerId, l.verdict]));
  const proposing = withTerms.filter((l) => l.proposedBargain);
  assert.ok(proposing.length > 0, 'with its depth known, a price is proposed');
  for (const l of proposing) {
    assert.equal(shown.find((r) => r.offer === l.offerId).cells[3], `${l.proposedBargain.amount} PLN`);
  }

  // Without them: nothing proposed for BARGAIN, never ACCEPT, and the same lines as plan() gives.
  for (const id of ['#n-terms-min', '#n-terms-max', '#n-terms-stock']) await p.fill(id, '');
  await p.click('#n-run');
  await p.waitForSelector('#n-rows tr');
  const without = planned(given, undefined);
  const bare = await bargainRows();
  assert.deepEqual(bare.map((r) => [r.offer, r.verdict]), without.map((l) => [l.offerId, l.verdict]));
  assert.ok(without.every((l) => !l.proposedBargain && l.verdict !== 'ACCEPT'), JSON.stringify(without.map((l) => l.verdict)));
  assert.ok(bare.every((r) => r.cells[3] === '–' && r.verdict !== 'ACCEPT'));
  assert.ok(bare.some((r) => r.verdict === 'INCOMPLETE'));
  done();
});

test('Allegro Prices on the Plan tab: the example says none of the offers is in it; a pasted offers-queries answer is the plan\'s allegroPrices; not checked, none', async (t) => {
  const { page: p, done } = await open(t);
  await p.click('#panel-plan .toolbar button:first-child');
  const planned = async () => {
    await p.click('#n-run');
    await p.waitForSelector('#n-rows tr');
    return JSON.parse(await p.textContent('#n-doc'));
  };
  assert.equal(await p.inputValue('#n-allegro-prices'), 'none');
  assert.equal(await p.isHidden('#n-allegro-prices-json'), true);
  assert.deepEqual((await planned()).allegroPrices, { offers: [] });

  // A pasted answer: the first offer discounted on allegro-pl; the table is plan()'s with it.
  const items = (await p.inputValue('#n-offers')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const first = items[0].offer.id;
  const answer = { offers: [{ id: first, marketplace: { id: 'allegro-pl' }, actualPriceReduction: { sellerMaxDeclaredPercentage: '15.0' } }], totalCount: 1, count: 1 };
  await p.selectOption('#n-allegro-prices', 'paste');
  assert.equal(await p.isVisible('#n-allegro-prices-json'), true);
  await p.fill('#n-allegro-prices-json', JSON.stringify(answer));
  const context = await planned();
  assert.deepEqual(context.allegroPrices, answer);
  const want = plan(context, items, { lang: 'en', campaigns: [], price: 'highest' });
  assert.deepEqual((await rows(p)).map((r) => [r.offer, r.campaign, r.verdict, r.codes]),
    want.map((l) => [l.offerId, l.campaignId, l.verdict, l.violations.map((v) => v.code).join(' ')]));
  // The offer discounted in Allegro Prices is refused with BA24 on a price-lowering campaign.
  assert.ok((await rows(p)).some((r) => r.offer === first && r.verdict === 'REJECT' && r.codes.split(' ').includes('BA24')));

  // An answer that is not JSON is named, and nothing is planned.
  await p.fill('#n-allegro-prices-json', '{"offers": [');
  await p.click('#n-run');
  assert.match(await p.textContent('#n-status'), /^Allegro Prices \(POST \/sale\/allegro-prices\/offers-queries response\): not JSON/);
  assert.equal(await p.$$eval('#n-rows tr', (trs) => trs.length), 0);

  // Not checked: no allegroPrices in the context.
  await p.selectOption('#n-allegro-prices', 'unknown');
  assert.equal('allegroPrices' in (await planned()), false);
  done();
});

test('three pretty pages from three files without final newlines: every offer planned; one file of pages run together too; what is not JSON is listed, at most ten lines', async (t) => {
  const { page: p, done, responses } = await open(t);
  await fill(p, { offersText: '' });
  // "Reading…" shows while the files are read.
  await p.evaluate(() => {
    window.sawReading = false;
    new MutationObserver(() => { window.sawReading ||= document.getElementById('n-reading') !== null; })
      .observe(document.getElementById('n-status'), { childList: true, subtree: true });
  });
  const pages = [0, 1, 2].map((i) => ({ offers: offers.slice(i * 20, i * 20 + 20), count: 20, totalCount: 60 }));
  const pretty = pages.map((pg) => JSON.stringify(pg, null, 2));
  assert.ok(pretty.every((text) => !text.endsWith('\n')));
  const want = expected(pages);
  const shown = async () => (await rows(p)).map((r) => [r.offer, r.campaign, r.verdict, r.codes]);
  const wanted = want.map((l) => [l.offerId, l.campaignId, l.verdict, l.violations.map((v) => v.code).join(' ')]);

  await p.setInputFiles('#n-offers-file', pretty.map((text, i) => ({ name: `page-${i + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(text) })));
  await p.waitForSelector('#n-rows tr');
  assert.equal(new Set((await rows(p)).map((r) => r.offer)).size, 60, 'every offer of the three pages');
  assert.equal(await p.evaluate(() => window.sawReading), true, 'a reading state');
  assert.ok(responses.some((r) => /\/items-worker-[^/]*\.js$/.test(r.url())), 'read by the worker');
  assert.deepEqual(await shown(), wanted);
  assert.match(await p.textContent('#n-status'), /page-1\.json: 20 offers read\.page-2\.json: 20 offers read\.page-3\.json: 20 offers read\./);

  // `cat page-*.json` into one file: the same plan.
  await p.setInputFiles('#n-offers-file', { name: 'pages.json', mimeType: 'application/json', buffer: Buffer.from(pretty.join('')) });
  await p.waitForFunction(() => /pages\.json: 60 offers read/.test(document.getElementById('n-status')?.textContent ?? ''));
  assert.deepEqual(await shown(), wanted);

  // 5,000 values that are not JSON: ten listed and the rest counted, the offers still planned.
  const junk = Array.from({ length: 5000 }, (_, i) => `not json ${i}`).join('\n');
  await p.setInputFiles('#n-offers-file', { name: 'junk.txt', mimeType: 'text/plain', buffer: Buffer.from(`${pretty[0]}\n${junk}`) });
  await p.waitForFunction(() => /junk\.txt: 20 offers read/.test(document.getElementById('n-status')?.textContent ?? ''));
  const lines = await p.$$eval('#n-status > div', (divs) => divs.map((d) => d.textContent));
  assert.equal(lines.length, 12, lines.join('\n'));
  assert.ok(lines[1].startsWith(`Offers, line junk.txt:${pretty[0].split('\n').length + 1}: not JSON`), lines[1]);
  assert.match(lines[11], /and 4990 more values that are not JSON/);
  assert.equal((await rows(p)).length, expected([pages[0]]).length);
  done();
});

test('a plan of more pairs than the table holds shows the first 1,000 and says how many there are', async (t) => {
  const { page: p, done } = await open(t);
  // The example's offers and as many again under other ids.
  const more = [...allOffers, ...allOffers.map((o) => ({ ...o, id: `9${o.id}` }))];
  const big = { offers: more, count: more.length, totalCount: more.length };
  await fill(p, { offersText: JSON.stringify(big) });
  await p.click('#n-run');
  await p.waitForSelector('#n-rows tr');
  const pairs = expected([big]).length;
  assert.ok(pairs > 1000, String(pairs));
  assert.equal(await p.$$eval('#n-rows tr', (trs) => trs.length), 1000);
  assert.equal(await p.textContent('#n-shown'), `Showing the first 1000 of the ${pairs} that match, of ${pairs}; the CSV has them all.`);
  assert.match(await p.textContent('#n-summary'), new RegExp(`^${pairs} offer–campaign pairs`));
  done();
});

test('a discount the planner cannot take is said at its field in the page\'s language, and the plan shown stays', async (t) => {
  const { page: p, done } = await open(t, '/?lang=pl#plan');
  await fill(p);
  await p.click('#n-run');
  await p.waitForSelector('#n-rows tr');
  const before = await rows(p);
  await p.selectOption('#n-price', 'discount');
  for (const bad of ['abc', '150', '0']) {
    await p.fill('#n-discount', bad);
    await p.click('#n-run');
    assert.match(await p.textContent('#n-discount-msg'), /^Rabat to procent większy od 0 i mniejszy od 100/, bad);
    assert.equal(await p.getAttribute('#n-discount', 'aria-invalid'), 'true', bad);
    assert.match(await p.getAttribute('#n-discount', 'aria-describedby'), /n-discount-msg/);
    assert.doesNotMatch(await p.textContent('#n-status'), /percentage|options\.price/, bad);
    assert.deepEqual(await rows(p), before, `the plan stays (${bad})`);
  }
  // A Polish decimal comma is read: 12,5 % off, as plan() gives it.
  await p.fill('#n-discount', '12,5');
  await p.click('#n-run');
  assert.equal(await p.textContent('#n-discount-msg'), '');
  assert.equal(await p.getAttribute('#n-discount', 'aria-invalid'), null);
  const want = expected([page], { lang: 'pl', price: 'discount=12.5' });
  assert.deepEqual((await rows(p)).map((r) => [r.offer, r.campaign, r.verdict]), want.map((l) => [l.offerId, l.campaignId, l.verdict]));
  done();
});

test('what was pasted comes back after a reload until Forget is pressed (localStorage, this browser only)', async (t) => {
  const { page: p, done } = await open(t);
  await fill(p);
  const campaignsText = await p.inputValue('#n-campaigns');
  const offersText = await p.inputValue('#n-offers');
  assert.ok(campaignsText.length > 100 && offersText.length > 100);
  await p.waitForFunction(() => localStorage.getItem('badge-rules:plan') !== null);
  await p.reload();
  await p.click('#tab-plan');
  assert.equal(await p.inputValue('#n-campaigns'), campaignsText, 'the campaigns pasted, back after a reload');
  assert.equal(await p.inputValue('#n-offers'), offersText);
  assert.equal(await p.inputValue('#n-badges'), JSON.stringify(badges));
  await p.waitForSelector('#n-rows tr');
  assert.match(await p.textContent('#n-remembered'), /this browser/);
  await p.click('#n-forget');
  assert.equal(await p.inputValue('#n-campaigns'), '');
  assert.equal(await p.evaluate(() => localStorage.getItem('badge-rules:plan')), null);
  await p.reload();
  await p.click('#tab-plan');
  assert.equal(await p.inputValue('#n-campaigns'), '', 'forgotten: nothing comes back');
  assert.equal(await p.inputValue('#n-offers'), '');
  done();
});

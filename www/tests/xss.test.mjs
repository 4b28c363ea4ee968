// Nothing typed or pasted into the form becomes markup (issue 22): script and
// markup payloads typed into every text field of every tab, and given as
// campaign ids and names, offer ids, amounts and currencies inside pasted
// JSON, in Debian's Chromium on the built www/dist. The page's CSP would
// stop an inline handler by itself, so the pages here bypass it
// (bypassCSP): what is checked is the DOM code. After every step no
// payload's handler ran (window.__xss, no dialog), no element a payload
// names was created (a MutationObserver from the ready page on: img, svg,
// script, iframe and the like, any on* attribute, any javascript: URL), and
// the payload is shown as the text it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { form, www } from './browser.mjs';

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '"><svg onload=window.__xss=1>',
  'javascript:alert(1)',
  '</script><script>window.__xss=1</script>',
  '{{7*7}}',
  '\u202egpj.exe',
  '\'><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1" id="xss-link">x</a>',
  '<style>body{display:none}</style><b onmouseover=window.__xss=1>b</b>',
];

const examples = join(www, '..', 'examples', 'plan');
const context = JSON.parse(readFileSync(join(examples, 'context.json'), 'utf8'));
const offers = JSON.parse(readFileSync(join(examples, 'offers-page.json'), 'utf8')).offers;

/** A GET /sale/badge-campaigns response with one campaign per payload, each id and name the payload. */
const campaignsResponse = () => ({
  badgeCampaigns: PAYLOADS.map((p) => ({ ...structuredClone(context.campaigns.badgeCampaigns[0]), id: p, name: p })),
});
/** A GET /sale/offers page with one offer per payload, its id the payload. */
const offersPage = () => ({ offers: PAYLOADS.map((p, i) => ({ ...structuredClone(offers[i]), id: p, name: p })), count: PAYLOADS.length, totalCount: PAYLOADS.length });

const { open } = form({ context: { bypassCSP: true } });

/** Watches the page from now on: every element added, kept if a payload could have made it. */
const watch = (page) => page.evaluate(() => {
  const SUSPECT = /^(img|svg|script|iframe|object|embed|style|link|base|meta|b|math|frame|frameset)$/i;
  const bad = (el) => SUSPECT.test(el.tagName) || el.id === 'xss-link'
    || [...el.attributes].some((a) => /^on/i.test(a.name) || (/^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(a.name) && /^\s*javascript:|<|^x$/i.test(a.value)));
  window.__created = [];
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const el of [n, ...n.querySelectorAll('*')]) if (bad(el)) window.__created.push(el.outerHTML.slice(0, 120));
      }
      if (r.type === 'attributes' && r.target.nodeType === 1 && bad(r.target)) window.__created.push(`attribute on ${r.target.outerHTML.slice(0, 120)}`);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
});

/** Asserts no payload ran or made an element, so far. */
async function clean(page, dialogs, step) {
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    created: window.__created,
    elements: document.querySelectorAll('img, svg, iframe, object, embed, style, math, b, #xss-link').length,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    javascriptUrls: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
    rendered: document.body.innerText.includes('49') && !document.body.innerText.includes('{{7*7}}') && document.body.innerText.includes('{{'),
  }));
  assert.equal(state.xss, undefined, `${step}: a payload ran`);
  assert.deepEqual(dialogs, [], `${step}: a dialog opened`);
  assert.deepEqual(state.created, [], `${step}: elements made from a payload`);
  assert.equal(state.elements, 0, `${step}: payload elements in the page`);
  assert.equal(state.scripts, 2, `${step}: only the page's two scripts`);
  assert.equal(state.handlers, 0, `${step}: inline handlers`);
  assert.equal(state.javascriptUrls, 0, `${step}: javascript: URLs`);
  assert.equal(state.rendered, false, `${step}: a template was evaluated`);
}

/** Sets every text control of `panel` (inputs of type text and textareas, shown or not) to `text`, as a paste does. */
const pasteEverywhere = (page, panel, text) => page.$$eval(`${panel} input:not([type]), ${panel} input[type="text"], ${panel} textarea`, (els, value) => {
  for (const el of els) {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return els.length;
}, text);

/** Pastes `text` into one field. */
const paste = (page, selector, text) => page.$eval(selector, (el, value) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}, text);

/** The page's visible text contains every payload (as the text it is). */
const shownAsText = async (page, step) => {
  const text = await page.evaluate(() => document.body.innerText);
  for (const p of PAYLOADS) assert.ok(text.includes(p), `${step}: ${JSON.stringify(p)} shown as text`);
};

test('payloads typed into every text field of every tab stay text', async (t) => {
  const { page, done } = await open(t);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await watch(page);
  await clean(page, dialogs, 'the page as loaded');
  for (const tab of ['application', 'update', 'partner', 'plan']) {
    await page.click(`#tab-${tab}`);
    for (const payload of PAYLOADS) {
      const n = await pasteEverywhere(page, `#panel-${tab}`, payload);
      assert.ok(n > 0, `${tab}: text fields found`);
      if (tab === 'plan') await page.click('#n-run');
      await clean(page, dialogs, `${tab}, ${JSON.stringify(payload)} in ${n} fields`);
    }
  }
  // The offer ids typed on the first two tabs are in the request they show.
  await page.click('#tab-application');
  await pasteEverywhere(page, '#panel-application', PAYLOADS[0]);
  assert.match(await page.textContent('#a-body'), /<img src=x onerror=window.__xss=1>/);
  await clean(page, dialogs, 'the application body');
  done();
});

test('payloads as campaign ids and names, offer ids, amounts and currencies inside pasted JSON stay text', async (t) => {
  const { page, done } = await open(t);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await watch(page);

  // The application tab: a campaign list, each campaign in the table and the choice; an offer.
  await page.click('#a-campaigns-details summary');
  await paste(page, '#a-campaigns-json', JSON.stringify(campaignsResponse()));
  await page.waitForSelector('#a-campaigns-table');
  assert.deepEqual(await page.$$eval('#a-campaigns-table tbody tr strong', (els) => els.map((e) => e.textContent)), PAYLOADS);
  await shownAsText(page, 'the pasted campaigns');
  await clean(page, dialogs, 'the pasted campaigns');
  for (const payload of PAYLOADS) {
    await page.selectOption('#a-campaign', payload);
    const label = await page.$eval('#a-campaign', (s) => s.selectedOptions[0].textContent);
    assert.ok(label.startsWith(payload), `the choice reads ${JSON.stringify(label)}`);
    await clean(page, dialogs, `campaign ${JSON.stringify(payload)} chosen`);
  }
  await page.click('#a-offer-details summary');
  for (const payload of PAYLOADS) {
    const offer = { ...structuredClone(offers[0]), id: payload, name: payload, category: { id: payload } };
    offer.sellingMode.price = { amount: payload, currency: payload };
    await paste(page, '#a-offer-json', JSON.stringify(offer));
    assert.equal(await page.inputValue('#a-offer-id'), payload);
    await clean(page, dialogs, `offer ${JSON.stringify(payload)}`);
  }
  await page.check('#a-history-paste');
  for (const payload of PAYLOADS) {
    await paste(page, '#a-badges-json', JSON.stringify({ badges: [{ campaign: { id: payload }, offer: { id: payload }, process: { status: payload } }] }));
    await paste(page, '#a-applications-json', JSON.stringify({ badgeApplications: [{ campaign: { id: payload }, offer: { id: payload }, process: { status: payload } }] }));
    await clean(page, dialogs, `history ${JSON.stringify(payload)}`);
  }

  // The update tab lists the pasted campaigns too.
  await page.click('#tab-update');
  await clean(page, dialogs, 'the update tab');

  // The Plan tab: the campaign choices and the table.
  await page.click('#tab-plan');
  await paste(page, '#n-campaigns', JSON.stringify(campaignsResponse()));
  await paste(page, '#n-offers', JSON.stringify(offersPage()));
  assert.deepEqual(await page.$$eval('#n-campaign option', (os) => os.slice(1).map((o) => o.textContent)), PAYLOADS);
  await page.click('#n-run');
  await page.waitForSelector('#n-rows tr', { state: 'attached' });
  await clean(page, dialogs, 'the plan');
  const cells = await page.$$eval('#n-rows tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
  assert.equal(cells.length, PAYLOADS.length ** 2);
  assert.deepEqual([...new Set(cells.map((c) => c[0]))], PAYLOADS, 'offer ids as text');
  assert.deepEqual([...new Set(cells.map((c) => c[1]))], PAYLOADS, 'campaign ids as text');
  await shownAsText(page, 'the plan');
  await page.selectOption('#n-campaign', PAYLOADS[1]);
  await page.click('#n-run');
  await clean(page, dialogs, 'one campaign planned');
  // Not JSON: the parser's message quotes the text, as text.
  await paste(page, '#n-campaigns', PAYLOADS[0]);
  await page.click('#n-run');
  assert.match(await page.textContent('#n-status'), /not JSON/);
  await clean(page, dialogs, 'campaigns that are not JSON');
  await page.click('[data-lang="pl"]');
  await clean(page, dialogs, 'in Polish');
  done();
});

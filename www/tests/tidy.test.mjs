// The form as a Polish seller and a phone user meet it (issue 15, points 1
// and 6), in Debian's Chromium on the built www/dist: money typed as people
// type it and sent as Allegro writes it, amounts shown in the page's locale,
// the price above the fold, nothing red before it is touched, tabs whole on a
// phone and the verdict bar clear of the focused field, the tabs in the URL.
// (serve.test.mjs: how the form is delivered.) Screenshots of both languages at both widths go to
// www/test-artifacts/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'badge-rules';
import { DESKTOP, PHONE, artifacts, form } from './browser.mjs';

const shots = join(artifacts, 'screenshots');
/** Intl writes Polish groups with no-break spaces: compare with plain ones. */
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

const { open } = form();
mkdirSync(shots, { recursive: true });

const verdict = (page, key = 'a') => page.getAttribute(`#${key}-verdict`, 'data-state');
const invalid = (page, selector) => page.getAttribute(selector, 'aria-invalid');
const body = async (page, key = 'a') => JSON.parse(await page.textContent(`#${key}-body`));
const doc = async (page, key = 'a') => JSON.parse(await page.textContent(`#${key}-doc`));

/** The messages shown at a control (the .violation elements its aria-describedby names). */
async function messagesAt(page, selector) {
  return page.$eval(selector, (el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-msg'));
    return ids.flatMap((id) => [...document.getElementById(id).querySelectorAll('.violation')])
      .map((v) => ({ code: v.dataset.code ?? null, text: v.textContent }));
  });
}

/** The text of the elements a control's aria-describedby names. */
async function describedBy(page, selector) {
  return page.$eval(selector, (el) => (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? `#${id} missing`).join(' | '));
}

/** Whether `selector`'s box lies wholly inside the viewport. */
async function inViewport(page, selector) {
  const box = await page.locator(selector).boundingBox();
  const { width, height } = page.viewportSize();
  return { box, inside: !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height };
}

test('in Polish, 99,99 and the other ways people type money are sent as Allegro writes it; the engine stays strict', async (t) => {
  const { page, done } = await open(t, { locale: 'pl-PL' });
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  assert.equal(await page.getAttribute('#a-bargain', 'placeholder'), '100,00');
  const cases = [
    ['99,99', '99.99'], [' 100.00 ', '100.00'], ['100.00', '100.00'], ['1 000,00', '1000.00'],
    ['1\u00a0000,00', '1000.00'], ['1\u202f000,00', '1000.00'], ['\u00a0110,5\u00a0', '110.5'],
  ];
  for (const [typed, sent] of cases) {
    await page.fill('#a-bargain', typed);
    assert.deepEqual((await body(page)).prices.bargain, { amount: sent, currency: 'PLN' }, JSON.stringify(typed));
    assert.equal((await doc(page)).request.prices.bargain.amount, sent, JSON.stringify(typed));
    assert.equal(await page.inputValue('#a-bargain'), typed, 'the field keeps what was typed');
  }
  await page.fill('#a-bargain', '99,99');
  assert.equal(await verdict(page), 'ACCEPT');
  assert.deepEqual(await messagesAt(page, '#a-bargain'), []);
  assert.equal(await invalid(page, '#a-bargain'), null);

  // Allegro refuses 99,99: the engine says so when it is sent as typed.
  const strict = check({ ...(await doc(page)), request: { ...(await doc(page)).request, prices: { bargain: { amount: '99,99', currency: 'PLN' } } } }, { lang: 'pl' });
  assert.deepEqual(strict.violations.map((v) => v.code), ['BB6']);

  // What cannot be read is sent as typed: the engine's BB6 explains it, in Polish, at the field.
  for (const typed of ['12,3,4', 'abc']) {
    await page.fill('#a-bargain', typed);
    assert.equal((await body(page)).prices.bargain.amount, typed);
    const at = await messagesAt(page, '#a-bargain');
    assert.deepEqual(at.map((m) => m.code), ['BB6'], typed);
    const want = check(await doc(page), { lang: 'pl' }).violations[0].message;
    assert.ok(at[0].text.includes(want), `${at[0].text} holds ${want}`);
    assert.equal(await invalid(page, '#a-bargain'), 'true');
  }

  // The current price and the lowest price read the same way.
  await page.fill('#a-bargain', '100,00');
  await page.fill('#a-price', '200,00');
  await page.fill('#a-lowest', ' 200,00 ');
  const d = await doc(page);
  assert.equal(d.offer.sellingMode.price.amount, '200.00');
  assert.equal(d.metrics.lowestPrice30Days.amount, '200.00');
  assert.equal(await verdict(page), 'ACCEPT');
  done();
});

test('amounts the form shows are in the page’s locale: 80,00–120,00 zł and 400 000,00 zł in Polish, 80.00–120.00 PLN in English', async (t) => {
  const { page, done } = await open(t, { locale: 'pl-PL' });
  const range = check(await doc(page), { lang: 'pl' }).hints.bargain;
  assert.deepEqual(range, { min: '80.00', max: '120.00', currency: 'PLN' });
  assert.equal(plain(await page.textContent('#a-hint strong')), '80,00–120,00 zł przejdzie w SANDBOX_TEST_CAMPAIGN');
  assert.match(plain(await page.textContent('#a-bargain-range')), /^80,00–120,00 zł/);
  // The figures behind a refusal.
  await page.fill('#a-bargain', '130,00');
  const [ba49] = await messagesAt(page, '#a-bargain');
  assert.equal(ba49.code, 'BA49');
  assert.match(plain(ba49.text), /cena zniżkowa 130,00 · obniżka 35 % · cena rynkowa 200,00 · minimum 40 %/);
  assert.match(ba49.text, /35\u00a0%/, 'a percentage never wraps apart from its sign (a non-breaking space)');
  // The Ads Partner figures of the engine's messages.
  await page.click('#tab-partner');
  const spend = (await messagesAt(page, '#p-spend'))[0].text;
  assert.match(plain(spend), /400 000,00 zł/);
  assert.match(plain(spend), /150 000,00 zł/);
  assert.doesNotMatch(spend, /\d\.\d\d/);

  await page.click('button[data-lang="en"]');
  assert.match((await messagesAt(page, '#p-spend'))[0].text, /400,000\.00 PLN/);
  await page.click('#tab-application');
  assert.equal(await page.textContent('#a-hint strong'), '80.00–120.00 PLN passes SANDBOX_TEST_CAMPAIGN');
  // Example amounts in the fields follow the language too.
  assert.equal(await page.getAttribute('#a-bargain', 'placeholder'), '100.00');
  await page.click('button[data-lang="pl"]');
  assert.equal(await page.getAttribute('#a-bargain', 'placeholder'), '100,00');
  assert.equal(plain(await page.getAttribute('#p-spend', 'placeholder')), '100 000,00');
  done();
});

test('in Polish, a context value that cannot be read is explained in Polish at its field', async (t) => {
  const { page, done } = await open(t, { locale: 'pl-PL' });
  await page.fill('#a-bargain', '100,00');
  for (const [field, typed, path, words] of [
    ['#a-price', 'dwieście', 'offer.sellingMode.price.amount', /^Nie da się odczytać „dwieście” jako kwoty: wpisz ją np\. jako 180,00\.$/],
    ['#a-lowest', '12,3,4', 'metrics.lowestPrice30Days.amount', /^Nie da się odczytać „12,3,4” jako kwoty/],
    ['#a-stock', 'dużo', 'offer.stock.available', /^Nie da się odczytać „dużo” jako liczby całkowitej/],
  ]) {
    await page.fill(field, typed);
    assert.equal(await verdict(page), 'ERROR', field);
    assert.equal(await invalid(page, field), 'true', field);
    // The package refuses the document, naming the field's path.
    let error;
    try {
      check(await doc(page), { lang: 'pl' });
    } catch (e) {
      error = e;
    }
    assert.equal(error?.path, path);
    const at = await messagesAt(page, field);
    assert.equal(at.length, 1, JSON.stringify(at));
    assert.equal(at[0].code, error.code);
    assert.match(at[0].text, words);
    assert.doesNotMatch(at[0].text, /invalid|expected|found|i64|sellingMode/);
    const banner = await page.textContent('#a-verdict-text');
    assert.ok(banner.startsWith('Tych danych nie da się sprawdzić: '), banner);
    assert.doesNotMatch(banner, /invalid|expected|\.amount/);
    await page.fill(field, field === '#a-stock' ? '25' : '200,00');
    assert.equal(await verdict(page), 'ACCEPT', `${field} read again`);
  }
  // A context fault with words of its own: the package's Polish message, at the field.
  await page.selectOption('#a-offer-currency', 'EUR');
  assert.match((await messagesAt(page, '#a-offer-currency'))[0].text, /^waluta EUR różni się od waluty kampanii PLN/);
  done();
});

test('at 1366×900 the price is visible without scrolling, in both languages and both tabs that take one', async (t) => {
  for (const locale of ['en-GB', 'pl-PL']) {
    const { page, done } = await open(t, { locale });
    const a = await inViewport(page, '#a-bargain');
    assert.ok(a.inside, `${locale}: the bargain price is at ${JSON.stringify(a.box)}`);
    await page.click('#tab-update');
    const u = await inViewport(page, '#u-bargain');
    assert.ok(u.inside, `${locale}: the new bargain price is at ${JSON.stringify(u.box)}`);
    done();
  }
});

test('nothing is red before it is touched: an empty field is something to fill in; the partner tab’s unticked boxes say nothing', async (t) => {
  const { page, done } = await open(t);
  const redInForm = (panel) => page.$$eval(`#panel-${panel} form .is-invalid, #panel-${panel} form [aria-invalid="true"]`, (els) => els.length);
  const shownInForm = (panel) => page.$$eval(`#panel-${panel} form .violation`, (els) => els.filter((e) => e.offsetParent !== null).length);
  await page.click('#panel-application button:text("Clear")');
  assert.equal(await verdict(page), 'TODO');
  assert.equal(await redInForm('application'), 0);
  assert.equal(await shownInForm('application'), 0);
  // Touched and left empty: now it is an error, at the field.
  await page.fill('#a-bargain', '1');
  await page.fill('#a-bargain', '');
  assert.equal(await invalid(page, '#a-bargain'), 'true');
  assert.deepEqual((await messagesAt(page, '#a-bargain')).map((m) => m.code), ['BA2']);

  await page.click('#tab-partner');
  await page.click('#panel-partner button:text("Clear")');
  assert.equal(await redInForm('partner'), 0);
  assert.equal(await shownInForm('partner'), 0);
  const missing = await page.$$eval('#p-problems li', (lis) => lis.map((li) => li.dataset.code));
  assert.ok(missing.includes('ADS_BUSINESS_ACCOUNT'), 'the result still lists what is missing');
  await page.check('#p-business');
  await page.uncheck('#p-business');
  assert.deepEqual((await messagesAt(page, '#p-business')).map((m) => m.code), ['ADS_BUSINESS_ACCOUNT']);
  assert.deepEqual(await messagesAt(page, '#p-website'), []);
  done();
});

test('the badge update tab: an empty new price is “fill in”, never sent as ""; the passing range shown as on the application tab', async (t) => {
  const { page, done } = await open(t, { path: '/#update', locale: 'pl-PL' });
  assert.equal(await verdict(page, 'u'), 'TODO');
  assert.match(await page.textContent('#u-verdict-text'), /Nowa cena zniżkowa/);
  const at = await messagesAt(page, '#u-bargain');
  assert.deepEqual(at.map((m) => m.code), ['REQUIRED']);
  assert.match(at[0].text, /Wpisz nową cenę zniżkową/);
  assert.equal(await invalid(page, '#u-bargain'), null, 'not red before it is touched');
  assert.deepEqual((await doc(page, 'u')).request, { prices: { bargain: { value: { currency: 'PLN' } } } }, 'no amount, not ""');
  assert.equal(await page.textContent('#u-body'), '', 'no body shown for a request that cannot be sent');
  // The passing range before any price is typed, as on the application tab.
  const before = check(await doc(page, 'u'), { lang: 'pl' }).hints.bargain;
  assert.deepEqual(before, { min: '80.00', max: '120.00', currency: 'PLN' });
  assert.equal(plain(await page.textContent('#u-hint strong')), '80,00–120,00 zł przejdzie w SANDBOX_TEST_CAMPAIGN');
  assert.match(plain(await describedBy(page, '#u-bargain')), /80,00–120,00 zł przejdzie/);
  assert.equal(await page.isVisible('#u-allegro'), false);
  await page.fill('#u-bargain', '9');
  await page.fill('#u-bargain', '');
  assert.equal(await invalid(page, '#u-bargain'), 'true');
  assert.doesNotMatch(await page.textContent('#u-doc'), /"amount": ""/);

  await page.fill('#u-bargain', '90,00');
  assert.deepEqual(await body(page, 'u'), { prices: { bargain: { value: { amount: '90.00', currency: 'PLN' } } } });
  assert.equal(await verdict(page, 'u'), 'ACCEPT');
  // The engine gives hints.bargain for a price change whenever its market ladder runs.
  const report = check(await doc(page, 'u'), { lang: 'pl' });
  assert.ok(report.hints.bargain, 'the package gives the passing range of a price change');
  const { min, max } = report.hints.bargain;
  const text = `${min.replace('.', ',')}–${max.replace('.', ',')} zł przejdzie w SANDBOX_TEST_CAMPAIGN`;
  assert.equal(plain(await page.textContent('#u-hint strong')), text);
  assert.match(plain(await page.textContent('#u-bargain-range')), new RegExp(`^${text}`));
  // Another badge market price, another range: still the package's.
  await page.fill('#u-badge-market', '150,00');
  const other = check(await doc(page, 'u'), { lang: 'pl' }).hints.bargain;
  assert.notDeepEqual(other, report.hints.bargain);
  assert.equal(plain(await page.textContent('#u-hint strong')),
    `${other.min.replace('.', ',')}–${other.max.replace('.', ',')} zł przejdzie w SANDBOX_TEST_CAMPAIGN`);
  done();
});

test('on a phone (390×844) every tab is whole, and the verdict bar never covers the focused field', async (t) => {
  for (const locale of ['en-GB', 'pl-PL']) {
    const { page, done } = await open(t, { viewport: PHONE, locale });
    const tabs = await page.$$eval('[role="tab"]', (els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      const title = el.querySelector('.tab-title');
      return { text: el.textContent, left: r.left, right: r.right, scroll: title.scrollWidth, client: title.clientWidth, own: el.scrollWidth, width: el.clientWidth };
    }));
    assert.equal(tabs.length, 4);
    for (const tab of tabs) {
      assert.ok(tab.left >= 0 && tab.right <= PHONE.width, `${locale}: ${tab.text} at ${tab.left}–${tab.right}`);
      assert.ok(tab.scroll <= tab.client && tab.own <= tab.width, `${locale}: ${tab.text} is cut (${JSON.stringify(tab)})`);
    }
    assert.equal(await page.$eval('.tabs', (el) => el.scrollWidth <= el.clientWidth), true);

    // Fields just under the bar, focused: each ends up above it.
    for (const id of ['a-stock', 'a-category', 'a-account-id', 'a-ratings']) {
      await page.evaluate((id) => {
        const el = document.getElementById(id);
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - (window.innerHeight - 24));
      }, id);
      await page.focus(`#${id}`);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const field = await page.locator(`#${id}`).boundingBox();
      const bar = await page.locator('#a-mini').boundingBox();
      assert.ok(field.y >= 0 && field.y + field.height <= bar.y, `${locale}: #${id} (${field.y}–${field.y + field.height}) under the bar at ${bar.y}`);
    }
    done();
  }
});

test('a reached Ads Partner level is a success (✓), not a red ✕', async (t) => {
  const { page, done } = await open(t, { path: '/#partner' });
  assert.equal(await page.getAttribute('#p-level', 'data-level'), 'PARTNER');
  assert.equal(await verdict(page, 'p'), 'REACHED');
  assert.equal(await page.getAttribute('#p-verdict', 'data-verdict'), 'REJECT', 'the next level is not reached');
  const look = () => page.$eval('#p-verdict', (el) => ({
    icon: getComputedStyle(el.querySelector('.verdict-icon'), '::before').content,
    color: getComputedStyle(el).color,
  }));
  const reached = await look();
  assert.equal(reached.icon, '"✓"');
  assert.match(await page.textContent('#p-verdict-text'), /II · Allegro Ads Partner/);
  await page.uncheck('#p-business');
  assert.equal(await verdict(page, 'p'), 'REJECT');
  const none = await look();
  assert.equal(none.icon, '"✕"');
  assert.notEqual(none.color, reached.color);
  done();
});

test('Polish words: ACTIVATING is “W trakcie aktywacji”; a campaign Allegro would not find still shows when it is listed', async (t) => {
  const { page, done } = await open(t, { locale: 'pl-PL' });
  assert.equal(await page.textContent('#a-status option[value="ACTIVATING"]'), 'W trakcie aktywacji');
  await page.click('#a-campaigns-details summary');
  await page.click('#a-campaigns-example');
  assert.equal(await page.inputValue('#a-campaign'), 'BARGAIN');
  assert.deepEqual((await messagesAt(page, '#a-campaign')).map((m) => m.code), ['BA10']);
  const facts = await page.$$eval('#a-campaign-info dt', (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
  const visible = facts.find(([label]) => label === 'Widoczna na liście kampanii');
  assert.ok(visible, JSON.stringify(facts));
  assert.match(visible[1], /2018.* – .*2020/);
  done();
});

test('tabs follow the URL: read on load and on hashchange, written on switch', async (t) => {
  const { page, done } = await open(t, { path: '/#update' });
  const selected = () => page.$eval('[role="tab"][aria-selected="true"]', (el) => el.id);
  assert.equal(await selected(), 'tab-update');
  await page.evaluate(() => { location.hash = '#partner'; });
  await page.waitForFunction(() => document.querySelector('#tab-partner').getAttribute('aria-selected') === 'true');
  assert.equal(await page.isVisible('#p-level'), true);
  await page.click('#tab-plan');
  assert.equal(new URL(page.url()).hash, '#plan');
  await page.click('#tab-application');
  assert.equal(new URL(page.url()).hash, '#application');
  done();
});

test('pasting an offer without a listing date keeps “Listed on”, and says so', async (t) => {
  const { page, done } = await open(t, { locale: 'pl-PL' });
  assert.equal(await page.inputValue('#a-listed'), '2026-10-01');
  await page.click('#a-offer-details summary');
  await page.fill('#a-offer-json', JSON.stringify({ id: '555', sellingMode: { format: 'BUY_NOW', price: { amount: '150.00', currency: 'PLN' } } }));
  assert.equal(await page.inputValue('#a-offer-id'), '555');
  assert.equal(await page.inputValue('#a-listed'), '2026-10-01');
  assert.match(await page.textContent('#a-offer-kept'), /Wystawiona/);
  assert.equal((await doc(page)).offer.publication.startedAt, '2026-10-01T00:00:00Z');
  done();
});

test('screenshots: both languages at 1366×900 and 390×844', async (t) => {
  for (const [lang, locale] of [['en', 'en-GB'], ['pl', 'pl-PL']]) {
    for (const [size, viewport] of [['1366x900', DESKTOP], ['390x844', PHONE]]) {
      const { page, done } = await open(t, { viewport, locale });
      // A bargain price one grosz too high for the sandbox.
      await page.fill('#a-bargain', lang === 'pl' ? '120,01' : '120.01');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('#a-bargain').blur();
      await page.screenshot({ path: join(shots, `${lang}-${size}.png`) });
      assert.equal(await verdict(page), 'REJECT');
      done();
    }
  }
});

// The audit's HTML report in Chromium (Debian's, driven by playwright-core
// from the npm package's tools, as `make setup-node` installs it): a
// generated history with price recordings (gen-audit-history), recorded
// with `ledger record` and audited with `--ledger --format html`; the page
// opened from its file renders each campaign's discounts and each reading's
// M as SVG, logs no console error and requests nothing but itself (every
// request is routed: any other URL fails the test).
//
// Needs target/release/badge-rules and target/release/gen-audit-history
// (`make test-audit` builds them). BADGE_RULES_SCREENSHOT=1 also writes
// the screenshot shown in docs/AUDIT.md (docs/audit-report.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const release = join(root, 'target', 'release');
const tools = join(root, 'crates', 'badge-rules-wasm', 'tools');

function run(bin, args) {
  return execFileSync(join(release, bin), args, { maxBuffer: 1 << 28 });
}

test('the HTML report renders in Chromium from its file alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'badge-rules-audit-'));
  try {
    run('gen-audit-history', ['400', '6', '7', dir, '--prices']);
    const db = join(dir, 'prices.db');
    run('badge-rules', ['ledger', 'record', '--db', db, join(dir, 'prices.jsonl')]);
    const inputs = ['--predictions', join(dir, 'checks.jsonl'), '--outcomes', join(dir, 'outcomes.jsonl'),
      '--ledger', db];
    const json = JSON.parse(run('badge-rules', ['audit', ...inputs, '--format', 'json']).toString());
    const file = join(dir, 'audit.html');
    writeFileSync(file, run('badge-rules', ['audit', ...inputs, '--format', 'html']));
    const url = pathToFileURL(file).href;

    const { chromium } = createRequire(join(tools, 'package.json'))('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const outside = [];
      const errors = [];
      await page.route('**/*', (route) => {
        const requested = route.request().url();
        if (requested === url) return route.continue();
        outside.push(requested);
        return route.abort();
      });
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url, { waitUntil: 'load' });

      assert.equal(await page.locator('h1').count(), 1);
      const campaigns = json.learnt.map((l) => l.campaign);
      assert.equal(campaigns.length, 6);
      for (const c of campaigns) {
        const svg = page.locator(`svg[aria-label="discounts of ${c}"]`);
        assert.equal(await svg.count(), 1, c);
        const box = await svg.boundingBox();
        assert.ok(box && box.width > 100 && box.height > 50, `${c}: ${JSON.stringify(box)}`);
        // Its outcomes are drawn: accepted dots or declined crosses.
        assert.ok(await svg.locator('circle, path').count() > 0, c);
      }
      assert.equal(json.market.readings.length, 4);
      for (const r of json.market.readings) {
        const svg = page.locator(`svg[aria-label="M of ${r.name}"]`);
        assert.equal(await svg.count(), 1, r.name);
        assert.ok(await svg.locator('circle').count() > 0, r.name);
      }
      if (process.env.BADGE_RULES_SCREENSHOT) {
        // The pictures: the discounts per campaign, then the readings of M.
        await page.evaluate(() => [...document.querySelectorAll('h2')]
          .find((h) => h.textContent.startsWith('Discounts')).scrollIntoView());
        await page.screenshot({ path: join(root, 'docs', 'audit-report.png') });
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(outside, []);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

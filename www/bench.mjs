// The form's speed where a user waits (issue 24; `make bench-form`, figures
// in BENCHMARKS.md): Debian's Chromium through playwright-core loads the
// built form (www/dist, `make www`) from serve.mjs on 127.0.0.1, each load in
// a fresh browser context (nothing cached), in two conditions:
//
// - localhost: no throttling;
// - throttled: CDP Network.emulateNetworkConditions (1.6 Mbit/s down and up,
//   150 ms RTT) and Emulation.setCPUThrottlingRate 4.
//
// Per load, from the navigation's start: the first verdict (the page's
// `#a-verdict` given its first `data-state`), and the baseline of the same
// load, the last byte the first verdict needs (the latest `responseEnd` of
// the document and of every resource fetched by then): the transfer floor,
// which no page can beat on that link. Then, on the loaded page, keystrokes:
// a character typed into the offer's price (an `input` event, which the
// form answers synchronously: check and render, then a forced layout), each
// timed, the median of --keys.
//
// --before DIR adds a second build (e.g. the form of an older commit) whose
// loads alternate with these, so that both share the machine's moods.
//
// Usage: node www/bench.mjs [--dist DIR] [--before DIR] [--loads N] [--keys N]
// Prints one JSON object on stdout.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticServer } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const builds = { after: resolve(arg('--dist', join(here, 'dist'))) };
if (arg('--before', null)) builds.before = resolve(arg('--before', null));
const loads = Number(arg('--loads', '9'));
const keys = Number(arg('--keys', '15'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
for (const dir of Object.values(builds)) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run \`make www\` first`);
}
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: make setup-browser`);
const { chromium } = createRequire(import.meta.url)('playwright-core');

/** The figures of the issue: 1.6 Mbit/s each way, 150 ms round trip, CPU 4x slower. */
const THROTTLED = { latency: 150, bytesPerSecond: 1.6e6 / 8, cpu: 4 };

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? null : n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// Installed before the page's scripts: records when #a-verdict first gets a
// data-state, and what had been fetched by then.
const WATCH = () => {
  const seen = () => {
    const v = document.getElementById('a-verdict');
    if (!v || !v.dataset.state || window.__firstVerdict) return;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    window.__firstVerdict = {
      at: performance.now(),
      lastByte: Math.max(...entries.map((e) => e.responseEnd)),
      bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
      files: entries.length,
    };
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
};

async function load(browser, origin, throttled) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH);
    const cdp = await context.newCDPSession(page);
    if (throttled) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: THROTTLED.latency,
        downloadThroughput: THROTTLED.bytesPerSecond, uploadThroughput: THROTTLED.bytesPerSecond,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpu });
    }
    await page.goto(`${origin}/`);
    const first = await page.waitForFunction(() => window.__firstVerdict, null, { timeout: 60_000 }).then((h) => h.jsonValue());
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    // Keystrokes into the price (the form opens with the example filled in).
    const typed = await page.evaluate((n) => {
      const price = document.getElementById('a-price');
      const times = [];
      for (let i = 0; i < n; i++) {
        price.value = `${100 + i}.00`;
        const t0 = performance.now();
        price.dispatchEvent(new Event('input', { bubbles: true }));
        void document.body.offsetHeight; // the render's layout, forced
        times.push(performance.now() - t0);
      }
      return times;
    }, keys);
    return { firstVerdict: first.at, lastByte: first.lastByte, bytes: first.bytes, files: first.files, keystroke: median(typed) };
  } finally {
    await context.close();
  }
}

const servers = {};
for (const [name, dir] of Object.entries(builds)) {
  const server = staticServer(dir);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  servers[name] = { server, origin: `http://127.0.0.1:${server.address().port}` };
}
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const runs = {};
try {
  const names = Object.keys(builds);
  for (let i = 0; i < loads; i++) {
    for (const throttled of [false, true]) {
      for (const name of i % 2 ? [...names].reverse() : names) {
        const key = `${name}/${throttled ? 'throttled' : 'localhost'}`;
        (runs[key] ??= []).push(await load(browser, servers[name].origin, throttled));
      }
    }
  }
} finally {
  await browser.close();
  for (const { server } of Object.values(servers)) server.close();
}

const r2 = (x) => Math.round(x * 100) / 100;
const summary = {};
for (const [key, list] of Object.entries(runs)) {
  summary[key] = {
    loads: list.length,
    firstVerdictMs: r2(median(list.map((r) => r.firstVerdict))),
    lastByteMs: r2(median(list.map((r) => r.lastByte))),
    // Per load, first verdict / last byte; the median of those ratios.
    ratio: r2(median(list.map((r) => r.firstVerdict / r.lastByte))),
    bytes: median(list.map((r) => r.bytes)),
    files: median(list.map((r) => r.files)),
    keystrokeMs: r2(median(list.map((r) => r.keystroke))),
  };
}
console.log(JSON.stringify({
  chromium: browser.version(),
  throttling: { latencyMs: THROTTLED.latency, mbitPerSecond: (THROTTLED.bytesPerSecond * 8) / 1e6, cpuSlowdown: THROTTLED.cpu },
  keystrokes: keys,
  builds,
  results: summary,
}, null, 2));

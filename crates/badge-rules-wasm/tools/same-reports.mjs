// Two builds of the npm package give the same answers, byte for byte: every
// report and every input error (its whole message, code, path, params), in
// both languages, through checkJson() and check(), over the conformance
// corpus, the fuzz seeds, findings and working corpus (whatever of them is on
// disk), and the seeded generator's documents; and every plan() and
// planCsv() of examples/plan (badge-rules/plan). `make test-wasm` runs it on
// the shipped package (the pinned-nightly size build) against the stable
// build.
//
// Usage: node tools/same-reports.mjs PKG_A PKG_B [--generated N]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, generated } from '../tests/helpers.mjs';
import { load } from '../../../tests/runner/corpus.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--generated');
const count = at >= 0 ? Number(args.splice(at, 2)[1]) : 10_000;
const [a, b] = args.map((dir) => resolve(dir));
if (!a || !b) throw new Error('usage: node tools/same-reports.mjs PKG_A PKG_B [--generated N]');

async function open(dir, tag, stem = 'badge_rules') {
  const glue = await import(`${pathToFileURL(join(dir, `${stem}.js`)).href}?${tag}`);
  glue.initSync({ module: new WebAssembly.Module(readFileSync(join(dir, `${stem}_bg.wasm`))) });
  return glue;
}
const pa = await open(a, 'a');
const pb = await open(b, 'b');
// plan() and planCsv(): the plan module's (badge-rules/plan), or, in a
// package built before it had one, the main module's.
const planOf = (dir, main, tag) =>
  (existsSync(join(dir, 'badge_rules_plan.js')) ? open(dir, tag, 'badge_rules_plan') : main);
const qa = await planOf(a, pa, 'plan-a');
const qb = await planOf(b, pb, 'plan-b');

/** Everything a caller can see of one answer. */
function answer(fn) {
  try {
    return JSON.stringify(fn());
  } catch (e) {
    return JSON.stringify({ thrown: e instanceof Error, message: String(e?.message), ...e });
  }
}

const texts = [];
for (const v of load()) texts.push(JSON.stringify(v.document));
for (const sub of ['seeds', 'regressions', 'corpus']) {
  const path = join(root, 'fuzz', sub, 'check_json');
  if (!existsSync(path)) continue;
  for (const f of readdirSync(path).filter((x) => !x.startsWith('.')).sort()) {
    try {
      texts.push(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(path, f))));
    } catch {
      // not UTF-8: JavaScript cannot pass it as a string
    }
  }
}
const corpusAndFuzz = texts.length;
texts.push(...generated(count));

let compared = 0;
const differ = [];
for (const [i, text] of texts.entries()) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = undefined;
  }
  for (const lang of ['en', 'pl']) {
    const calls = [(p) => p.checkJson(text, { lang })];
    if (doc !== undefined) calls.push((p) => p.check(doc, { lang }));
    for (const call of calls) {
      compared++;
      const x = answer(() => call(pa));
      const y = answer(() => call(pb));
      if (x !== y && differ.length < 10) differ.push({ document: i, lang, a: x, b: y });
    }
  }
}
// The plans of examples/plan (its {offer, metrics} lines, its GET
// /sale/offers page, items that are not offers, contexts that cannot be
// read), in both languages and with each price rule, as lines and as CSV.
const plans = join(root, 'examples', 'plan');
const context = JSON.parse(readFileSync(join(plans, 'context.json'), 'utf8'));
const items = readFileSync(join(plans, 'offers-metrics.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const page = JSON.parse(readFileSync(join(plans, 'offers-page.json'), 'utf8'));
const odd = [items[0], { offers: 3 }, { offer: { id: 7 } }, 'text', { offers: [{ id: '1' }, [2]] }];
const badContexts = [[], { campaigns: { badgeCampaigns: [{ id: 'X', application: { type: 'ALWAYS' }, publication: { type: 'WITHIN' } }] } },
  { now: '2026-11-23T12:00:00Z', campaigns: [] }];
let planned = 0;
for (const lang of ['en', 'pl']) {
  const runs = [];
  for (const price of [undefined, 'lowest', 'discount=15', 'discount=0']) {
    runs.push([context, items, { lang, price }], [context, [page], { lang, price, campaigns: ['BARGAIN', 'HIT'] }]);
  }
  runs.push([context, odd, { lang }], ...badContexts.map((c) => [c, items, { lang }]));
  for (const args of runs) {
    for (const fn of ['plan', 'planCsv']) {
      compared++;
      planned++;
      const x = answer(() => qa[fn](...args));
      const y = answer(() => qb[fn](...args));
      if (x !== y && differ.length < 10) differ.push({ [fn]: args[2], a: x.slice(0, 2000), b: y.slice(0, 2000) });
    }
  }
}
console.log(`same-reports: ${texts.length} documents (${corpusAndFuzz} corpus and fuzz, ${count} generated) and ` +
  `${planned} plans of examples/plan, ${compared} answers compared: ${differ.length ? 'DIFFERENT' : 'byte-identical'}`);
if (differ.length) {
  console.error(JSON.stringify(differ, null, 2));
  process.exit(1);
}

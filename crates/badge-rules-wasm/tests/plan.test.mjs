// badge-rules/plan's plan(context, offers, options) is the native CLI's
// `badge-rules plan`, line for line, over examples/plan (its {offer, metrics}
// lines and its GET /sale/offers page), with options and in Polish; planCsv()
// is `--format csv`; items that are not offers are lines of their own (the
// CLI's, but for `file`, which names the item); a context that cannot be read
// throws. The plan module is its own .wasm: `badge-rules` has no plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkg, root } from './helpers.mjs';

const br = await import(join(pkg, 'plan-node.mjs'));
const main = await import(join(pkg, 'node.mjs'));

const dir = join(root, 'examples', 'plan');
const contextFile = join(dir, 'context.json');
const context = JSON.parse(readFileSync(contextFile, 'utf8'));
const linesFile = join(dir, 'offers-metrics.jsonl');
const items = readFileSync(linesFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const pageFile = join(dir, 'offers-page.json');
const page = JSON.parse(readFileSync(pageFile, 'utf8'));

/** The CLI's stdout for `badge-rules plan --context CONTEXT ...args`. */
function cli(args, contextPath = contextFile) {
  const bin = join(root, 'target', 'release', 'badge-rules');
  const run = spawnSync(bin, ['plan', '--context', contextPath, ...args], { maxBuffer: 1 << 28, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

const lines = (text) => text.split('\n').filter(Boolean);

test('plan() over {offer, metrics} lines is the CLI\'s JSONL, byte for byte', () => {
  const got = br.plan(context, items);
  const want = lines(cli([linesFile]));
  assert.equal(got.length, 900);
  assert.deepEqual(got.map((l) => JSON.stringify(l)), want);
  assert.ok(got.some((l) => l.verdict === 'ACCEPT' && l.body) && got.some((l) => l.verdict === 'REJECT'));
});

test('plan() with campaigns, price and lang, over a GET /sale/offers page', () => {
  const got = br.plan(context, [page], { lang: 'pl', campaigns: ['BARGAIN', 'HIT'], price: 'discount=15' });
  const want = lines(cli(['--lang', 'pl', '--campaign', 'BARGAIN', '--campaign', 'HIT', '--price', 'discount=15', pageFile]));
  assert.equal(got.length, 600);
  assert.deepEqual(got.map((l) => JSON.stringify(l)), want);
});

test('items that are not offers are lines of their own, as the CLI writes them but for the file', () => {
  const bad = [items[0], { offers: 3 }, { offer: { id: 7 } }, 'text', { offers: [{ id: '1' }, [2]] }, items[1]];
  const tmp = mkdtempSync(join(tmpdir(), 'plan-'));
  try {
    const file = join(tmp, 'bad.jsonl');
    writeFileSync(file, bad.map((b) => JSON.stringify(b)).join('\n') + '\n');
    const want = lines(cli(['--campaign', 'BARGAIN', file])).map((l) => JSON.parse(l));
    const got = br.plan(context, bad, { campaigns: ['BARGAIN'] });
    assert.equal(got.length, want.length);
    for (let i = 0; i < got.length; i++) {
      if (want[i].error) {
        // The CLI names the file and its line; the package the item.
        assert.deepEqual({ ...got[i], file: 'x', line: 0 }, { ...want[i], file: 'x', line: 0 });
        assert.match(got[i].file, /^offers\[\d\]$/);
      } else {
        assert.deepEqual(got[i], want[i]);
      }
    }
    assert.deepEqual(got.filter((l) => l.error).map((l) => [l.file, l.error.path]), [
      ['offers[1]', 'offers'], ['offers[2]', 'offer.id'], ['offers[3]', ''], ['offers[4]', 'offers[1]'],
    ]);
  } finally {
    rmSync(tmp, { recursive: true });
  }
});

test('planCsv() is the CLI\'s --format csv but for the source column', () => {
  const strip = (csv) => csv.split('\r\n').map((r) => r.replace(/[,;][^,;]*$/, ''));
  for (const lang of ['en', 'pl']) {
    const got = br.planCsv(context, items, { lang, campaigns: ['BARGAIN'] });
    const want = cli(['--format', 'csv', '--lang', lang, '--campaign', 'BARGAIN', linesFile]);
    assert.ok(got.startsWith('\uFEFF'));
    assert.deepEqual(strip(got), strip(want));
    assert.equal(got.split('\r\n').length, 302);
  }
});

test('a context that cannot be read or checked, bad options and arguments throw', () => {
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      return { name: e.name, kind: e.kind, path: e.path, code: e.code, message: e.message };
    }
    return null;
  };
  const bad = { campaigns: { badgeCampaigns: [{ id: 'X', application: { type: 'ALWAYS' }, publication: { type: 'WITHIN' } }] } };
  assert.deepEqual(thrown(() => br.plan(bad, [])), {
    name: 'BadgeRulesError', kind: 'context', path: 'campaigns.badgeCampaigns[0].publication.from', code: 'PERIOD_BOUND',
    message: 'campaigns.badgeCampaigns[0].publication.from: a WITHIN period needs `from`',
  });
  assert.equal(thrown(() => br.plan({ badges: { badges: [{ offer: {} }] } }, [])).path, 'badges.badges[0].offer.id');
  assert.equal(thrown(() => br.plan({ now: '2026-11-23T12:00:00Z', campaigns: [] }, [])).code, 'NO_OPEN_CAMPAIGN');
  // in the chosen language, as every other error
  assert.match(thrown(() => br.plan({ now: '2026-11-23T12:00:00Z', campaigns: [] }, [], { lang: 'pl' })).message,
    /^kontekst nie pokazuje żadnej kampanii otwartej/);
  assert.equal(thrown(() => br.plan(context, {})).path, 'offers');
  assert.equal(thrown(() => br.plan([], [])).path, 'context');
  assert.equal(thrown(() => br.plan(context, [], { price: 'discount=0' })).path, 'options.price');
  assert.equal(thrown(() => br.plan(context, [], { campaigns: 'BARGAIN' })).path, 'options.campaigns');
  const cycle = {};
  cycle.self = cycle;
  assert.equal(thrown(() => br.plan(context, [cycle])).path, 'offers[0]');
});

test('badge-rules/plan is a module of its own: plan and planCsv with init, initSync and BadgeRulesError; badge-rules has no plan', async () => {
  assert.deepEqual(Object.keys(br).sort(), ['BadgeRulesError', 'default', 'initSync', 'plan', 'planCsv']);
  assert.equal(main.plan, undefined);
  assert.equal(main.planCsv, undefined);
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.exports['./plan'].node.import.default, './plan-node.mjs');
  assert.ok(readFileSync(join(pkg, 'badge_rules_plan_bg.wasm')).length > 0);
  // Its errors are the package's errors, whichever entry's class is asked.
  let error;
  try {
    br.plan([], []);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof br.BadgeRulesError && error instanceof main.BadgeRulesError);
  assert.notEqual(br.BadgeRulesError, main.BadgeRulesError);
  // The web entry: nothing before initSync, then plans.
  const web = await import(join(pkg, 'badge_rules_plan.js') + '?web');
  assert.throws(() => web.plan(context, items), (e) => e instanceof main.BadgeRulesError && e.code === 'NOT_INITIALIZED' &&
    /import "badge-rules\/plan"/.test(e.message));
  web.initSync({ module: readFileSync(join(pkg, 'badge_rules_plan_bg.wasm')) });
  assert.equal(web.plan(context, [items[0]]).length, 3);
});

test('the declarations type a plan: its context, items, options and both kinds of line', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'plan-ts-'));
  try {
    const file = join(tmp, 'plan.ts');
    writeFileSync(file, `import { plan, planCsv, type PlanLine, type PlanContext } from ${JSON.stringify(join(pkg, 'badge_rules_plan.js'))};
const context: PlanContext = { now: '2026-11-23T12:00:00Z', campaigns: { badgeCampaigns: [{ id: 'BARGAIN', type: 'DISCOUNT' }] },
  badges: [{ badges: [] }], applications: { badgeApplications: [] }, campaignTerms: { BARGAIN: { minStock: 2 } } };
const out: PlanLine[] = plan(context, [{ offers: [{ id: '1' }] }, { offer: { id: '2' }, metrics: { soldLast30Days: 3 } }, { id: '3' }],
  { campaigns: ['BARGAIN'], price: 'discount=15', lang: 'pl' });
for (const l of out) {
  if ('error' in l) {
    const where: string = \`\${l.file}:\${l.line} \${l.error.path}\`;
    void where;
  } else {
    const verdict: 'ACCEPT' | 'REJECT' | 'INCOMPLETE' = l.verdict;
    const amount: string | undefined = l.proposedBargain?.amount;
    const currency: string | undefined = l.body?.prices?.bargain.currency;
    void verdict; void amount; void currency;
  }
}
const csv: string = planCsv(context, [], { lang: 'en' });
void csv;
// @ts-expect-error: not a price rule
plan(context, [], { price: 'cheapest' });
`);
    const tsc = join(root, 'crates', 'badge-rules-wasm', 'tools', 'node_modules', '.bin', 'tsc');
    const run = spawnSync(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext',
      '--moduleResolution', 'bundler', '--lib', 'es2022', file], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  } finally {
    rmSync(tmp, { recursive: true });
  }
});

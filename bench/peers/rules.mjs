// The one rule set of the peers' comparison (bench.mjs), expressed in each
// engine, and the cases every engine must answer alike before it is timed.
//
// A case: campaign.id, offer.id, the bargain price B and the market price M
// (decimal strings, PLN), and the codes the sandbox campaign's rules give
// (minPercent 40, maxPercent 60, RULES.md §4.1 and §4.3).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const modules = join(here, 'node_modules');
const MIN_PERCENT = 40;
const MAX_PERCENT = 60;

const ok = { campaignId: 'SANDBOX_TEST_CAMPAIGN', offerId: '12345678', market: '200.00' };
export const CASES = [
  { name: 'accept', ...ok, bargain: '100.00', codes: [], timed: true },
  { name: 'too-shallow', ...ok, bargain: '130.00', codes: ['BA49'], timed: true },
  { name: 'too-deep', ...ok, bargain: '70.00', codes: ['BA50'] },
  { name: 'min-bound', ...ok, bargain: '120.00', codes: [] },
  { name: 'max-bound', ...ok, bargain: '80.00', codes: [] },
  { name: 'just-shallow', ...ok, bargain: '120.01', codes: ['BA49'] },
  { name: 'just-deep', ...ok, bargain: '79.99', codes: ['BA50'] },
  { name: 'above-market', ...ok, bargain: '210.00', codes: ['BA14'] },
  { name: 'at-market', ...ok, bargain: '200.00', codes: ['BA13'] },
  { name: 'under-1-percent', ...ok, bargain: '199.00', codes: ['BA16'] },
  { name: 'blank-campaign', ...ok, campaignId: '  ', bargain: '100.00', codes: ['BB3'] },
  { name: 'empty-campaign', ...ok, campaignId: '', bargain: '100.00', codes: ['BB3'] },
  { name: 'no-campaign', ...ok, campaignId: undefined, bargain: '100.00', codes: ['BB3'] },
  { name: 'empty-offer', ...ok, offerId: '', bargain: '100.00', codes: ['BB4'] },
  { name: 'no-offer', ...ok, offerId: undefined, bargain: '100.00', codes: ['BB4'] },
  { name: 'leading-zero-offer', ...ok, offerId: '012345678', bargain: '100.00', codes: ['BB11'] },
  { name: 'letters-offer', ...ok, offerId: '12a', bargain: '100.00', codes: ['BB11'] },
  { name: 'long-offer', ...ok, offerId: '123456789012345678901', bargain: '100.00', codes: ['BB11'] },
];

/** The rule set's codes. */
const CODES = new Set(['BB3', 'BB4', 'BB11', 'BA14', 'BA13', 'BA16', 'BA49', 'BA50']);

/** Grosze of a decimal string with two fractional digits. */
const grosze = (amount) => Math.round(Number(amount) * 100);
const version = (name) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;

// badge-rules: check(doc) of the npm package on examples/sandbox-accept.json
// with the case's campaign.id, offer.id, B and M (the accepting case is that
// document as it is); the codes are the report's violations among the rule
// set's. It runs every rule of an application.
const sandbox = JSON.parse(readFileSync(join(root, 'examples', 'sandbox-accept.json'), 'utf8'));
function document(c) {
  const doc = structuredClone(sandbox);
  doc.request.campaign = c.campaignId === undefined ? {} : { id: c.campaignId };
  doc.request.offer = c.offerId === undefined ? {} : { id: c.offerId };
  doc.request.prices.bargain.amount = c.bargain;
  doc.metrics.lowestPrice30Days.amount = c.market;
  return doc;
}
const badgeRules = {
  name: 'badge-rules',
  expresses: 'every rule of an application (RULES.md §4), the ladder and the three shape rules among them',
  version: (pkg) => JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version,
  size: (pkg) => ({ what: 'badge_rules_bg.wasm', wasm: [join(pkg, 'badge_rules_bg.wasm')] }),
  async load(pkg) {
    const glue = await import(pathToFileURL(join(pkg, 'badge_rules.js')).href);
    glue.initSync({ module: new WebAssembly.Module(readFileSync(join(pkg, 'badge_rules_bg.wasm'))) });
    const decideInput = (doc) => glue.check(doc).violations.map((v) => v.code);
    // Compared on the rule set's codes: its other rules may add theirs (BA12
    // when B is above the offer's price, 200.00 in the sandbox document).
    const decide = (c) => decideInput(document(c)).filter((code) => CODES.has(code));
    return { input: document, decideInput, decide };
  },
};

// json-rules-engine: one rule per code, facts campaignId, offerId, bargain and
// market (grosze), and the discount d in per cent (a fact computed from them,
// rounded to 1e-4 so that 40 % is 40); custom operators for BB3 (blank) and
// BB11 (the offer-id pattern). The ladder's "first that holds" is written
// into each step's conditions.
const OFFER_ID = /^[1-9][0-9]{0,19}$/;
const jsonRulesEngine = {
  name: 'json-rules-engine',
  expresses: 'the ladder (BA14, BA13, BA16, BA49, BA50) and BB3, BB4, BB11, all of them',
  version: () => version('json-rules-engine'),
  size: () => ({
    what: 'its JS and its runtime dependencies\' (CommonJS builds)',
    jsDirs: ['json-rules-engine/dist', 'clone', 'eventemitter2/lib', 'hash-it/dist/cjs', 'jsonpath-plus/dist'],
  }),
  async load() {
    const { Engine } = require('json-rules-engine');
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addOperator('blank', (v) => typeof v !== 'string' || v.trim() === '');
    engine.addOperator('notOfferId', (v) => v !== undefined && v !== '' && !(typeof v === 'string' && OFFER_ID.test(v)));
    engine.addOperator('missingOrEmpty', (v) => v === undefined || v === '');
    engine.addFact('discount', async (_, almanac) => {
      const b = await almanac.factValue('bargain');
      const m = await almanac.factValue('market');
      return Math.round(((m - b) * 1e6) / m) / 1e4;
    });
    const rule = (code, all) => engine.addRule({ name: code, conditions: { all }, event: { type: code } });
    const lower = { fact: 'bargain', operator: 'lessThan', value: { fact: 'market' } };
    rule('BB3', [{ fact: 'campaignId', operator: 'blank', value: true }]);
    rule('BB4', [{ fact: 'offerId', operator: 'missingOrEmpty', value: true }]);
    rule('BB11', [{ fact: 'offerId', operator: 'notOfferId', value: true }]);
    rule('BA14', [{ fact: 'bargain', operator: 'greaterThan', value: { fact: 'market' } }]);
    rule('BA13', [{ fact: 'bargain', operator: 'equal', value: { fact: 'market' } }]);
    rule('BA16', [lower, { fact: 'discount', operator: 'lessThan', value: 1 }]);
    rule('BA49', [lower, { fact: 'discount', operator: 'greaterThanInclusive', value: 1 },
      { fact: 'discount', operator: 'lessThan', value: MIN_PERCENT }]);
    rule('BA50', [lower, { fact: 'discount', operator: 'greaterThanInclusive', value: 1 },
      { fact: 'discount', operator: 'greaterThanInclusive', value: MIN_PERCENT },
      { fact: 'discount', operator: 'greaterThan', value: MAX_PERCENT }]);
    const input = (c) => ({
      campaignId: c.campaignId, offerId: c.offerId, bargain: grosze(c.bargain), market: grosze(c.market),
    });
    const decideInput = async (facts) => (await engine.run(facts)).events.map((e) => e.type);
    return { input, decideInput, decide: (c) => decideInput(input(c)) };
  },
};

// zen-engine-wasm (expressions only, no decision tables in this package):
// one expression whose value is the list of codes; numbers are decimals.
const ZEN = `filter([
  (type(campaign.id) != 'string' or trim(campaign.id) == '') ? 'BB3' : null,
  (offer.id == null or offer.id == '') ? 'BB4' : null,
  (offer.id != null and offer.id != '' and (type(offer.id) != 'string' or not matches(offer.id, '^[1-9][0-9]{0,19}$'))) ? 'BB11' : null,
  b > m ? 'BA14' : (b == m ? 'BA13' : ((m - b) / m * 100 < 1 ? 'BA16' :
    ((m - b) / m * 100 < minPercent ? 'BA49' : ((m - b) / m * 100 > maxPercent ? 'BA50' : null))))
], # != null)`;
const zen = {
  name: 'zen-engine-wasm',
  expresses: 'the ladder and BB3, BB4, BB11, all of them, as one expression',
  version: () => version('@gorules/zen-engine-wasm'),
  size: () => ({
    what: 'zen_engine_wasm_bg.wasm',
    wasm: [join(modules, '@gorules', 'zen-engine-wasm', 'dist', 'zen_engine_wasm_bg.wasm')],
  }),
  async load() {
    const z = await import('@gorules/zen-engine-wasm');
    const bytes = readFileSync(join(modules, '@gorules', 'zen-engine-wasm', 'dist', 'zen_engine_wasm_bg.wasm'));
    z.initSync({ module: new WebAssembly.Module(bytes) });
    const input = (c) => ({
      campaign: c.campaignId === undefined ? {} : { id: c.campaignId },
      offer: c.offerId === undefined ? {} : { id: c.offerId },
      b: Number(c.bargain), m: Number(c.market), minPercent: MIN_PERCENT, maxPercent: MAX_PERCENT,
    });
    const decideInput = (ctx) => z.evaluateExpression(ZEN, ctx);
    return { input, decideInput, decide: (c) => decideInput(input(c)) };
  },
};

// cedar-wasm: one forbid policy per code (its id is the code) and one permit;
// the codes are the policies that decided a deny. Amounts in grosze (Cedar
// has no arithmetic on decimals), the ladder as products of longs. Cedar has
// no trim and no regular expressions (only `like` with `*`): BB3 is "missing,
// not a string or empty" (a blank id passes), and BB11 cannot be written.
const CEDAR = {
  BB3: 'forbid(principal, action, resource) when { !(context has campaignId) || context.campaignId == "" };',
  BB4: 'forbid(principal, action, resource) when { !(context has offerId) || context.offerId == "" };',
  BA14: 'forbid(principal, action, resource) when { context.bargain > context.market };',
  BA13: 'forbid(principal, action, resource) when { context.bargain == context.market };',
  BA16: 'forbid(principal, action, resource) when { context.bargain < context.market && '
    + '100 * (context.market - context.bargain) < context.market };',
  BA49: 'forbid(principal, action, resource) when { context.bargain < context.market && '
    + '100 * (context.market - context.bargain) >= context.market && '
    + '100 * (context.market - context.bargain) < context.minPercent * context.market };',
  BA50: 'forbid(principal, action, resource) when { context.bargain < context.market && '
    + '100 * (context.market - context.bargain) >= context.market && '
    + '100 * (context.market - context.bargain) >= context.minPercent * context.market && '
    + '100 * (context.market - context.bargain) > context.maxPercent * context.market };',
  allow: 'permit(principal, action, resource);',
};
const cedar = {
  name: 'cedar-wasm',
  expresses: 'the ladder, BB4, and BB3 without "blank" (no trim); not BB11 (no regular expressions)',
  expected: (c) => (c.name === 'blank-campaign' || c.codes.includes('BB11') ? [] : c.codes),
  version: () => version('@cedar-policy/cedar-wasm'),
  size: () => ({
    what: 'cedar_wasm_bg.wasm',
    wasm: [join(modules, '@cedar-policy', 'cedar-wasm', 'nodejs', 'cedar_wasm_bg.wasm')],
  }),
  async load() {
    const c = require('@cedar-policy/cedar-wasm/nodejs');
    const parsed = c.preparsePolicySet('badge', { staticPolicies: CEDAR });
    if (parsed.type !== 'success') throw new Error(JSON.stringify(parsed));
    const input = (k) => {
      const context = { bargain: grosze(k.bargain), market: grosze(k.market), minPercent: MIN_PERCENT, maxPercent: MAX_PERCENT };
      if (k.campaignId !== undefined) context.campaignId = k.campaignId;
      if (k.offerId !== undefined) context.offerId = k.offerId;
      return {
        principal: { type: 'Seller', id: 's' }, action: { type: 'Action', id: 'apply' },
        resource: { type: 'Campaign', id: 'c' }, context, preparsedPolicySetId: 'badge', entities: [],
      };
    };
    const decideInput = (call) => {
      const answer = c.statefulIsAuthorized(call);
      if (answer.type !== 'success') throw new Error(JSON.stringify(answer.errors));
      return answer.response.decision === 'deny' ? answer.response.diagnostics.reason : [];
    };
    return { input, decideInput, decide: (k) => decideInput(input(k)) };
  },
};

export const ENGINES = [badgeRules, jsonRulesEngine, zen, cedar];

// Node CommonJS, badge-rules/plan as the README shows: ready on require,
// synchronous; its errors are BadgeRulesErrors of `badge-rules` too.
const { plan, planCsv } = require('badge-rules/plan');
const { BadgeRulesError } = require('badge-rules');

const context = { now: '2026-11-23T12:00:00Z', campaigns: { badgeCampaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }] } };
const offers = [{ offers: [{ id: '12345678' }, { id: '87654321' }] }];
const lines = plan(context, offers, { campaigns: ['SANDBOX_TEST_CAMPAIGN'] });
const csv = planCsv(context, offers, { campaigns: ['SANDBOX_TEST_CAMPAIGN'], lang: 'pl' });
let thrown;
try {
  plan([], []);
} catch (e) {
  thrown = e instanceof BadgeRulesError ? `${e.code} ${e.path}` : `not a BadgeRulesError: ${e}`;
}
console.log(lines.length, lines.map((l) => l.offerId).join(','), csv.split('\r\n').length, thrown);

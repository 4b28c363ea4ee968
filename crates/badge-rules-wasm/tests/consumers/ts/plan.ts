// badge-rules/plan from TypeScript, in the consumer's own module format:
// typed context, options and lines, compiled with strict types and run.
import { plan, planCsv, type PlanContext, type PlanLine } from 'badge-rules/plan';
import { BadgeRulesError } from 'badge-rules';

const context: PlanContext = { now: '2026-11-23T12:00:00Z', campaigns: { badgeCampaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }] } };
const lines: PlanLine[] = plan(context, [{ offers: [{ id: '12345678' }] }, { offer: { id: '87654321' } }], { campaigns: ['SANDBOX_TEST_CAMPAIGN'] });
const verdicts = lines.map((l) => ('error' in l ? 'ERROR' : l.verdict));
const csv: string = planCsv(context, [], { lang: 'en', campaigns: ['SANDBOX_TEST_CAMPAIGN'] });
let code = 'none';
try {
  plan({ now: '2026-11-23T12:00:00Z', campaigns: [] }, []);
} catch (e) {
  if (e instanceof BadgeRulesError) code = e.code;
}
console.log(verdicts.join(','), csv.split('\r\n').length, code);

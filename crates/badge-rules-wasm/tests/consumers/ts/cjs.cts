// The same program as a CommonJS module (.cts), whatever the package.json says.
import { check, version, BadgeRulesError, type CheckDocument, type Report } from 'badge-rules';

const doc: CheckDocument = {
  kind: 'application',
  now: '2026-11-23T12:00:00Z',
  request: { campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '12345678' }, prices: { bargain: { amount: '130.00', currency: 'PLN' } } },
  campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
  metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
};
const report: Report = check(doc, { lang: 'pl' });
let code = 'none';
try {
  check({ kind: 'application', campaigns: [{ name: 'no id' }] } as unknown as CheckDocument);
} catch (e) {
  if (e instanceof BadgeRulesError) code = `${e.code}@${e.path}`;
}
console.log(version(), report.verdict, report.violations.map((v) => v.code).join(','), code);

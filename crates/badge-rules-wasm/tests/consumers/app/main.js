// The app every bundler builds (Vite, webpack, Rollup), as the README shows:
// import the package, await init(), check. It writes one line into #out:
// what a call before init() threw, the verdict and codes of a Polish check,
// and what a bad document threw.
import init, { check, BadgeRulesError } from 'badge-rules';

const out = document.getElementById('out');
const seen = (e) => (e instanceof BadgeRulesError ? e.code : `not a BadgeRulesError: ${e}`);
let early = 'none';
try {
  check({ kind: 'badgesQuery' });
} catch (e) {
  early = seen(e);
}
try {
  await init();
  const report = check({
    kind: 'application',
    now: '2026-11-23T12:00:00Z',
    request: { campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '12345678' }, prices: { bargain: { amount: '130.00', currency: 'PLN' } } },
    campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
    metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
  }, { lang: 'pl' });
  let late = 'none';
  try {
    check({ kind: 'sell' });
  } catch (e) {
    late = seen(e);
  }
  out.textContent = `${early} ${report.verdict} ${report.violations.map((v) => v.code).join(',')} ${late}`;
} catch (e) {
  out.textContent = `init failed: ${seen(e)}: ${e.message}`;
}

// The app esbuild bundles (as tsup, Angular's builder and Remix do): the
// three entries, badge-rules, badge-rules/plan and badge-rules/form, as the
// README shows: await each module's init(), then check, plan and bind a
// form. It writes one line into #out: what a call before init() threw, a
// Polish check's verdict and codes, the plan's lines, the bound form's
// verdict and the codes at its price field.
import init, { check, BadgeRulesError } from 'badge-rules';
import initPlan, { plan } from 'badge-rules/plan';
import { bindForm } from 'badge-rules/form';

const out = document.getElementById('out');
const seen = (e) => (e instanceof BadgeRulesError ? e.code : `not a BadgeRulesError: ${e}`);
const context = {
  now: '2026-11-23T12:00:00Z',
  campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
  metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
};
let early = 'none';
try {
  check({ kind: 'badgesQuery' });
} catch (e) {
  early = seen(e);
}
try {
  await init();
  await initPlan();
  const request = { campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '12345678' }, prices: { bargain: { amount: '130.00', currency: 'PLN' } } };
  const report = check({ kind: 'application', ...context, request }, { lang: 'pl' });
  const lines = plan({ now: context.now, campaigns: context.campaigns }, [{ offers: [{ id: '12345678' }] }], { campaigns: ['SANDBOX_TEST_CAMPAIGN'] });
  const form = document.getElementById('apply');
  const bound = bindForm(form, { context });
  const price = form.elements.namedItem('prices.bargain.amount');
  out.textContent = `${early} ${report.verdict} ${report.violations.map((v) => v.code).join(',')} ${lines.length} ` +
    `${bound.result.report.verdict} ${price.dataset.badgeRulesCodes}`;
} catch (e) {
  out.textContent = `init failed: ${seen(e)}: ${e.message}`;
}

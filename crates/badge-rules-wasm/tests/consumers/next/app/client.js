'use client';
// A client component: badge-rules, badge-rules/plan and badge-rules/form in
// the browser (await init() first, as the README shows), rendered on the
// server too. It writes one line into #out: the server page's line, then
// what a call before init() threw, a Polish check's verdict and codes, the
// plan module's lines, and the bound form's verdict and the codes at its
// price field.
import { useEffect, useRef, useState } from 'react';
import init, { check, BadgeRulesError } from 'badge-rules';
import initPlan, { plan } from 'badge-rules/plan';
import { bindForm } from 'badge-rules/form';

const seen = (e) => (e instanceof BadgeRulesError ? e.code : `not a BadgeRulesError: ${e}`);
const context = {
  now: '2026-11-23T12:00:00Z',
  campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
  metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
};

export default function Client({ server }) {
  const [line, setLine] = useState('loading');
  const form = useRef(null);
  useEffect(() => {
    let early = 'none';
    try {
      check({ kind: 'badgesQuery' });
    } catch (e) {
      early = seen(e);
    }
    (async () => {
      try {
        await init();
        await initPlan();
        const request = {
          campaign: { id: 'SANDBOX_TEST_CAMPAIGN' }, offer: { id: '12345678' }, prices: { bargain: { amount: '130.00', currency: 'PLN' } },
        };
        const report = check({ kind: 'application', ...context, request }, { lang: 'pl' });
        const lines = plan({ now: context.now, campaigns: context.campaigns }, [{ offers: [{ id: '12345678' }] }],
          { campaigns: ['SANDBOX_TEST_CAMPAIGN'] });
        const bound = bindForm(form.current, { context });
        const price = form.current.elements.namedItem('prices.bargain.amount');
        setLine(`${server} | ${early} ${report.verdict} ${report.violations.map((v) => v.code).join(',')} ${lines.length} ` +
          `${bound.result.report.verdict} ${price.dataset.badgeRulesCodes}`);
      } catch (e) {
        setLine(`init failed: ${seen(e)}: ${e.message}`);
      }
    })();
  }, [server]);
  return (
    <main>
      <form ref={form}>
        <input type="hidden" name="campaign.id" value="SANDBOX_TEST_CAMPAIGN" />
        <input name="offer.id" defaultValue="12345678" />
        <input name="prices.bargain.amount" defaultValue="130.00" />
        <input type="hidden" name="prices.bargain.currency" value="PLN" />
      </form>
      <p id="out">{line}</p>
    </main>
  );
}

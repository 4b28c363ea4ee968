// An app router page (a server component) that imports badge-rules and
// badge-rules/plan by name, as the README shows for Node: ready on import.
// It passes its line to a 'use client' component, which adds its own.
import { check, BadgeRulesError } from 'badge-rules';
import { plan } from 'badge-rules/plan';
import Client from './client.js';

export const dynamic = 'force-dynamic';

export default function Page() {
  const report = check({ kind: 'badgesQuery', request: { 'marketplace.id': 'allegro-pl', limit: 1001 } });
  const context = { now: '2026-11-23T12:00:00Z', campaigns: { badgeCampaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }] } };
  const lines = plan(context, [{ offers: [{ id: '12345678' }, { id: '87654321' }] }], { campaigns: ['SANDBOX_TEST_CAMPAIGN'] });
  let thrown = 'none';
  try {
    plan([], []);
  } catch (e) {
    thrown = e instanceof BadgeRulesError ? e.code : `not a BadgeRulesError: ${e}`;
  }
  return <Client server={`${report.verdict} ${report.violations[0].code} ${lines.length} ${thrown}`} />;
}

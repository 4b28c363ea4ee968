// The package and the CLI hand out the core's one JSON surface: the same
// catalogue entries, the same built-in campaigns, the same languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pkg, root } from './helpers.mjs';

const br = await import(join(pkg, 'node.mjs'));
const cli = join(root, 'target', 'release', 'badge-rules');
const run = (...args) => execFileSync(cli, args, { encoding: 'utf8' });

test('languages() lists every language, the default first', () => {
  const langs = br.languages();
  assert.equal(langs[0], 'en');
  assert.ok(langs.includes('pl'));
});

for (const lang of br.languages()) {
  test(`catalogue('${lang}') is exactly \`badge-rules codes --format json --lang ${lang}\``, () => {
    const fromCli = JSON.parse(run('codes', '--format', 'json', '--lang', lang));
    assert.deepEqual(br.catalogue(lang), fromCli);
    assert.ok(fromCli.every((e) => e.check === 'offline' || (e.check === 'server-only' && e.reason)));
  });

  test(`builtInCampaigns('${lang}') is exactly \`badge-rules terms --list --format json --lang ${lang}\``, () => {
    const fromCli = JSON.parse(run('terms', '--list', '--format', 'json', '--lang', lang));
    assert.deepEqual(br.builtInCampaigns(lang), fromCli);
    const sandbox = fromCli.find((e) => e.campaign.id === 'SANDBOX_TEST_CAMPAIGN');
    assert.deepEqual(br.builtInTerms('SANDBOX_TEST_CAMPAIGN'), sandbox.terms);
  });
}

test('a built-in campaign is a campaigns entry as it is: the sandbox accepts 50 % off', () => {
  const [sandbox] = br.builtInCampaigns();
  const report = br.check({
    kind: 'application',
    now: '2026-11-23T12:00:00Z',
    request: {
      campaign: { id: sandbox.campaign.id },
      offer: { id: '12345678' },
      prices: { bargain: { amount: '100.00', currency: 'PLN' } },
    },
    campaigns: [sandbox.campaign],
    metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
  });
  assert.deepEqual(report.violations, []);
  assert.deepEqual(report.hints.bargain, { min: '80.00', max: '120.00', currency: 'PLN' });
});

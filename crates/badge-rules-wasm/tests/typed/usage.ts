// A typed usage example: `tsc --noEmit` over it runs in `make test`. The
// lines marked @ts-expect-error prove the types are not `any`.
import { check, checkJson, catalogue, builtInTerms, type CheckDocument, type Report, type Code, type BadgeRulesError } from 'badge-rules';

const doc: CheckDocument = {
  kind: 'application',
  now: '2026-11-23T12:00:00Z',
  request: {
    campaign: { id: 'SANDBOX_TEST_CAMPAIGN' },
    offer: { id: '12345678' },
    prices: { bargain: { amount: '100.00', currency: 'PLN' } },
  },
  campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }],
  metrics: { lowestPrice30Days: { amount: '200.00', currency: 'PLN' } },
};

const report: Report = check(doc, { lang: 'pl' });
const codes: Code[] = report.violations.map((v) => v.code);
const verdict: 'ACCEPT' | 'REJECT' | 'INCOMPLETE' = report.verdict;
const range: string | undefined = report.hints.bargain?.min;
const text: string = checkJson(JSON.stringify(doc));
const offline: boolean = catalogue('en')[0].offline;
const min: string | undefined = builtInTerms('SANDBOX_TEST_CAMPAIGN').discount?.minPercent;

const update: CheckDocument = {
  kind: 'badgeUpdate',
  offerId: '12345678',
  campaignId: 'BARGAIN',
  request: { process: { status: 'FINISHED' } },
};

try {
  check(update);
} catch (e) {
  const path: string = (e as BadgeRulesError).path;
  void path;
}

// @ts-expect-error: amounts are decimal strings, never numbers
const wrongAmount: CheckDocument = { kind: 'application', request: { campaign: { id: 'X' }, offer: { id: '1' }, prices: { bargain: { amount: 100, currency: 'PLN' } } } };
// @ts-expect-error: an unknown kind
const wrongKind: CheckDocument = { kind: 'sell' };
// @ts-expect-error: codes are a union of string literals
const wrongCode: Code = 'BA23';
// @ts-expect-error: a badge update needs its path parameters
const noPath: CheckDocument = { kind: 'badgeUpdate', request: { process: { status: 'FINISHED' } } };

void [codes, verdict, range, text, offline, min, wrongAmount, wrongKind, wrongCode, noPath];

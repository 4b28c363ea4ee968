// A typed usage example: `tsc --noEmit` over it runs in `make test`. The
// lines marked @ts-expect-error prove the types are not `any`.
import {
  check, checkJson, catalogue, builtInTerms, allegroResponse,
  type CheckDocument, type Report, type Code, type BadgeRulesError, type Response as AllegroResponse,
  type CatalogueEntry, type Channel,
} from 'badge-rules';

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
const entry: CatalogueEntry = catalogue('en')[0];
const offline: boolean = entry.check === 'offline';
const channel: Channel = entry.routes[0].channel;
const syncStatus: number | undefined = channel.type === 'sync' ? channel.status : undefined;
const currentMessage: string = entry.message;

// Allegro's answer, predicted: typed as Allegro's response by the format.
const answer: AllegroResponse = check(doc, { format: 'allegro', lang: 'pl-PL' });
const status: number | null = answer.status;
const later: 'error' | 'eligibility' | 'declined' | 'accepted' | 'pending' | 'none' = answer.outcome;
const lookup: number | undefined = answer.then?.status;
const same: AllegroResponse = allegroResponse(doc, { lang: 'uk-UA' });
const answerText: string = checkJson(JSON.stringify(doc), { format: 'allegro' });
const reportAgain: Report = check(doc, { format: 'report', lang: 'en-US' });
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

// @ts-expect-error: a report is not Allegro's answer
const notAResponse: AllegroResponse = check(doc);
// @ts-expect-error: the formats are "report" and "allegro"
check(doc, { format: 'xml' });
// @ts-expect-error: Accept-Language tags are Allegro's
check(doc, { lang: 'de-DE' });

void [codes, verdict, range, text, offline, min, wrongAmount, wrongKind, wrongCode, noPath];
void [syncStatus, currentMessage, status, later, lookup, same, answerText, reportAgain, notAResponse];

// Node ESM, as the README shows: ready on import, synchronous.
import { check, checkJson, builtInTerms, version, BadgeRulesError } from 'badge-rules';

const doc = { kind: 'badgesQuery', request: { 'marketplace.id': 'allegro-pl', limit: 1001 } };
const report = check(doc);
let thrown;
try {
  builtInTerms('NO_SUCH_CAMPAIGN');
} catch (e) {
  thrown = e instanceof BadgeRulesError ? `${e.code} ${e.path}` : `not a BadgeRulesError: ${e}`;
}
console.log(version(), report.verdict, report.violations[0].code, JSON.parse(checkJson(JSON.stringify(doc))).verdict, thrown);

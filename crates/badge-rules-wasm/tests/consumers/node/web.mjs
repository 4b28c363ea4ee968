// The web entry in Node, as the README shows: initSync with bytes you hold,
// and nothing before it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, check, BadgeRulesError } from 'badge-rules/web';

let early;
try {
  check({ kind: 'badgesQuery' });
} catch (e) {
  early = e instanceof BadgeRulesError ? e.code : `not a BadgeRulesError: ${e}`;
}
initSync({ module: readFileSync(createRequire(import.meta.url).resolve('badge-rules/badge_rules_bg.wasm')) });
console.log(early, check({ kind: 'badgesQuery', request: { limit: 0 } }).violations[0].code);

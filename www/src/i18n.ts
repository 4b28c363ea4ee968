// The form's own words: the registry of locales and t(). Allegro's messages
// never come from here: the engine gives them, in the language asked for.
//
// Adding a language to the form, once the engine has it (a variant of the Rust
// `Lang` enum, whence the package's `Lang` type and `languages()`), is one
// locale file: src/locales/<code>.ts exporting a `Words` object like en.ts,
// named in `locales` below. tsc refuses the build until every `Lang` has its
// locale, and refuses a locale with a key missing or extra or a {placeholder}
// dropped; the language picker lists the package's languages by itself.
import type { Lang } from 'badge-rules';
import { en } from './locales/en';
import { pl } from './locales/pl';
import type { Words } from './locales/words';
import { currencyLabel, formatDecimal } from './money';

export type { Lang };
export type Key = keyof Words;

/** Every language's words. */
export const locales: Record<Lang, Words> = { en, pl };

/** The text of `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(key: Key, lang: Lang, vars: Record<string, string | number> = {}): string {
  const text: string = locales[lang][key];
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}

export function has(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The languages the form has words for, in the order of `offered` (default: every locale). */
export function formLanguages(offered: readonly string[] = Object.keys(locales)): Lang[] {
  return offered.filter((l): l is Lang => Object.prototype.hasOwnProperty.call(locales, l));
}

/** An exact decimal string written as `lang` writes numbers (`400 000,00` in Polish). */
export function decimalText(amount: string, lang: Lang): string {
  return formatDecimal(amount, locales[lang].dateLocale);
}

/** An amount with its currency, as `lang` writes it (`400 000,00 zł`, `400,000.00 PLN`). */
export function moneyText(amount: string, currency: string, lang: Lang): string {
  const w = locales[lang];
  return t('money', lang, { amount: decimalText(amount, lang), currency: currencyLabel(currency, w.dateLocale, w.currencyDisplay) });
}

/** A range of amounts in one currency (`80,00–120,00 zł`, `80.00–120.00 PLN`). */
export function moneyRangeText(range: { min: string; max: string; currency: string }, lang: Lang): string {
  const w = locales[lang];
  return t('moneyRange', lang, {
    min: decimalText(range.min, lang), max: decimalText(range.max, lang),
    currency: currencyLabel(range.currency, w.dateLocale, w.currencyDisplay),
  });
}

// Money as people type it and as the page shows it. Allegro (and the engine)
// reads an amount only as a plain decimal string, `99.99`; a seller types
// `99,99`, ` 100.00 `, `1 000,00` or `1.000,00`. readAmount() turns what was
// typed into Allegro's string, exactly: digits are moved, never computed, so
// no amount goes through floating point. What it cannot read is left as typed,
// for the engine to answer (BB6). formatDecimal() shows an exact decimal
// string in a locale (Intl.NumberFormat for the grouping and the separators,
// the digits themselves taken from the string).
//
// This module imports nothing: www/tests/money.test.mjs runs it in Node.

/**
 * `new Intl.NumberFormat(locale, options)`, made once per locale and
 * options: building one costs tens of µs, and the first verdict formats
 * dozens of amounts.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, f);
  }
  return f;
}

/** Characters that group digits when typed: any space (no-break, narrow, thin, figure spaces included). */
const SPACE = /\s/u;

/**
 * The decimal string Allegro expects for `text` (`"99,99"` → `"99.99"`,
 * `" 1 000,00 "` → `"1000.00"`, `"1,000.50"` → `"1000.50"`), or `null` when
 * the text is empty or not a number one can read without guessing.
 *
 * - Surrounding spaces are dropped; a leading `-` (or `−`) is kept.
 * - One `,` or one `.` is the decimal separator. When both occur, the last
 *   one is the decimal separator and the other groups digits.
 * - Digits may be grouped by single spaces (of any kind), or by a separator
 *   occurring more than once (`1.000.000`), in groups of three after a first
 *   group of one to three digits; only one kind of grouping per number, and
 *   none after the decimal separator.
 * - The fractional digits are kept as typed (`"9,999"` → `"9.999"`, which
 *   the engine then refuses with BB6, as Allegro would).
 */
export function readAmount(text: string): string | null {
  let s = text.trim();
  if (s === '') return null;
  let sign = '';
  if (s[0] === '-' || s[0] === '\u2212') {
    sign = '-';
    s = s.slice(1);
  }
  // Digits, separators and single spaces between digits only.
  if (!/^\d/.test(s) || !/\d$/.test(s) || /[^\d.,\s]/u.test(s) || /\D\D/u.test(s)) return null;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let decimal: ',' | '.' | '' = '';
  if (commas && dots) {
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    if ((decimal === ',' ? commas : dots) !== 1) return null;
  } else if (commas === 1 || dots === 1) {
    decimal = commas ? ',' : '.';
  }
  const at = decimal ? s.lastIndexOf(decimal) : -1;
  const int = at >= 0 ? s.slice(0, at) : s;
  const frac = at >= 0 ? s.slice(at + 1) : '';
  if (!/^\d*$/.test(frac)) return null;
  const digits = ungroup(int);
  if (digits === null) return null;
  return `${sign}${digits}${at >= 0 ? `.${frac}` : ''}`;
}

/** The integer part without its grouping, or `null` when the grouping is not a proper one. */
function ungroup(int: string): string | null {
  if (/^\d+$/.test(int)) return int;
  const separators = new Set([...int].filter((c) => !/\d/.test(c)).map((c) => (SPACE.test(c) ? ' ' : c)));
  if (separators.size !== 1) return null;
  const groups = int.split(/[^\d]/);
  const [first, ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * What the form sends for a typed amount: Allegro's decimal string when
 * readAmount() can read it, else the text exactly as typed (the engine's BB6
 * then says why Allegro would refuse it).
 */
export function sendAmount(text: string): string {
  return readAmount(text) ?? text;
}

/**
 * An exact decimal string (`"400000.00"`, `"-0.05"`, `"35"`) written in
 * `locale`: `"400 000,00"` in pl-PL, `"400,000.00"` in en-GB. Every digit is
 * the string's own: Intl.NumberFormat writes the integer part from a BigInt
 * and gives the separators; the fraction is the string's, as many digits as it
 * has. Anything else is returned unchanged.
 */
export function formatDecimal(amount: string, locale: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m || (m[3] ?? '').length > 20) return amount;
  const [, sign, int, frac = ''] = m;
  const nf = numberFormat(locale, { minimumFractionDigits: frac.length, maximumFractionDigits: frac.length });
  const parts = nf.formatToParts(BigInt(int)).map((p) => (p.type === 'fraction' ? frac : p.value));
  const minus = sign ? (numberFormat(locale).formatToParts(-1).find((p) => p.type === 'minusSign')?.value ?? '-') : '';
  return `${minus}${parts.join('')}`;
}

/**
 * How `currency` is named after an amount in `locale`: its symbol (`zł` for
 * PLN in pl-PL) or its ISO code.
 */
export function currencyLabel(currency: string, locale: string, display: 'symbol' | 'code'): string {
  if (display === 'code' || !/^[A-Z]{3}$/.test(currency)) return currency;
  try {
    const part = numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'symbol' })
      .formatToParts(0).find((p) => p.type === 'currency');
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

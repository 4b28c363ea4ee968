// badge-rules/form: binds the checker to a form the integrator already has.
// Its fields are named by the request's JSON paths as Allegro names them
// (`campaign.id`, `offer.id`, `prices.bargain.amount`, ...); on every input
// the form's values become the check document's `request`, and each field
// gets its violations' messages as its validity message
// (setCustomValidity), `aria-invalid` and an `aria-describedby` element.
import { check, languages, BadgeRulesError } from './badge_rules.js';

const SKIPPED_TYPES = new Set(['button', 'submit', 'reset', 'image', 'file']);
let counter = 0;

/** The form's named controls, in document order. */
function controls(form) {
  return Array.from(form.elements).filter((el) => el.name && !SKIPPED_TYPES.has(el.type) &&
    !el.disabled && el.dataset.badgeRules !== 'ignore');
}

/** Any space (no-break, narrow, thin, figure spaces included): they group digits when typed. */
const SPACE = /\s/u;

/** The integer part without its grouping, or `null` when the grouping is not a proper one. */
function ungroup(int) {
  if (/^\d+$/.test(int)) return int;
  const separators = new Set([...int].filter((c) => !/\d/.test(c)).map((c) => (SPACE.test(c) ? ' ' : c)));
  if (separators.size !== 1) return null;
  const groups = int.split(/[^\d]/);
  const [first, ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * The decimal string Allegro expects for an amount as a person types it in
 * `lang` (`"99,99"` → `"99.99"`, `" 1 000,00 "` → `"1000.00"`, `"1.000,50"` →
 * `"1000.50"`), or `null` when the text is empty or cannot be read without
 * guessing. The form's own reading (www/src/money.ts): surrounding spaces
 * dropped, a leading `-` or `−` kept; one `,` or one `.` is the decimal
 * separator, and with both the last one is; digits grouped by single spaces
 * of any kind or by a repeated separator, in threes after a first group of
 * one to three; the fraction kept as typed (Allegro refuses more than two
 * digits, BB6). Digits are moved, never computed: no float. `lang` is the
 * language the amount was typed in: the reading is the same in both of the
 * engine's (`1,000` is `1.000`, one separator being always the decimal one);
 * `bindForm` reads a Polish form's amounts with it.
 */
export function parseAmount(text, lang = 'en') {
  let s = String(text ?? '').trim();
  if (s === '') return null;
  let sign = '';
  if (s[0] === '-' || s[0] === '\u2212') {
    sign = '-';
    s = s.slice(1);
  }
  if (!/^\d/.test(s) || !/\d$/.test(s) || /[^\d.,\s]/u.test(s) || /\D\D/u.test(s)) return null;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let decimal = '';
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

/** Sets `path` (dots) in `target` to `value`. */
function put(target, path, value) {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key];
  }
  at[keys[keys.length - 1]] = value;
}

/**
 * The request the form's values make, each trimmed value at its path (in a
 * form whose language `lang` is Polish, an amount field, one named
 * `...amount`, read by parseAmount: `99,99` is `99.99`; one it cannot read is
 * left as typed, for the engine's BB6). Empty
 * fields are left out, and so is an object whose fields the seller types are
 * all empty, hidden values with it: an empty price with a hidden currency is
 * no bargain price (BA2), not a price without an amount (BB6).
 */
export function requestOf(form, lang) {
  const fields = controls(form)
    .filter((el) => !((el.type === 'checkbox' || el.type === 'radio') && !el.checked))
    .map((el) => ({ name: el.name, value: typeof el.value === 'string' ? el.value.trim() : '', typed: el.type !== 'hidden' }));
  const parent = (name) => name.slice(0, Math.max(0, name.lastIndexOf('.')));
  const untyped = new Set();
  for (const group of new Set(fields.map((f) => parent(f.name)).filter(Boolean))) {
    const typed = fields.filter((f) => f.typed && parent(f.name) === group);
    if (typed.length && typed.every((f) => f.value === '')) untyped.add(group);
  }
  const request = {};
  // In a Polish form, amounts are read as the seller types them (99,99).
  const polish = String(lang ?? '').toLowerCase().split('-')[0] === 'pl';
  for (const f of fields) {
    if (f.value === '' || untyped.has(parent(f.name))) continue;
    const amount = polish && f.typed && /(^|\.)amount$/.test(f.name) ? parseAmount(f.value, 'pl') : null;
    put(request, f.name, amount ?? f.value);
  }
  return request;
}

/** The engine's language for a tag (`pl-PL` is pl); English when it has no texts in it. */
function engineLang(tag) {
  const primary = String(tag ?? '').toLowerCase().split('-')[0];
  return languages().includes(primary) ? primary : 'en';
}

/** The field a violation's path belongs to: the same name, else the first named under it, else the nearest above. */
function fieldFor(fields, path) {
  if (!path) return undefined;
  return fields.find((el) => el.name === path) ??
    fields.find((el) => el.name.startsWith(path + '.')) ??
    fields.filter((el) => path.startsWith(el.name + '.')).sort((a, b) => b.name.length - a.name.length)[0];
}

/**
 * Binds `form`. Options: `kind` (default the form's `data-badge-rules-kind`,
 * else "application"); `context` (the check document's other fields, or a
 * function giving them on each check); `lang` (a tag or a function; default
 * the form's `lang` as inherited); `summary` (where messages no field takes
 * go; default the form's `[data-badge-rules-summary]`); `events` (default
 * input and change); `immediate` (check at once; default true); `onCheck`
 * (called with every result).
 */
export function bindForm(form, options = {}) {
  if (!form || typeof form.elements !== 'object') {
    throw new BadgeRulesError('bindForm takes an HTML form element', {
      path: 'form', kind: 'options', code: 'WRONG_TYPE', params: { expected: 'an HTMLFormElement', found: String(form) },
    });
  }
  const doc = form.ownerDocument;
  const events = options.events ?? ['input', 'change'];
  const summary = options.summary ?? form.querySelector('[data-badge-rules-summary]');
  const messageOf = new Map(); // field -> its message element
  const ownIds = new Map(); // field -> the id added to its aria-describedby
  let result;

  const langNow = () => engineLang(typeof options.lang === 'function' ? options.lang()
    : options.lang ?? form.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.lang);
  const contextNow = () => (typeof options.context === 'function' ? options.context() : options.context) ?? {};

  function messageElement(field) {
    let el = messageOf.get(field);
    if (!el) {
      el = doc.createElement('span');
      el.id = `badge-rules-${++counter}-message`;
      el.className = 'badge-rules-message';
      el.dataset.badgeRulesMessage = field.name;
      el.hidden = true;
      field.insertAdjacentElement('afterend', el);
      messageOf.set(field, el);
    }
    return el;
  }

  function describe(field, messages) {
    const tokens = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const own = ownIds.get(field);
    const others = tokens.filter((t) => t !== own);
    if (messages.length === 0) {
      field.setCustomValidity('');
      field.removeAttribute('aria-invalid');
      delete field.dataset.badgeRulesCodes;
      if (own) {
        if (others.length) field.setAttribute('aria-describedby', others.join(' '));
        else field.removeAttribute('aria-describedby');
        ownIds.delete(field);
      }
      const el = messageOf.get(field);
      if (el) {
        el.textContent = '';
        el.hidden = true;
      }
      return;
    }
    const text = messages.map((m) => m.message).join(' ');
    field.setCustomValidity(text);
    field.setAttribute('aria-invalid', 'true');
    field.dataset.badgeRulesCodes = messages.map((m) => m.code).join(' ');
    const el = messageElement(field);
    el.textContent = text;
    el.hidden = false;
    ownIds.set(field, el.id);
    field.setAttribute('aria-describedby', [...others, el.id].join(' '));
  }

  function show(unplaced) {
    if (!summary) return;
    summary.replaceChildren(...unplaced.map((m) => {
      const p = doc.createElement(summary.tagName === 'UL' || summary.tagName === 'OL' ? 'li' : 'p');
      p.textContent = m.message;
      p.dataset.badgeRulesCode = m.code;
      return p;
    }));
    summary.hidden = unplaced.length === 0;
  }

  function run() {
    const fields = controls(form);
    const lang = langNow();
    const document = { kind: options.kind ?? form.dataset.badgeRulesKind ?? 'application', ...contextNow(), request: requestOf(form, lang) };
    let report;
    let error;
    try {
      report = check(document, { lang });
    } catch (e) {
      if (!(e instanceof BadgeRulesError) || e.kind === 'usage') throw e;
      error = e;
    }
    const byField = new Map(fields.map((f) => [f, []]));
    const unplaced = [];
    const problems = report ? report.violations : [{ code: error.code, path: error.path, message: error.message }];
    for (const v of problems) {
      const field = report ? fieldFor(fields, v.path) : undefined;
      (field ? byField.get(field) : unplaced).push(v);
    }
    for (const [field, messages] of byField) describe(field, messages);
    show(unplaced);
    result = { document, report, error, unplaced, valid: !error && report.violations.length === 0 };
    options.onCheck?.(result);
    return result;
  }

  const listener = () => { run(); };
  for (const type of events) form.addEventListener(type, listener);
  if (options.immediate ?? true) run();

  return {
    /** Checks now; the result: `{document, report, error, unplaced, valid}`. */
    check: run,
    /** The last result. */
    get result() { return result; },
    /** Removes the listeners, the validity messages and the message elements. */
    detach() {
      for (const type of events) form.removeEventListener(type, listener);
      for (const field of controls(form)) describe(field, []);
      for (const el of messageOf.values()) el.remove();
      messageOf.clear();
      if (summary) summary.replaceChildren();
    },
  };
}

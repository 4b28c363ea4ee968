// What the three tabs share when they build their panels: the clock, reading
// and presetting a tab's fields, option lists, and the Example/Clear toolbar.
import type { Values } from '../data';
import type { Key } from '../i18n';
import type { Results } from '../results';
import { count } from '../documents';
import { h, row, setValue, targets, textField, tx, valueOf, type Option, type Target } from '../ui';

/** A tab as the page starts it: its panel, and the check that re-runs on every edit. */
export interface TabPanel {
  panel: HTMLElement;
  run: () => void;
  /** Called each time the tab is shown. */
  shown?: () => void;
}

export const OFFER_CURRENCY_LABEL: Key = 'offerCurrency';

/** The check documents' `now`: this second, in UTC. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The values of every field whose id starts with `prefix`. */
export function values(prefix: string): Values {
  const out: Values = {};
  for (const id of targets.keys()) if (id.startsWith(prefix)) out[id] = valueOf(id);
  return out;
}

/** Sets every field of `prefix` to `preset` (empty when not named), none of them touched. */
export function applyValues(prefix: string, preset: Values): void {
  for (const [id, target] of targets) {
    if (!id.startsWith(prefix)) continue;
    target.touched = false;
    if (target.controls.length === 0) continue;
    setValue(id, preset[id] ?? '');
  }
}

/** Options `values`, labelled by the keys `${prefix}${value}`, after "Not known" unless `unknown` is false. */
export function opts(prefix: string, values: string[], unknown = true): Option[] {
  return [...(unknown ? [['', 'unknown'] as Option] : []), ...values.map((v) => [v, `${prefix}${v}` as Key] as Option)];
}

export function yesNo(): Option[] {
  return [['', 'unknown'], ['true', 'yes'], ['false', 'no']];
}

export function toolbar(onExample: () => void, onClear: () => void): HTMLElement {
  const ex = h('button', { type: 'button', class: 'ghost' }, tx('example'));
  const cl = h('button', { type: 'button', class: 'ghost' }, tx('clear'));
  ex.addEventListener('click', onExample);
  cl.addEventListener('click', onClear);
  return h('div', { class: 'toolbar' }, ex, cl);
}

/** A tab's panel: the toolbar, the form beside its results, and the results' phone bar. */
export function panelLayout(bar: HTMLElement, form: HTMLElement, results: Results): HTMLElement {
  return h('div', {}, bar, h('div', { class: 'layout' }, h('div', { class: 'main' }, form), results.root), results.mini);
}

/** The "Campaign terms (from its regulations)" fieldset: minimum and maximum discount %, minimum stock; empty is unknown. */
export function termsFieldset(prefix: string): { wrap: HTMLElement; fields: Target[] } {
  const min = textField(`${prefix}-terms-min`, 'termsMinPercent', { inputmode: 'decimal', placeholder: '10' });
  const max = textField(`${prefix}-terms-max`, 'termsMaxPercent', { inputmode: 'decimal', placeholder: '70' });
  const stock = textField(`${prefix}-terms-stock`, 'termsMinStock', { inputmode: 'numeric', placeholder: '2' });
  const wrap = h('fieldset', { class: 'field terms', id: `${prefix}-terms` },
    h('legend', {}, tx('termsLegend')), h('p', { class: 'help' }, tx('termsHelp')), row(min.wrap, max.wrap, stock.wrap));
  return { wrap, fields: [min, max, stock] };
}

/** The document's `terms` from that fieldset (absent when every field is empty). */
export function termsOf(prefix: string): Record<string, unknown> | undefined {
  const pct = (id: string) => {
    const text = valueOf(id).trim();
    return text === '' ? undefined : text.replace(',', '.');
  };
  const discount: Record<string, unknown> = {};
  const minPercent = pct(`${prefix}-terms-min`);
  const maxPercent = pct(`${prefix}-terms-max`);
  if (minPercent !== undefined) discount.minPercent = minPercent;
  if (maxPercent !== undefined) discount.maxPercent = maxPercent;
  const terms: Record<string, unknown> = {};
  if (Object.keys(discount).length) terms.discount = discount;
  const stock = valueOf(`${prefix}-terms-stock`).trim();
  if (stock !== '') terms.minStock = count(stock);
  return Object.keys(terms).length ? terms : undefined;
}

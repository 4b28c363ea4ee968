// DOM helpers: elements, translated text, and the form's fields. A field is a
// *target*: a place where the engine's messages about one input are shown.
import { decimalText, t, type Key, type Lang } from './i18n';

let lang: Lang = 'en';
const translators: Array<() => void> = [];

export function currentLang(): Lang {
  return lang;
}

/** Switches every registered text to `next`. */
export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  for (const f of translators) f();
}

type Vars = Record<string, string | number>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/** A text node that follows the language. */
export function tx(key: Key, vars?: Vars | (() => Vars)): Text {
  const node = document.createTextNode('');
  const update = () => {
    node.data = t(key, lang, typeof vars === 'function' ? vars() : vars);
  };
  update();
  translators.push(update);
  return node;
}

/** An attribute that follows the language. */
export function tattr(el: Element, attr: string, key: Key): void {
  const update = () => el.setAttribute(attr, t(key, lang));
  update();
  translators.push(update);
}

/** Runs `f` now and on every language switch. */
export function onLang(f: () => void): void {
  translators.push(f);
}

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Target {
  id: string;
  label: Key;
  wrap: HTMLElement;
  help: HTMLElement;
  msg: HTMLElement;
  controls: Control[];
  touched: boolean;
  /** Marked invalid by the last report. */
  invalid: boolean;
  /** Nothing chosen or typed. */
  empty(): boolean;
  focus(): void;
}

export const targets = new Map<string, Target>();

/** Sets aria-describedby and aria-invalid on every control from all the targets holding it. */
export function syncAria(): void {
  const seen = new Map<Control, { ids: string[]; invalid: boolean }>();
  for (const target of targets.values()) {
    const ids = [target.help, target.msg].filter((e) => e.childNodes.length > 0).map((e) => e.id);
    for (const c of target.controls) {
      const entry = seen.get(c) ?? { ids: [], invalid: false };
      entry.ids.push(...ids);
      entry.invalid ||= target.invalid;
      seen.set(c, entry);
    }
  }
  for (const [c, { ids, invalid }] of seen) {
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
    else c.removeAttribute('aria-describedby');
    if (invalid) c.setAttribute('aria-invalid', 'true');
    else c.removeAttribute('aria-invalid');
  }
}

/** Sets a target's messages (the engine's) and whether they mark it invalid. */
export function showMessages(target: Target, items: Node[], invalid: boolean, pending: boolean): void {
  target.msg.replaceChildren(...items);
  target.wrap.classList.toggle('is-invalid', invalid);
  target.wrap.classList.toggle('is-pending', pending);
  target.invalid = invalid;
}

/** Sets a target's help line (static help, or the engine's hint). */
export function showHelp(target: Target, content: Node | null): void {
  target.help.replaceChildren(...(content ? [content] : []));
}

/** Adds `target` to the form's targets; editing any of its controls marks it touched. */
export function register(target: Target): Target {
  targets.set(target.id, target);
  const touch = () => {
    target.touched = true;
  };
  for (const c of target.controls) {
    c.addEventListener('input', touch);
    c.addEventListener('change', touch);
  }
  return target;
}

interface FieldOptions {
  help?: Key;
  placeholder?: string;
  inputmode?: string;
  autocomplete?: string;
  wide?: boolean;
  optional?: boolean;
  /** Another control shown in the same row (a currency next to an amount). */
  beside?: HTMLElement;
  type?: string;
  rows?: number;
}

function labelFor(id: string, key: Key, optional?: boolean): HTMLLabelElement {
  return h('label', { for: id }, tx(key), optional ? h('span', { class: 'opt' }, ' (', tx('optional'), ')') : null);
}

function fieldShell(id: string, key: Key, control: Control, o: FieldOptions): Target {
  const help = h('p', { class: 'help', id: `${id}-help` });
  if (o.help) help.append(tx(o.help));
  const msg = h('div', { class: 'msg', id: `${id}-msg` });
  const line = o.beside ? h('div', { class: 'pair' }, control, o.beside) : control;
  const wrap = h('div', { class: `field${o.wide ? ' wide' : ''}`, id: `${id}-field` }, labelFor(id, key, o.optional), line, help, msg);
  const target: Target = {
    id, label: key, wrap, help, msg, controls: [control], touched: false, invalid: false,
    empty: () => control.value.trim() === '',
    focus: () => control.focus(),
  };
  return register(target);
}

export function textField(id: string, key: Key, o: FieldOptions = {}): Target {
  const input = h('input', {
    id, name: id, type: o.type ?? 'text', inputmode: o.inputmode, autocomplete: o.autocomplete ?? 'off',
    placeholder: o.placeholder, spellcheck: 'false',
  });
  // An example amount is written as the page's language writes numbers (200,00).
  const example = o.placeholder;
  if (example && o.inputmode === 'decimal') {
    const write = () => { input.placeholder = decimalText(example, lang); };
    write();
    onLang(write);
  }
  return fieldShell(id, key, input, o);
}

export function areaField(id: string, key: Key, o: FieldOptions = {}): Target {
  const area = h('textarea', { id, name: id, rows: String(o.rows ?? 6), spellcheck: 'false', autocomplete: 'off', placeholder: o.placeholder });
  return fieldShell(id, key, area, { ...o, wide: true });
}

export type Option = [value: string, label: Key | { raw: string }];

export function fillSelect(select: HTMLSelectElement, options: Option[]): void {
  select.replaceChildren(...options.map(([value, label]) => {
    const opt = h('option', { value });
    opt.append(typeof label === 'string' ? tx(label) : label.raw);
    return opt;
  }));
}

export function selectField(id: string, key: Key, options: Option[], o: FieldOptions = {}): Target {
  const select = h('select', { id, name: id });
  fillSelect(select, options);
  return fieldShell(id, key, select, o);
}

/** A small select used beside another control (currency), with its own label for assistive tech. */
export function currencySelect(id: string, key: Key): HTMLSelectElement {
  const select = h('select', { id, name: id, class: 'currency' });
  tattr(select, 'aria-label', key);
  fillSelect(select, ['PLN', 'CZK', 'EUR', 'HUF'].map((c) => [c, { raw: c }] as Option));
  return select;
}

export function checkField(id: string, key: Key): Target {
  const box = h('input', { id, name: id, type: 'checkbox' });
  const help = h('p', { class: 'help', id: `${id}-help` });
  const msg = h('div', { class: 'msg', id: `${id}-msg` });
  const wrap = h('div', { class: 'field check', id: `${id}-field` }, h('div', { class: 'checkline' }, box, h('label', { for: id }, tx(key))), help, msg);
  const target: Target = {
    id, label: key, wrap, help, msg, controls: [box], touched: false, invalid: false,
    empty: () => !box.checked,
    focus: () => box.focus(),
  };
  return register(target);
}

/** A fieldset of radio buttons, or a group of other targets sharing one message area. */
export function radioGroup(name: string, legend: Key, options: Option[], o: { inline?: boolean } = {}): Target {
  const radios = options.map(([value, label], i) => {
    const id = `${name}-${value || 'unknown'}`;
    const input = h('input', { type: 'radio', name, id, value, checked: i === 0 });
    return { input, row: h('div', { class: 'checkline' }, input, h('label', { for: id }, typeof label === 'string' ? tx(label) : label.raw)) };
  });
  const help = h('p', { class: 'help', id: `${name}-help` });
  const msg = h('div', { class: 'msg', id: `${name}-msg` });
  const wrap = h('fieldset', { class: `field radios${o.inline ? ' inline' : ''}`, id: `${name}-field` },
    h('legend', {}, tx(legend)), h('div', { class: 'options' }, ...radios.map((r) => r.row)), help, msg);
  const target: Target = {
    id: name, label: legend, wrap, help, msg, controls: radios.map((r) => r.input), touched: false, invalid: false,
    empty: () => false,
    focus: () => (radios.find((r) => r.input.checked) ?? radios[0]).input.focus(),
  };
  return register(target);
}

/** A group of targets whose shared faults (path "") are shown once, at the group. */
export function groupTarget(id: string, legend: Key, members: Target[], wrap: HTMLElement, msgAt: HTMLElement): Target {
  const help = h('p', { class: 'help', id: `${id}-help` });
  const msg = h('div', { class: 'msg', id: `${id}-msg` });
  msgAt.append(help, msg);
  const target: Target = {
    id, label: legend, wrap, help, msg,
    controls: members.flatMap((m) => m.controls),
    // Touched when one of its members is.
    get touched() {
      return members.some((m) => m.touched);
    },
    set touched(_value: boolean) {
      // Follows its members.
    },
    invalid: false,
    empty: () => false,
    focus: () => members[0]?.focus(),
  };
  targets.set(id, target);
  return target;
}

/** The value of a control or radio group, by id ('true'/'' for checkboxes). */
export function valueOf(id: string): string {
  const target = targets.get(id);
  const first = target?.controls[0];
  if (!target || !first || target.controls.length > 1 && !isRadio(first)) return '';
  if (isRadio(first)) return (target.controls as HTMLInputElement[]).find((r) => r.checked)?.value ?? '';
  if (first instanceof HTMLInputElement && first.type === 'checkbox') return first.checked ? 'true' : '';
  return first.value;
}

export function setValue(id: string, value: string): void {
  const target = targets.get(id);
  const first = target?.controls[0];
  if (!target || !first || target.controls.length > 1 && !isRadio(first)) return;
  if (isRadio(first)) {
    for (const r of target.controls as HTMLInputElement[]) r.checked = r.value === value;
  } else if (first instanceof HTMLInputElement && first.type === 'checkbox') {
    first.checked = value === 'true';
  } else {
    first.value = value;
  }
}

function isRadio(c: Control): c is HTMLInputElement {
  return c instanceof HTMLInputElement && c.type === 'radio';
}

let sections = 0;

export function section(titleKey: Key, ...children: Child[]): HTMLElement {
  const id = `sec-${++sections}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, tx(titleKey)), ...children);
}

export function row(...children: Child[]): HTMLElement {
  return h('div', { class: 'row' }, ...children);
}

// Shows one report: messages at the fields, the verdict, what was not checked,
// the engine's advice, and the body that would be sent.
import {
  catalogue, check, type BadgeRulesError, type Code, type Report, type Response as AllegroResponse, type Violation,
} from 'badge-rules';
import { decimalText, has, moneyText, t, type Key, type Lang } from './i18n';
import { currentLang, h, showHelp, showMessages, syncAria, targets, tx, type Target } from './ui';
import type { Built } from './documents';
import { dateTimeFormat } from './intl';

export type Resolve = (path: string) => Target | undefined;

/** Path tables: the longest listed prefix of a path names its target. */
export function resolver(table: Record<string, string | (() => string)>, fallback?: Resolve): Resolve {
  return (path: string) => {
    if (fallback && path.startsWith('request.')) return fallback(path.slice('request.'.length));
    let p = path.replace(/\[\d+\]/g, '[]');
    if (p === '') return lookup(table['']);
    while (p !== '') {
      if (p in table) return lookup(table[p]);
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    return undefined;
  };
}

function lookup(entry: string | (() => string) | undefined): Target | undefined {
  if (entry === undefined) return undefined;
  return targets.get(typeof entry === 'function' ? entry() : entry);
}

const catalogues = new Map<Lang, Map<string, string>>();

/** Allegro's text for a code, from the engine's catalogue. */
export function codeText(code: Code | string, lang: Lang): string {
  let cat = catalogues.get(lang);
  if (!cat) {
    cat = new Map(catalogue(lang).map((e) => [e.code as string, e.text]));
    catalogues.set(lang, cat);
  }
  return cat.get(code) ?? '';
}

function paramsText(v: Violation, lang: Lang): string {
  if (v.code.startsWith('ADS_')) return ''; // the engine's own message already carries the figures
  return Object.entries(v.params)
    .map(([k, value]) => {
      const key = `param.${k}`;
      const label = has(key) ? t(key, lang) : k;
      return `${label} ${decimalText(value, lang)}${/Percent$/.test(k) ? '\u00a0%' : ''}`;
    })
    .join(' · ');
}

/**
 * The engine's message, its amounts written in the page's locale: the Ads
 * Partner messages carry their figures (`400 000,00 PLN`), shown as the page
 * writes money (`400 000,00 zł`). Allegro's own texts are left as they are.
 */
function messageText(v: Violation, lang: Lang): string {
  if (!v.code.startsWith('ADS_')) return v.message;
  let text = v.message;
  for (const value of Object.values(v.params)) {
    if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) continue;
    // The engine writes the figure as the language does (`400 000,00 PLN`); older packages wrote `400000.00 PLN`.
    for (const written of new Set([decimalText(value, lang), value])) text = text.split(`${written} PLN`).join(moneyText(value, 'PLN', lang));
  }
  return text;
}

/**
 * An input error as the field it names shows it, in the page's language: a
 * value that cannot be read is quoted with what the field wants, in the
 * form's words (the engine's detail of such a fault is serde's English); any
 * other fault is the package's message, less the path (the field says where).
 */
function inputErrorText(error: BadgeRulesError, target: Target | undefined, lang: Lang): string {
  const control = target?.controls[0];
  const typed = control && !(control instanceof HTMLSelectElement) && control.type !== 'checkbox' && control.type !== 'radio' ? control.value : undefined;
  if ((error.code === 'INVALID_VALUE' || error.code === 'WRONG_TYPE') && typed !== undefined && typed.trim() !== '') {
    const kind = control?.getAttribute('inputmode') === 'decimal' ? 'inputUnreadableAmount' : control?.getAttribute('inputmode') === 'numeric' ? 'inputUnreadableCount' : 'inputUnreadable';
    return t(kind, lang, { value: typed.trim() });
  }
  const prefix = `${error.path}: `;
  return error.path && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

export interface Tab {
  key: 'a' | 'u' | 'p';
  /** Targets this tab owns (their messages are reset on each run). */
  own: Target[];
  violation: Resolve;
  context: Resolve;
  results: Results;
  /** Adds what only this tab shows (hint, level). */
  extra?(report: Report | undefined, built: Built): void;
}

export interface Results {
  root: HTMLElement;
  verdict: HTMLElement;
  verdictText: HTMLElement;
  problems: HTMLUListElement;
  problemsBlock: HTMLElement;
  skipped: HTMLUListElement;
  skippedBlock: HTMLElement;
  warnings: HTMLUListElement;
  warningsBlock: HTMLElement;
  body?: HTMLElement;
  endpoint?: HTMLElement;
  /** Allegro's answer, predicted (the tabs whose request goes to Allegro). */
  allegro?: AllegroPanel;
  doc: HTMLElement;
  checkedAt: HTMLElement;
  slot: HTMLElement;
  /** On phones: the verdict kept in view at the bottom, a link to the result. */
  mini: HTMLElement;
}

/** The panel "Allegro's answer": the response, then the later lookup. */
export interface AllegroPanel {
  root: HTMLElement;
  outcome: HTMLElement;
  request: HTMLElement;
  body: HTMLElement;
  then: HTMLElement;
  thenTitle: HTMLElement;
  thenRequest: HTMLElement;
  thenBody: HTMLElement;
}

function allegroPanel(key: string): AllegroPanel {
  const outcome = h('p', { class: 'small', id: `${key}-allegro-outcome` });
  const request = h('code', { class: 'endpoint', id: `${key}-allegro-request` });
  const body = h('pre', { class: 'json', id: `${key}-allegro-body`, tabindex: '0' });
  const thenTitle = h('h4', { id: `${key}-allegro-then-title` });
  const thenRequest = h('code', { class: 'endpoint', id: `${key}-allegro-then-request` });
  const thenBody = h('pre', { class: 'json', id: `${key}-allegro-then-body`, tabindex: '0' });
  const then = h('div', { class: 'allegro-then', id: `${key}-allegro-then`, hidden: true }, thenTitle, thenRequest, thenBody);
  const root = h('div', { class: 'block allegro', id: `${key}-allegro`, hidden: true },
    h('h3', {}, tx('allegroAnswer')), h('p', { class: 'small muted' }, tx('allegroNote')), outcome, request, body, then);
  return { root, outcome, request, body, then, thenTitle, thenRequest, thenBody };
}

/** Shows `response` in the panel; hides it when there is none (an input error). */
function showAllegro(panel: AllegroPanel, response: AllegroResponse | undefined, lang: Lang): void {
  panel.root.hidden = !response;
  if (!response) return;
  panel.root.dataset.outcome = response.outcome;
  panel.root.dataset.status = String(response.status);
  panel.outcome.textContent = t(`outcome.${response.outcome}` as Key, lang);
  panel.request.textContent = `${response.status === null ? '' : `HTTP ${response.status} · `}${response.request}`;
  panel.body.textContent = JSON.stringify(response.body, null, 2);
  const later = response.then;
  panel.then.hidden = !later;
  if (!later) return;
  panel.thenTitle.textContent = t('allegroLater', lang, { request: later.request });
  panel.thenRequest.textContent = `HTTP ${later.status} · ${later.request}`;
  panel.thenBody.textContent = JSON.stringify(later.body, null, 2);
}

function copyButton(source: () => string, id: string): HTMLElement {
  const status = h('span', { class: 'copy-status', role: 'status', id: `${id}-status` });
  const button = h('button', { type: 'button', class: 'ghost small', id }, tx('copy'));
  button.addEventListener('click', async () => {
    const text = source();
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) {
      const area = h('textarea', { class: 'offscreen', 'aria-hidden': 'true' });
      area.value = text;
      document.body.append(area);
      area.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      button.focus();
    }
    status.textContent = t(ok ? 'copied' : 'copyFailed', currentLang());
    window.setTimeout(() => { status.textContent = ''; }, 4000);
  });
  return h('span', { class: 'copy' }, button, status);
}

export function resultsView(key: Tab['key'], o: { body: boolean; problemsTitle: Key; allegro?: boolean }): Results {
  const verdictText = h('span', { class: 'verdict-text', id: `${key}-verdict-text` });
  const verdict = h('div', { class: 'verdict', id: `${key}-verdict`, role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'verdict-icon', 'aria-hidden': 'true' }), verdictText);
  const list = (id: string) => h('ul', { class: 'list', id });
  const problems = list(`${key}-problems`);
  const skipped = list(`${key}-skipped`);
  const warnings = list(`${key}-warnings`);
  const block = (title: Key, ul: HTMLElement, cls: string) => h('div', { class: `block ${cls}`, hidden: true }, h('h3', {}, tx(title)), ul);
  const problemsBlock = block(o.problemsTitle, problems, 'problems');
  const skippedBlock = block('notChecked', skipped, 'skipped');
  const warningsBlock = block('advice', warnings, 'warnings');
  const slot = h('div', { class: 'slot' });
  const doc = h('pre', { class: 'json', id: `${key}-doc`, tabindex: '0' });
  const checkedAt = h('p', { class: 'small muted', id: `${key}-checked-at` });
  let body: HTMLElement | undefined;
  let endpoint: HTMLElement | undefined;
  let bodyBlock: HTMLElement | null = null;
  if (o.body) {
    body = h('pre', { class: 'json', id: `${key}-body`, tabindex: '0' });
    endpoint = h('code', { class: 'endpoint', id: `${key}-endpoint` });
    const b = body;
    bodyBlock = h('div', { class: 'block body' },
      h('div', { class: 'block-head' }, h('h3', {}, tx('body')), copyButton(() => b.textContent ?? '', `${key}-copy`)),
      h('p', { class: 'small muted' }, tx('bodyNote')), endpoint, body);
  } else {
    bodyBlock = h('p', { class: 'small muted' }, tx('partnerBodyNote'));
  }
  const allegro = o.allegro ? allegroPanel(key) : undefined;
  const docBlock = h('details', { class: 'block doc' },
    h('summary', {}, tx('document')),
    h('div', { class: 'block-head end' }, copyButton(() => doc.textContent ?? '', `${key}-copy-doc`)),
    doc, checkedAt);
  const root = h('section', { class: 'results', id: `${key}-results`, 'aria-labelledby': `${key}-results-title`, tabindex: '-1' },
    h('h2', { id: `${key}-results-title` }, tx('result')),
    verdict, slot, problemsBlock, skippedBlock, warningsBlock, bodyBlock, allegro?.root, docBlock);
  const mini = h('a', { class: 'minibar', href: `#${key}-results`, id: `${key}-mini` });
  mini.addEventListener('click', (e) => {
    e.preventDefault();
    root.scrollIntoView({ block: 'start' });
    root.focus({ preventScroll: true });
  });
  return {
    root, verdict, verdictText, problems, problemsBlock, skipped, skippedBlock, warnings, warningsBlock, body, endpoint, allegro, doc,
    checkedAt, slot, mini,
  };
}

function fieldLink(target: Target | undefined, fallback: string): Node {
  if (!target) return h('code', {}, fallback || '""');
  const a = h('a', { href: `#${target.controls[0]?.id ?? target.id}`, class: 'field-link' }, tx(target.label));
  a.addEventListener('click', (e) => {
    e.preventDefault();
    const details = target.wrap.closest('details');
    if (details && !details.open) details.open = true;
    target.wrap.scrollIntoView({ block: 'center' });
    target.focus();
  });
  return a;
}

let firstResult = false;

/**
 * A target of check boxes: unticked is an answer, "no", so what it lacks is
 * the verdict's, not a field left to fill in (nothing is said at the box
 * before it is touched).
 */
const ticks = (target: Target): boolean => target.controls.length > 0 &&
  target.controls.every((c) => c instanceof HTMLInputElement && c.type === 'checkbox');

/** Checks the tab's document and shows the report. */
export function show(tab: Tab, built: Built, now: string): Report | undefined {
  const lang = currentLang();
  const r = tab.results;
  let report: Report | undefined;
  let error: BadgeRulesError | undefined;
  try {
    report = check(built.document, { lang });
  } catch (e) {
    error = e as BadgeRulesError;
  }

  const at = new Map<Target, { nodes: Node[]; pending: boolean }>();
  const put = (target: Target | undefined, node: Node, pending: boolean) => {
    if (!target) return;
    const entry = at.get(target) ?? { nodes: [], pending };
    entry.nodes.push(node);
    entry.pending &&= pending;
    at.set(target, entry);
  };
  const pendingTargets = new Set<Target>();
  let unresolved = 0;

  // Nothing is red before it is touched. A field left empty and not touched
  // yet is something to fill in: no message at it (but the form's "fill in"
  // for a field the request needs, which is all such a field shows). One
  // filled but not touched (example data, a paste) shows its messages, not
  // red; touched, they are errors.
  const required = new Set<Target>();
  for (const need of built.required ?? []) {
    const target = targets.get(need.id);
    if (!target) continue;
    required.add(target);
    const pending = !target.touched;
    pendingTargets.add(target);
    put(target, h('p', { class: 'violation required', 'data-code': 'REQUIRED' }, h('span', { class: 'text' }, t(need.text, lang))), pending);
  }
  r.problems.replaceChildren();
  for (const v of report?.violations ?? []) {
    const target = tab.violation(v.path);
    const pending = !!target && !target.touched && target.empty();
    // Not touched but filled (example data, a paste): said at the field, not red.
    const soft = !!target && !target.touched;
    if (target && required.has(target)) {
      // The field is empty: said there, and in the list, in the form's words.
      const need = built.required!.find((x) => x.id === target.id)!;
      r.problems.append(h('li', { 'data-code': 'REQUIRED', 'data-path': v.path },
        h('span', { class: 'code' }, '…'), h('div', {}, h('p', {}, t(need.text, lang)), h('p', { class: 'meta' }, fieldLink(target, v.path)))));
      continue;
    } else if (pending && !ticks(target)) pendingTargets.add(target);
    else unresolved++;
    const params = paramsText(v, lang);
    if (!pending) {
      put(target, h('p', { class: 'violation', 'data-code': v.code },
        h('span', { class: 'code' }, v.code), ' ', h('span', { class: 'text' }, messageText(v, lang)),
        params ? h('span', { class: 'params' }, ` (${params})`) : null), soft);
    }
    r.problems.append(h('li', { 'data-code': v.code, 'data-path': v.path },
      h('span', { class: 'code' }, v.code),
      h('div', {}, h('p', {}, messageText(v, lang)),
        h('p', { class: 'meta' }, params ? `${params} · ` : '',
          target ? fieldLink(target, v.path) : h('span', {}, v.path === '' ? t('wholeRequest', lang) : v.path)))));
  }
  const errorTarget = error ? tab.context(error.path) : undefined;
  if (error) put(errorTarget, h('p', { class: 'violation input-error', 'data-code': error.code }, h('span', { class: 'text' }, inputErrorText(error, errorTarget, lang))), !!errorTarget && !errorTarget.touched);
  // Targets sharing a field (an amount and its currency) show their messages
  // together, and the field is invalid when either is.
  const areas = new Map<HTMLElement, Node[]>();
  const fields = new Map<HTMLElement, { invalid: boolean; pending: boolean }>();
  for (const target of tab.own) {
    const entry = at.get(target);
    const nodes = areas.get(target.msg) ?? [];
    const field = fields.get(target.wrap) ?? { invalid: false, pending: false };
    if (entry) {
      nodes.push(...entry.nodes);
      field.invalid ||= !entry.pending;
      field.pending ||= entry.pending;
    }
    areas.set(target.msg, nodes);
    fields.set(target.wrap, field);
  }
  for (const target of tab.own) {
    const entry = at.get(target);
    const field = fields.get(target.wrap)!;
    showMessages(target, areas.get(target.msg)!, field.invalid, field.pending && !field.invalid);
    target.invalid = !!entry && !entry.pending;
  }

  r.skipped.replaceChildren(...(report?.skipped ?? []).map((s) => {
    const target = tab.context(s.missing);
    return h('li', { 'data-code': s.code, 'data-missing': s.missing },
      h('span', { class: 'code' }, s.code),
      h('div', {}, h('p', {}, codeText(s.code, lang)),
        h('p', { class: 'meta' }, t('needs', lang, { what: '' }), fieldLink(target, s.missing),
          target ? h('span', { class: 'muted' }, ` (${s.missing})`) : null)));
  }));
  r.warnings.replaceChildren(...(report?.warnings ?? []).map((w) =>
    h('li', { 'data-code': w.code }, h('span', { class: 'code warn' }, '!'), h('div', {}, h('p', {}, w.message)))));
  const top = report?.level === 'PARTNER_PLUS';
  r.problemsBlock.hidden = !report || (report.violations.length === 0 && !top);
  if (top) r.problems.append(h('li', { class: 'none' }, t('topLevel', lang)));
  r.skippedBlock.hidden = !report || report.skipped.length === 0;
  r.warningsBlock.hidden = !report || report.warnings.length === 0;

  // The verdict, in words.
  let state: string;
  let text: string;
  if (error) {
    state = 'ERROR';
    text = errorTarget ? `${t('verdictERROR', lang)}: ${t(errorTarget.label, lang)}` : `${t('verdictERROR', lang)}: ${error.message}`;
  } else if ((report!.verdict === 'REJECT' || required.size > 0) && unresolved === 0 && pendingTargets.size > 0) {
    // Only what is still to fill in stands between the form and a verdict.
    state = 'TODO';
    text = t('verdictTODO', lang, { fields: [...pendingTargets].map((x) => t(x.label, lang)).join(', ') });
  } else if (tab.key === 'p' && report!.verdict === 'REJECT' && report!.level && report!.level !== 'NONE') {
    // A level is reached: that is a success, whatever the next one lacks.
    state = 'REACHED';
    text = t('partnerREACHED', lang, { level: t(`level${report!.level}` as Key, lang) });
  } else {
    state = report!.verdict;
    text = t(tab.key === 'p' ? (`partner${state}` as Key) : (`verdict${state}` as Key), lang);
  }
  r.verdict.dataset.state = state;
  r.verdict.dataset.verdict = report?.verdict ?? 'ERROR';
  if (r.verdictText.textContent !== text) r.verdictText.textContent = text;
  r.mini.dataset.state = state;
  r.mini.textContent = `${text} ↓`;

  if (r.body && r.endpoint) {
    r.endpoint.textContent = built.endpoint ?? '';
    // An incomplete request is not shown as if it could be sent.
    r.body.textContent = required.size ? '' : JSON.stringify(built.body, null, 2);
    r.body.dataset.incomplete = String(required.size > 0);
    if (required.size) r.body.dataset.placeholder = t('verdictTODO', lang, { fields: [...required].map((x) => t(x.label, lang)).join(', ') });
  }
  if (r.allegro && required.size) {
    r.allegro.root.hidden = true;
  } else if (r.allegro) {
    // The same document, answered as Allegro would: a second check, in the
    // package (an input error has no answer: the panel hides).
    let response: AllegroResponse | undefined;
    try {
      if (report) response = check(built.document, { format: 'allegro', lang });
    } catch {
      response = undefined;
    }
    showAllegro(r.allegro, response, lang);
  }
  r.doc.textContent = JSON.stringify(built.document, null, 2);
  const time = new Date(now);
  r.checkedAt.textContent = t('checkedAt', lang, {
    time: dateTimeFormat(t('dateLocale', lang), { timeStyle: 'medium' }).format(time),
  });

  tab.extra?.(report, built);
  syncAria();
  if (!firstResult) {
    firstResult = true;
    document.documentElement.dataset.firstResultMs = performance.now().toFixed(1);
  }
  return report;
}

export { showHelp };

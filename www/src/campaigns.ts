// The campaigns a seller can pick, shared by the application and update tabs:
// the package's built-in ones (named in the page's language) and a pasted GET
// /sale/badge-campaigns list, the campaign selects that offer them, and the
// facts shown about the chosen one.
import { builtInCampaigns, type BuiltInCampaign, type Campaign, type Period, type Terms } from 'badge-rules';
import { listedCampaigns } from './documents';
import { t, type Key, type Lang } from './i18n';
import { currentLang, h } from './ui';
import { dateTimeFormat } from './intl';

/** The pasted GET /sale/badge-campaigns list, as pasted (the application tab sets it). */
let pasted: unknown[] = [];

export function pastedList(): unknown[] {
  return pasted;
}

export function setPastedList(list: unknown[]): void {
  pasted = list;
}

/** Whether `id` is a campaign of the pasted list. */
export function isPasted(id: string): boolean {
  return listedCampaigns(pasted).some((c) => c.id === id);
}

const builtIns = new Map<Lang, BuiltInCampaign[]>();

/** The engine's built-in campaigns with their terms, named in the page's language. */
function builtIn(): BuiltInCampaign[] {
  const lang = currentLang();
  let list = builtIns.get(lang);
  if (!list) {
    list = builtInCampaigns(lang);
    builtIns.set(lang, list);
  }
  return list;
}

function builtInList(): Campaign[] {
  return builtIn().map((b) => b.campaign);
}

export function campaignChoices(): Campaign[] {
  const list = listedCampaigns(pasted);
  const ids = new Set(list.map((c) => c.id));
  return [...builtInList().filter((c) => !ids.has(c.id)), ...list];
}

/** The list a campaign id comes from: that list is the document's `campaigns`. */
export function campaignSource(id: string): unknown[] {
  return isPasted(id) ? pasted : builtInList();
}

function campaignLabel(c: Campaign): string {
  return [c.id, c.name && c.name !== c.id ? `— ${c.name}` : '', c.type ? `(${c.type})` : ''].filter(Boolean).join(' ');
}

const selects: HTMLSelectElement[] = [];

/** Fills `select` with the campaign choices, keeping its choice (or taking `prefer`) when still offered. */
export function refreshCampaignSelect(select: HTMLSelectElement, prefer?: string): void {
  if (!selects.includes(select)) selects.push(select);
  const keep = prefer ?? select.value;
  const pastedIds = new Set(listedCampaigns(pasted).map((c) => c.id));
  const group = (key: Key, list: Campaign[]) => {
    const g = h('optgroup', { label: t(key, currentLang()) });
    for (const c of list) g.append(h('option', { value: c.id }, campaignLabel(c)));
    return g;
  };
  const choices = campaignChoices();
  const builtIn = choices.filter((c) => !pastedIds.has(c.id));
  const listed = choices.filter((c) => pastedIds.has(c.id));
  select.replaceChildren(group('builtInCampaigns', builtIn), ...(listed.length ? [group('pastedCampaigns', listed)] : []));
  select.value = choices.some((c) => c.id === keep) ? keep : choices[0]?.id ?? '';
}

/** Refills every campaign select filled so far (after a paste or a language switch). */
export function refreshCampaignSelects(): void {
  for (const select of selects) refreshCampaignSelect(select);
}

function formatInstant(s: string | null | undefined): string {
  if (!s) return '?';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return dateTimeFormat(t('dateLocale', currentLang()), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function periodText(p: Period | undefined | null): string {
  const lang = currentLang();
  if (!p || typeof p !== 'object') return t('periodMissing', lang);
  const vars = { from: formatInstant(p.from), to: formatInstant(p.to) };
  switch (p.type) {
    case 'ALWAYS': return t('periodAlways', lang);
    case 'NEVER': return t('periodNever', lang);
    case 'SINCE': return t('periodSince', lang, vars);
    case 'UNTIL': return t('periodUntil', lang, vars);
    case 'WITHIN': return t('periodWithin', lang, vars);
    default: return String((p as { type?: unknown }).type ?? t('periodMissing', lang));
  }
}

function termsLines(terms: Terms): string[] {
  const lang = currentLang();
  const lines: string[] = [];
  for (const [key, value] of Object.entries(terms)) {
    if (key === 'discount' && value && typeof value === 'object') {
      const d = value as NonNullable<Terms['discount']>;
      const base = t(`termBase${d.base ?? 'MARKET'}` as Key, lang);
      const range = d.minPercent || d.maxPercent
        ? `${d.minPercent ?? '1'}\u00a0%–${d.maxPercent ?? '100'}\u00a0%`
        : t('termAnyDepth', lang);
      lines.push(t('termDiscount', lang, { base, range }));
    } else if (key === 'minStock') {
      lines.push(t('termMinStock', lang, { n: String(value) }));
    } else if (key === 'requireCompanyAccount') {
      if (value === true) lines.push(t('termCompany', lang));
    } else {
      lines.push(t('termOther', lang, { key, value: typeof value === 'object' ? JSON.stringify(value) : String(value) }));
    }
  }
  return lines;
}

/** The marketplace of campaign `id`, when its list names one. */
export function campaignMarketplace(id: string): string | undefined {
  const c = campaignChoices().find((choice) => choice.id === id);
  const m = c?.marketplace?.id;
  return typeof m === 'string' && m !== '' ? m : undefined;
}

/** The campaign's `regulationsLink` as a link (text only), when it is an http(s) address. */
export function regulationsLink(c: unknown): Node | null {
  const link = c && typeof c === 'object' ? (c as Record<string, unknown>).regulationsLink : undefined;
  if (typeof link !== 'string' || !/^https?:\/\//i.test(link)) return null;
  return h('a', { href: link, rel: 'noopener noreferrer', target: '_blank', class: 'regulations' }, link);
}

/** The facts about campaign `id`: type, windows, eligibility and the terms the engine applies. */
export function campaignInfo(id: string): Node {
  const c = campaignChoices().find((choice) => choice.id === id);
  const lang = currentLang();
  if (!c) return document.createTextNode('');
  const item = (key: Key, value: Node | string) => [h('dt', {}, t(key, lang)), h('dd', {}, value)];
  const known = builtIn().find((b) => b.campaign.id === c.id);
  const terms = known ? termsLines(known.terms) : [];
  const eligible = c.eligibility
    ? `${t(c.eligibility.eligible ? 'yes' : 'no', lang)}${c.eligibility.refusalReasons?.length ? ` (${c.eligibility.refusalReasons.map((r) => r.code).join(', ')})` : ''}`
    : '?';
  return h('dl', { class: 'facts' },
    ...item('type', c.type ?? '?'),
    ...item('marketplace', c.marketplace?.id ?? '?'),
    ...item('applicationWindow', periodText(c.application)),
    // When it is listed: outside it, Allegro does not find the campaign (BA10).
    ...item('visibilityWindow', periodText(c.visibility)),
    ...item('publicationWindow', periodText(c.publication)),
    ...item('stockReservation', t(c.stockReservationIsRequired ? 'stockReservationRequired' : 'stockReservationNo', lang)),
    ...item('eligibility', eligible),
    ...(regulationsLink(c) ? item('regulations', regulationsLink(c)!) : []),
    ...item('terms', h('ul', { class: 'plain' }, ...terms.map((line) => h('li', {}, line)))),
  );
}

// The pre-flight form: three tabs (application, badge update, Ads Partner
// level), each turning its fields into a check document on every keystroke and
// showing the engine's report. The form decides nothing itself.
import './style.css';
import init, { builtInTerms, version, type Campaign, type Period, type Report, type Terms } from 'badge-rules';
import {
  ALLEGRO_EXAMPLE_CAMPAIGNS, APPLICATION_EMPTY, APPLICATION_EXAMPLE, BUILT_IN_CAMPAIGNS, PARTNER_EMPTY,
  PARTNER_EXAMPLE, UPDATE_EMPTY, UPDATE_EXAMPLE, type Values,
} from './data';
import {
  applicationDocument, listedCampaigns, offerFields, parseList, partnerDocument, updateDocument,
} from './documents';
import { t, type Key, type Lang } from './i18n';
import { resolver, resultsView, show, type Tab } from './results';
import {
  areaField, checkField, currencySelect, currentLang, groupTarget, h, onLang, radioGroup, row, section,
  selectField, setLang, setValue, showHelp, targets, textField, tx, valueOf, type Option, type Target,
} from './ui';

type Json = Record<string, unknown>;

const state = {
  /** The pasted GET /sale/badge-campaigns list, as pasted. */
  pasted: [] as unknown[],
  pastedOffer: undefined as Json | undefined,
  badges: undefined as unknown[] | undefined,
  applications: undefined as unknown[] | undefined,
};

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function values(prefix: string): Values {
  const out: Values = {};
  for (const id of targets.keys()) if (id.startsWith(prefix)) out[id] = valueOf(id);
  return out;
}

// ---------------------------------------------------------------- campaigns

function campaignChoices(): Campaign[] {
  const pasted = listedCampaigns(state.pasted);
  const ids = new Set(pasted.map((c) => c.id));
  return [...BUILT_IN_CAMPAIGNS.filter((c) => !ids.has(c.id)), ...pasted];
}

/** The list a campaign id comes from: that list is the document's `campaigns`. */
function campaignSource(id: string): unknown[] {
  return listedCampaigns(state.pasted).some((c) => c.id === id) ? state.pasted : BUILT_IN_CAMPAIGNS;
}

function campaignLabel(c: Campaign): string {
  const name = c.id === 'SANDBOX_TEST_CAMPAIGN' && c.name === 'Sandbox test campaign' ? t('sandboxName', currentLang()) : c.name;
  return [c.id, name && name !== c.id ? `— ${name}` : '', c.type ? `(${c.type})` : ''].filter(Boolean).join(' ');
}

function refreshCampaignSelect(select: HTMLSelectElement | null, prefer?: string): void {
  if (!select) return;
  const keep = prefer ?? select.value;
  const pastedIds = new Set(listedCampaigns(state.pasted).map((c) => c.id));
  const group = (key: Key, list: Campaign[]) => {
    const g = h('optgroup', { label: t(key, currentLang()) });
    for (const c of list) g.append(h('option', { value: c.id }, campaignLabel(c)));
    return g;
  };
  const choices = campaignChoices();
  const builtIn = choices.filter((c) => !pastedIds.has(c.id));
  const pasted = choices.filter((c) => pastedIds.has(c.id));
  select.replaceChildren(group('builtInCampaigns', builtIn), ...(pasted.length ? [group('pastedCampaigns', pasted)] : []));
  select.value = choices.some((c) => c.id === keep) ? keep : choices[0]?.id ?? '';
}

function formatInstant(s: string | undefined): string {
  if (!s) return '?';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return new Intl.DateTimeFormat(currentLang() === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

function periodText(p: Period | undefined | null): string {
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
        ? `${d.minPercent ?? '1'} %–${d.maxPercent ?? '100'} %`
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

function campaignInfo(c: Campaign | undefined): Node {
  const lang = currentLang();
  if (!c) return document.createTextNode('');
  const item = (key: Key, value: Node | string) => [h('dt', {}, t(key, lang)), h('dd', {}, value)];
  let terms: string[] = [];
  try {
    terms = termsLines(builtInTerms(c.id));
  } catch {
    terms = [];
  }
  const eligible = c.eligibility
    ? `${t(c.eligibility.eligible ? 'yes' : 'no', lang)}${c.eligibility.refusalReasons?.length ? ` (${c.eligibility.refusalReasons.map((r) => r.code).join(', ')})` : ''}`
    : '?';
  return h('dl', { class: 'facts' },
    ...item('type', c.type ?? '?'),
    ...item('marketplace', c.marketplace?.id ?? '?'),
    ...item('applicationWindow', periodText(c.application)),
    ...item('publicationWindow', periodText(c.publication)),
    ...item('stockReservation', t(c.stockReservationIsRequired ? 'stockReservationRequired' : 'stockReservationNo', lang)),
    ...item('eligibility', eligible),
    ...item('terms', h('ul', { class: 'plain' }, ...terms.map((line) => h('li', {}, line)))),
  );
}

function campaignsTable(): Node {
  const lang = currentLang();
  const list = listedCampaigns(state.pasted);
  if (!list.length) return document.createTextNode('');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'campaigns', id: 'a-campaigns-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('colCampaign', lang)), h('th', { scope: 'col' }, t('colType', lang)),
      h('th', { scope: 'col' }, t('colApplications', lang)))),
    h('tbody', {}, ...list.map((c) => h('tr', { 'data-id': c.id },
      h('td', {}, h('strong', {}, c.id), c.name ? h('span', { class: 'muted' }, ` ${c.name}`) : null),
      h('td', {}, c.type ?? '?'),
      h('td', {}, periodText(c.application)))))));
}

// ---------------------------------------------------------------- tab helpers

const OFFER_CURRENCY_LABEL: Key = 'offerCurrency';

function opts(prefix: string, values: string[], unknown = true): Option[] {
  return [...(unknown ? [['', 'unknown'] as Option] : []), ...values.map((v) => [v, `${prefix}${v}` as Key] as Option)];
}

function yesNo(): Option[] {
  return [['', 'unknown'], ['true', 'yes'], ['false', 'no']];
}

function toolbar(onExample: () => void, onClear: () => void): HTMLElement {
  const ex = h('button', { type: 'button', class: 'ghost' }, tx('example'));
  const cl = h('button', { type: 'button', class: 'ghost' }, tx('clear'));
  ex.addEventListener('click', onExample);
  cl.addEventListener('click', onClear);
  return h('div', { class: 'toolbar' }, ex, cl);
}

function applyValues(prefix: string, preset: Values): void {
  for (const [id, target] of targets) {
    if (!id.startsWith(prefix)) continue;
    target.touched = false;
    if (target.controls.length === 0) continue;
    setValue(id, preset[id] ?? '');
  }
}

// ---------------------------------------------------------------- application tab

function applicationTab(): { panel: HTMLElement; run: () => void; tab: Tab } {
  // Campaign
  const campaign = selectField('a-campaign', 'campaignPick', []);
  const campaignSelect = campaign.controls[0] as HTMLSelectElement;
  const info = h('div', { class: 'campaign-info', id: 'a-campaign-info' });
  const campaignsJson = areaField('a-campaigns-json', 'pasteCampaignsLabel', { help: 'pasteCampaignsHelp', rows: 6 });
  const campaignsStatus = h('p', { class: 'status', id: 'a-campaigns-status', role: 'status' });
  const campaignsList = h('div', { id: 'a-campaigns-list' });
  const useExample = h('button', { type: 'button', class: 'ghost small', id: 'a-campaigns-example' }, tx('useAllegroExample'));
  const campaignsDetails = h('details', { class: 'paste', id: 'a-campaigns-details' },
    h('summary', {}, tx('pasteCampaigns')), campaignsJson.wrap, h('div', { class: 'toolbar' }, useExample), campaignsStatus, campaignsList);

  // Offer
  const offerJson = areaField('a-offer-json', 'pasteOfferLabel', { help: 'pasteOfferHelp', rows: 6 });
  const offerStatus = h('p', { class: 'status', id: 'a-offer-status', role: 'status' });
  const offerDetails = h('details', { class: 'paste', id: 'a-offer-details' },
    h('summary', {}, tx('pasteOffer')), offerJson.wrap, offerStatus);
  const offerCurrency = currencySelect('a-offer-currency', OFFER_CURRENCY_LABEL);
  const offerId = textField('a-offer-id', 'offerId', { inputmode: 'numeric', placeholder: '12345678' });
  const price = textField('a-price', 'offerPrice', { inputmode: 'decimal', placeholder: '200.00', beside: offerCurrency });
  const lowest = textField('a-lowest', 'lowest30', { inputmode: 'decimal', placeholder: '200.00', help: 'lowest30Help' });
  const stock = textField('a-stock', 'stock', { inputmode: 'numeric', placeholder: '25' });
  const format = selectField('a-format', 'format', opts('format', ['BUY_NOW', 'AUCTION', 'ADVERTISEMENT']));
  const status = selectField('a-status', 'status', opts('status', ['ACTIVE', 'ACTIVATING', 'INACTIVE', 'ENDED', 'ARCHIVED']));
  const listed = textField('a-listed', 'listed', { type: 'date' });
  const category = textField('a-category', 'category', { inputmode: 'numeric', placeholder: '257150' });
  const offerCurrencyTarget: Target = {
    id: 'a-offer-currency', label: OFFER_CURRENCY_LABEL, wrap: price.wrap, help: price.help, msg: price.msg,
    controls: [offerCurrency], touched: false, invalid: false, empty: () => false, focus: () => offerCurrency.focus(),
  };
  targets.set('a-offer-currency', offerCurrencyTarget);

  // Application
  const currency = currencySelect('a-currency', 'currency');
  const bargain = textField('a-bargain', 'bargain', { inputmode: 'decimal', placeholder: '100.00', beside: currency });
  const currencyTarget: Target = {
    id: 'a-currency', label: 'currency', wrap: bargain.wrap, help: h('p', { id: 'a-currency-help' }), msg: h('div', { id: 'a-currency-msg', class: 'msg' }),
    controls: [currency], touched: false, invalid: false, empty: () => false, focus: () => currency.focus(),
  };
  bargain.msg.after(currencyTarget.msg);
  targets.set('a-currency', currencyTarget);
  const limit = textField('a-limit', 'perUser', { inputmode: 'numeric', optional: true, help: 'perUserHelp' });
  const declared = textField('a-declared', 'declared', { inputmode: 'numeric', optional: true, help: 'declaredHelp' });

  // Account
  const accountId = textField('a-account-id', 'accountId', { inputmode: 'numeric', placeholder: '1001' });
  const company = selectField('a-company', 'company', yesNo());
  const quality = selectField('a-quality', 'quality', yesNo());
  const ratings = textField('a-ratings', 'ratings', { inputmode: 'decimal', placeholder: '99.5' });
  const accountHead = h('div', { class: 'group-msg' });
  const accountCard = section('account', accountHead, row(accountId.wrap, company.wrap, quality.wrap, ratings.wrap));
  accountCard.id = 'a-account-card';
  const account = groupTarget('a-account', 'account', [company, quality, ratings, accountId], accountCard, accountHead);

  // History
  const history = radioGroup('a-history', 'historyLegend', [['none', 'historyNone'], ['paste', 'historyPaste'], ['unknown', 'historyUnknown']]);
  const badgesJson = areaField('a-badges-json', 'badgesJson', { rows: 4 });
  const applicationsJson = areaField('a-applications-json', 'applicationsJson', { rows: 4 });
  const historyPaste = h('div', { class: 'history-paste', id: 'a-history-paste', hidden: true }, badgesJson.wrap, applicationsJson.wrap);

  const results = resultsView('a', { body: true, problemsTitle: 'problems' });
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': '' },
    section('campaign', campaign.wrap, info, campaignsDetails),
    section('offer', offerDetails, row(offerId.wrap, price.wrap, lowest.wrap), row(stock.wrap, format.wrap, status.wrap), row(listed.wrap, category.wrap)),
    section('application', h('div', { class: 'lead' }, bargain.wrap), row(limit.wrap, declared.wrap)),
    accountCard,
    section('history', history.wrap, historyPaste),
  );
  onLang(() => form.setAttribute('aria-label', t('tabApplication', currentLang())));
  form.addEventListener('submit', (e) => e.preventDefault());

  const own = [campaign, campaignsJson, offerJson, offerId, price, offerCurrencyTarget, lowest, stock, format, status, listed, category,
    bargain, currencyTarget, limit, declared, accountId, company, quality, ratings, account, history, badgesJson, applicationsJson];

  const pastedList = () => listedCampaigns(state.pasted).some((c) => c.id === campaignSelect.value);
  const violation = resolver({
    'campaign': 'a-campaign',
    'offer': 'a-offer-id',
    'prices': 'a-bargain',
    'prices.bargain.currency': 'a-currency',
    'purchaseConstraints': 'a-limit',
    'declaredStock': 'a-declared',
    '': 'a-account',
  });
  const context = resolver({
    'campaigns': 'a-campaign',
    'campaigns[]': () => (pastedList() ? 'a-campaigns-json' : 'a-campaign'),
    'offer': () => (state.pastedOffer ? 'a-offer-json' : 'a-offer-id'),
    'offer.id': 'a-offer-id',
    'offer.sellingMode.price': 'a-price',
    'offer.sellingMode.price.currency': 'a-offer-currency',
    'offer.sellingMode.format': 'a-format',
    'offer.stock': 'a-stock',
    'offer.publication.status': 'a-status',
    'offer.publication.startedAt': 'a-listed',
    'offer.category': 'a-category',
    'metrics': 'a-lowest',
    'metrics.lowestPrice30Days.currency': 'a-offer-currency',
    'account': 'a-account',
    'account.id': 'a-account-id',
    'account.company': 'a-company',
    'account.meetsQualityCriteria': 'a-quality',
    'account.positiveRatingsPercent': 'a-ratings',
    'badges': () => (valueOf('a-history') === 'paste' ? 'a-badges-json' : 'a-history'),
    'applications': () => (valueOf('a-history') === 'paste' ? 'a-applications-json' : 'a-history'),
  }, violation);

  const hint = h('p', { class: 'hint', id: 'a-hint', hidden: true });
  results.slot.append(hint);

  const tab: Tab = {
    key: 'a', own, violation, context, results,
    extra: (report: Report | undefined) => {
      const range = report?.hints.bargain;
      const lang = currentLang();
      if (range) {
        const text = t('hint', lang, { min: range.min, max: range.max, currency: range.currency, campaign: campaignSelect.value });
        hint.hidden = false;
        hint.replaceChildren(h('span', { class: 'label' }, t('hintLabel', lang)), h('strong', {}, text));
        showHelp(bargain, h('span', { class: 'range', id: 'a-bargain-range' }, text));
      } else {
        hint.hidden = true;
        hint.replaceChildren();
        showHelp(bargain, null);
      }
    },
  };

  const parseInputs = () => {
    // Campaigns
    const parsed = parseList(valueOf('a-campaigns-json'), 'badgeCampaigns');
    const lang = currentLang();
    if (parsed === null) {
      state.pasted = [];
      campaignsStatus.textContent = '';
    } else if (parsed.ok) {
      state.pasted = parsed.list;
      const n = listedCampaigns(parsed.list).length;
      campaignsStatus.textContent = n ? t('campaignsRead', lang, { n }) : t('campaignsNone', lang);
    } else {
      state.pasted = [];
      campaignsStatus.textContent = parsed.reason === 'json' ? t('notJson', lang, { e: parsed.detail }) : t('noCampaignList', lang);
    }
    campaignsStatus.dataset.ok = String(!!parsed?.ok);
    // History
    const mode = valueOf('a-history');
    historyPaste.hidden = mode !== 'paste';
    const list = (id: string, key: string) => {
      const p = parseList(valueOf(id), key);
      const target = targets.get(id)!;
      if (p === null) { showHelp(target, null); return undefined; }
      if (p.ok) { showHelp(target, document.createTextNode(t('listRead', lang, { n: p.list.length }))); return p.list; }
      showHelp(target, document.createTextNode(p.reason === 'json' ? t('notJson', lang, { e: p.detail }) : t('noList', lang, { key })));
      return undefined;
    };
    const badges = list('a-badges-json', 'badges');
    const applications = list('a-applications-json', 'badgeApplications');
    state.badges = mode === 'none' ? [] : mode === 'paste' ? badges : undefined;
    state.applications = mode === 'none' ? [] : mode === 'paste' ? applications : undefined;
  };

  const run = () => {
    parseInputs();
    const v = values('a-');
    const id = v['a-campaign'];
    info.replaceChildren(campaignInfo(campaignChoices().find((c) => c.id === id)));
    campaignsList.replaceChildren(campaignsTable());
    const built = applicationDocument({
      values: v, now: now(), campaigns: campaignSource(id), pastedOffer: state.pastedOffer,
      badges: state.badges, applications: state.applications,
    });
    show(tab, built, (built.document as { now: string }).now);
  };

  // Pasting campaigns: the list appears in the select, the first pasted one is chosen.
  const onCampaignsPasted = () => {
    parseInputs();
    const first = listedCampaigns(state.pasted)[0];
    refreshCampaignSelect(campaignSelect, first?.id);
    refreshCampaignSelect(document.getElementById('u-campaign') as HTMLSelectElement);
  };
  campaignsJson.controls[0].addEventListener('input', onCampaignsPasted);
  useExample.addEventListener('click', () => {
    setValue('a-campaigns-json', JSON.stringify(ALLEGRO_EXAMPLE_CAMPAIGNS, null, 2));
    campaignsJson.touched = true;
    onCampaignsPasted();
    run();
    document.dispatchEvent(new CustomEvent('campaigns-changed'));
  });

  // Pasting an offer fills the fields.
  offerJson.controls[0].addEventListener('input', () => {
    const lang = currentLang();
    const text = valueOf('a-offer-json');
    if (text.trim() === '') {
      state.pastedOffer = undefined;
      offerStatus.textContent = '';
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      state.pastedOffer = undefined;
      offerStatus.textContent = t('notJson', lang, { e: e instanceof Error ? e.message : String(e) });
      offerStatus.dataset.ok = 'false';
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      state.pastedOffer = undefined;
      offerStatus.textContent = t('offerNotObject', lang);
      offerStatus.dataset.ok = 'false';
      return;
    }
    state.pastedOffer = value as Json;
    for (const [field, v] of Object.entries(offerFields(value as Json))) {
      if (field === 'a-offer-currency' && v === '') continue;
      setValue(field, v);
      const target = targets.get(field);
      if (target) target.touched = false;
    }
    offerStatus.textContent = t('offerFilled', lang, { id: String((value as Json).id ?? '?') });
    offerStatus.dataset.ok = 'true';
  });

  const reset = (preset: Values) => {
    applyValues('a-', preset);
    setValue('a-offer-json', '');
    state.pastedOffer = undefined;
    offerStatus.textContent = '';
    refreshCampaignSelect(campaignSelect, preset['a-campaign']);
    run();
  };
  const panel = h('div', {}, toolbar(() => reset(APPLICATION_EXAMPLE), () => reset(APPLICATION_EMPTY)),
    h('div', { class: 'layout' }, h('div', { class: 'main' }, form), results.root), results.mini);
  refreshCampaignSelect(campaignSelect);
  applyValues('a-', APPLICATION_EXAMPLE);
  return { panel, run, tab };
}

// ---------------------------------------------------------------- badge update tab

function updateTab(): { panel: HTMLElement; run: () => void } {
  const campaign = selectField('u-campaign', 'campaignPick', []);
  const campaignSelect = campaign.controls[0] as HTMLSelectElement;
  const info = h('div', { class: 'campaign-info', id: 'u-campaign-info' });
  const offerId = textField('u-offer-id', 'offerId', { inputmode: 'numeric', placeholder: '12345678' });
  const action = radioGroup('u-action', 'updateAction', [['price', 'actionPrice'], ['finish', 'actionFinish']], { inline: true });
  const currency = currencySelect('u-currency', 'currency');
  const bargain = textField('u-bargain', 'newBargain', { inputmode: 'decimal', placeholder: '90.00', beside: currency });
  const currencyTarget: Target = {
    id: 'u-currency', label: 'currency', wrap: bargain.wrap, help: h('p', { id: 'u-currency-help' }), msg: h('div', { id: 'u-currency-msg', class: 'msg' }),
    controls: [currency], touched: false, invalid: false, empty: () => false, focus: () => currency.focus(),
  };
  bargain.msg.after(currencyTarget.msg);
  targets.set('u-currency', currencyTarget);
  const badgeStatus = selectField('u-badge-status', 'badgeStatus', [['', 'unknown'], ['none', 'badgeNone'],
    ...['IN_VERIFICATION', 'WAITING_FOR_PUBLICATION', 'ACTIVE', 'FINISHED', 'DECLINED'].map((s) => [s, `bs${s}` as Key] as Option)]);
  const offerCurrency = currencySelect('u-offer-currency', OFFER_CURRENCY_LABEL);
  const badgeMarket = textField('u-badge-market', 'badgeMarket', { inputmode: 'decimal', placeholder: '200.00', help: 'badgeMarketHelp' });
  const badgeEnds = textField('u-badge-ends', 'badgeEnds', { type: 'date', help: 'badgeEndsHelp' });
  const ops = selectField('u-ops', 'pendingOps', [['', 'unknown'], ['none', 'opsNone'], ['pending', 'opsPending']]);
  const price = textField('u-price', 'offerPrice', { inputmode: 'decimal', placeholder: '200.00', beside: offerCurrency });
  const format = selectField('u-format', 'format', opts('format', ['BUY_NOW', 'AUCTION', 'ADVERTISEMENT']));
  const offerCurrencyTarget: Target = {
    id: 'u-offer-currency', label: OFFER_CURRENCY_LABEL, wrap: price.wrap, help: price.help, msg: price.msg,
    controls: [offerCurrency], touched: false, invalid: false, empty: () => false, focus: () => offerCurrency.focus(),
  };
  targets.set('u-offer-currency', offerCurrencyTarget);

  const results = resultsView('u', { body: true, problemsTitle: 'problems' });
  const form = h('form', { class: 'form', novalidate: true },
    section('campaign', row(campaign.wrap, offerId.wrap), info, h('p', { class: 'small muted' }, tx('updateCampaignsNote'))),
    section('update', action.wrap, h('div', { class: 'lead' }, bargain.wrap)),
    section('badgeNow', row(badgeStatus.wrap, badgeMarket.wrap, badgeEnds.wrap), row(ops.wrap)),
    section('offerNow', row(price.wrap, format.wrap)),
  );
  onLang(() => form.setAttribute('aria-label', t('tabUpdate', currentLang())));
  form.addEventListener('submit', (e) => e.preventDefault());
  const own = [campaign, offerId, action, bargain, currencyTarget, badgeStatus, badgeMarket, badgeEnds, ops, price, offerCurrencyTarget, format];

  const violation = resolver({
    'offerId': 'u-offer-id',
    'campaignId': 'u-campaign',
    'prices': 'u-bargain',
    'prices.bargain.value.currency': 'u-currency',
    'process': 'u-action',
    '': 'u-action',
  });
  const context = resolver({
    'offerId': 'u-offer-id',
    'campaignId': 'u-campaign',
    'campaigns': 'u-campaign',
    'badges': 'u-badge-status',
    'badges[].prices': 'u-badge-market',
    'badges[].prices.market.currency': 'u-offer-currency',
    'badges[].publication': 'u-badge-ends',
    'operations': 'u-ops',
    'offer': 'u-offer-id',
    'offer.sellingMode.format': 'u-format',
    'offer.sellingMode.price': 'u-price',
    'offer.sellingMode.price.currency': 'u-offer-currency',
  }, violation);
  const tab: Tab = { key: 'u', own, violation, context, results };

  const run = () => {
    const v = values('u-');
    const finishing = v['u-action'] === 'finish';
    bargain.wrap.hidden = finishing;
    info.replaceChildren(campaignInfo(campaignChoices().find((c) => c.id === v['u-campaign'])));
    const built = updateDocument({ values: v, now: now(), campaigns: campaignSource(v['u-campaign']) });
    show(tab, built, (built.document as { now: string }).now);
  };
  const reset = (preset: Values) => {
    applyValues('u-', preset);
    refreshCampaignSelect(campaignSelect, preset['u-campaign']);
    run();
  };
  const panel = h('div', {}, toolbar(() => reset(UPDATE_EXAMPLE), () => reset(UPDATE_EMPTY)),
    h('div', { class: 'layout' }, h('div', { class: 'main' }, form), results.root), results.mini);
  refreshCampaignSelect(campaignSelect);
  applyValues('u-', UPDATE_EXAMPLE);
  return { panel, run };
}

// ---------------------------------------------------------------- Ads Partner tab

function partnerTab(): { panel: HTMLElement; run: () => void } {
  const basics = [
    checkField('p-business', 'pBusiness'), checkField('p-website', 'pWebsite'), checkField('p-certificate', 'pCertificate'),
    checkField('p-gaining', 'pGaining'), checkField('p-investing', 'pInvesting'),
  ];
  const customers = textField('p-customers', 'pCustomers', { inputmode: 'numeric', placeholder: '3' });
  const spend = textField('p-spend', 'pSpend', { inputmode: 'decimal', placeholder: '100000.00' });
  const sponsored = checkField('p-tool-sponsored', 'toolSponsored');
  const graphic = checkField('p-tool-graphic', 'toolGraphic');
  const other = textField('p-tools-other', 'pToolsOther', { optional: true });
  const toolsHead = h('div', { class: 'group-msg' });
  const toolsSet = h('fieldset', { class: 'field radios', id: 'p-tools-field' }, h('legend', {}, tx('pTools')), toolsHead, sponsored.wrap, graphic.wrap, other.wrap);
  const tools = groupTarget('p-tools', 'pTools', [sponsored, graphic, other], toolsSet, toolsHead);
  const logo = checkField('p-logo', 'pLogo');
  const plusLogo = checkField('p-plus-logo', 'pPlusLogo');

  const results = resultsView('p', { body: false, problemsTitle: 'forNextLevel' });
  const form = h('form', { class: 'form', novalidate: true },
    section('partnerBasics', ...basics.map((b) => b.wrap)),
    section('partnerFigures', row(customers.wrap, spend.wrap), toolsSet),
    section('pLogos', logo.wrap, plusLogo.wrap),
  );
  onLang(() => form.setAttribute('aria-label', t('tabPartner', currentLang())));
  form.addEventListener('submit', (e) => e.preventDefault());
  const own = [...basics, customers, spend, sponsored, graphic, other, tools, logo, plusLogo];
  const violation = resolver({
    businessAccount: 'p-business',
    websiteActive: 'p-website',
    adsCertificate: 'p-certificate',
    gainingCustomers: 'p-gaining',
    investingInCampaigns: 'p-investing',
    activeCustomers: 'p-customers',
    quarterlySpendGross: 'p-spend',
    adsTools: 'p-tools',
    partnerLogo: 'p-logo',
    partnerPlusLogo: 'p-plus-logo',
  });
  const context = resolver({}, violation);

  const level = h('p', { class: 'level', id: 'p-level' });
  const benefits = h('ul', { class: 'plain benefits', id: 'p-benefits' });
  results.slot.append(h('div', { class: 'level-card' }, h('span', { class: 'label', id: 'p-level-label' }, tx('levelReached')), level,
    h('h3', {}, tx('benefits')), benefits));
  const tab: Tab = {
    key: 'p', own, violation, context, results,
    extra: (report) => {
      const lang = currentLang();
      const reached = report?.level ?? 'NONE';
      level.dataset.level = reached;
      level.textContent = t(`level${reached}` as Key, lang);
      const items = report?.benefits ?? [];
      benefits.replaceChildren(...(items.length ? items.map((b) => h('li', { 'data-code': b.code }, b.text)) : [h('li', { class: 'muted' }, t('noBenefits', lang))]));
    },
  };
  const run = () => show(tab, partnerDocument(values('p-')), now());
  const reset = (preset: Values) => {
    applyValues('p-', preset);
    run();
  };
  const panel = h('div', {}, toolbar(() => reset(PARTNER_EXAMPLE), () => reset(PARTNER_EMPTY)),
    h('div', { class: 'layout' }, h('div', { class: 'main' }, form), results.root), results.mini);
  applyValues('p-', PARTNER_EXAMPLE);
  return { panel, run };
}

// ---------------------------------------------------------------- page

function startLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'pl' || asked === 'en') return asked;
  return (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

function languageSwitch(onChange: (l: Lang) => void): HTMLElement {
  const buttons = ([['pl', 'Polski'], ['en', 'English']] as const).map(([code, name]) => {
    const b = h('button', { type: 'button', lang: code, 'data-lang': code, class: 'lang' }, name);
    b.addEventListener('click', () => onChange(code));
    return b;
  });
  onLang(() => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === currentLang()));
  });
  const group = h('div', { class: 'langs', role: 'group' }, ...buttons);
  onLang(() => group.setAttribute('aria-label', t('language', currentLang())));
  return group;
}

function tabs(list: Array<{ id: string; label: Key; sub: Key; panel: HTMLElement; onShow: () => void }>): HTMLElement {
  const tablist = h('div', { class: 'tabs', role: 'tablist' });
  onLang(() => tablist.setAttribute('aria-label', t('operations', currentLang())));
  const buttons: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const select = (i: number, focus: boolean) => {
    list.forEach((_item, j) => {
      const on = i === j;
      buttons[j].setAttribute('aria-selected', String(on));
      buttons[j].tabIndex = on ? 0 : -1;
      panels[j].hidden = !on;
    });
    if (focus) buttons[i].focus();
    history.replaceState(null, '', `#${list[i].id}`);
    document.documentElement.dataset.tab = list[i].id;
    list[i].onShow();
  };
  list.forEach((item, i) => {
    const button = h('button', {
      type: 'button', role: 'tab', id: `tab-${item.id}`, 'aria-controls': `panel-${item.id}`, 'aria-selected': 'false', tabindex: '-1',
    }, h('span', { class: 'tab-title' }, tx(item.label)), h('span', { class: 'tab-sub' }, tx(item.sub)));
    button.addEventListener('click', () => select(i, false));
    button.addEventListener('keydown', (e) => {
      const n = list.length;
      const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n
        : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
      if (to >= 0) {
        e.preventDefault();
        select(to, true);
      }
    });
    buttons.push(button);
    tablist.append(button);
    panels.push(h('div', { role: 'tabpanel', id: `panel-${item.id}`, 'aria-labelledby': `tab-${item.id}`, hidden: true }, item.panel));
  });
  const fromHash = list.findIndex((item) => `#${item.id}` === location.hash);
  select(fromHash >= 0 ? fromHash : 0, false);
  return h('div', { class: 'tabbed' }, tablist, ...panels);
}

function start(): void {
  const root = document.getElementById('app')!;
  setLang(startLang());
  const app = applicationTab();
  const upd = updateTab();
  const partner = partnerTab();
  const runAll = () => {
    app.run();
    upd.run();
    partner.run();
  };
  const header = h('header', { class: 'top' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'b'),
      h('div', {}, h('h1', {}, tx('title')), h('p', { class: 'tagline' }, tx('tagline')))),
    languageSwitch((l) => {
      setLang(l);
      refreshCampaignSelect(document.getElementById('a-campaign') as HTMLSelectElement);
      refreshCampaignSelect(document.getElementById('u-campaign') as HTMLSelectElement);
      runAll();
    }));
  const skip = h('a', { class: 'skip', href: '#' }, tx('skipToResult'));
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    const tab = document.documentElement.dataset.tab ?? 'application';
    document.getElementById(`${tab === 'application' ? 'a' : tab === 'update' ? 'u' : 'p'}-results`)?.focus();
  });
  const tabbed = tabs([
    { id: 'application', label: 'tabApplication', sub: 'tabApplicationSub', panel: app.panel, onShow: () => undefined },
    { id: 'update', label: 'tabUpdate', sub: 'tabUpdateSub', panel: upd.panel, onShow: () => undefined },
    { id: 'partner', label: 'tabPartner', sub: 'tabPartnerSub', panel: partner.panel, onShow: () => undefined },
  ]);
  const footer = h('footer', { class: 'foot' }, h('p', {}, tx('footer', () => ({ version: version() }))));
  root.classList.remove('boot');
  root.replaceChildren(skip, header, h('main', {}, tabbed), footer);

  // Live results: every edit re-checks its tab.
  app.panel.addEventListener('input', app.run);
  app.panel.addEventListener('change', app.run);
  upd.panel.addEventListener('input', upd.run);
  upd.panel.addEventListener('change', upd.run);
  partner.panel.addEventListener('input', partner.run);
  partner.panel.addEventListener('change', partner.run);
  // A pasted campaign list also feeds the update tab's choices.
  app.panel.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).id === 'a-campaigns-json') upd.run();
  });
  document.addEventListener('campaigns-changed', upd.run);
  runAll();
  document.documentElement.dataset.ready = 'true';
}

init()
  .then(start)
  .catch((e: unknown) => {
    const root = document.getElementById('app')!;
    root.replaceChildren(h('p', { class: 'fatal', role: 'alert' }, t('loadFailed', startLang()), String(e)));
  });

// The application tab (POST /sale/badges): its fields, the campaign, offer,
// history and campaign-list pastes, and the check document they make.
import type { Report } from 'badge-rules';
import {
  campaignInfo, campaignMarketplace, campaignSource, isPasted, pastedList, periodText, refreshCampaignSelect, refreshCampaignSelects, setPastedList,
} from '../campaigns';
import { ALLEGRO_EXAMPLE_CAMPAIGNS, APPLICATION_EMPTY, APPLICATION_EXAMPLE, type Values } from '../data';
import { applicationDocument, listedCampaigns, offerFields, parseList } from '../documents';
import { moneyRangeText, t } from '../i18n';
import { resolver, resultsView, show, type Tab } from '../results';
import {
  areaField, currencySelect, currentLang, groupTarget, h, onLang, radioGroup, register, row, section, selectField, setValue, showHelp,
  targets, textField, tx, valueOf, type Target,
} from '../ui';
import {
  applyValues, now, OFFER_CURRENCY_LABEL, opts, panelLayout, termsFieldset, termsOf, toolbar, values, yesNo, type TabPanel,
} from './common';

type Json = Record<string, unknown>;

/** What was pasted on this tab besides the campaigns. */
const state = {
  pastedOffer: undefined as Json | undefined,
  badges: undefined as unknown[] | undefined,
  applications: undefined as unknown[] | undefined,
};

/** The pasted campaigns, one row each. */
function campaignsTable(): Node {
  const lang = currentLang();
  const list = listedCampaigns(pastedList());
  if (!list.length) return document.createTextNode('');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'campaigns', id: 'a-campaigns-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('colCampaign', lang)), h('th', { scope: 'col' }, t('colType', lang)),
      h('th', { scope: 'col' }, t('colApplications', lang)))),
    h('tbody', {}, ...list.map((c) => h('tr', { 'data-id': c.id },
      h('td', {}, h('strong', {}, c.id), c.name ? h('span', { class: 'muted' }, ` ${c.name}`) : null),
      h('td', {}, c.type ?? '?'),
      h('td', {}, periodText(c.application)))))));
}

export function applicationTab(): TabPanel {
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

  const terms = termsFieldset('a');

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
  register(offerCurrencyTarget);

  // Application
  const currency = currencySelect('a-currency', 'currency');
  const bargain = textField('a-bargain', 'bargain', { inputmode: 'decimal', placeholder: '100.00', beside: currency });
  const currencyTarget: Target = {
    id: 'a-currency', label: 'currency', wrap: bargain.wrap, help: h('p', { id: 'a-currency-help' }), msg: h('div', { id: 'a-currency-msg', class: 'msg' }),
    controls: [currency], touched: false, invalid: false, empty: () => false, focus: () => currency.focus(),
  };
  bargain.msg.after(currencyTarget.msg);
  register(currencyTarget);
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
  const allegroPrices = radioGroup('a-allegro-prices', 'apLegend', [['unknown', 'apUnknown'], ['no', 'apNo'], ['yes', 'apYes']]);
  allegroPrices.help.append(tx('apHelp'));

  const results = resultsView('a', { body: true, problemsTitle: 'problems', allegro: true });
  // The price first: it is what a seller types, the rest is mostly known.
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': '' },
    section('application', h('div', { class: 'lead' }, bargain.wrap), row(limit.wrap, declared.wrap)),
    section('campaign', campaign.wrap, info, terms.wrap, campaignsDetails),
    section('offer', offerDetails, row(offerId.wrap, price.wrap, lowest.wrap), row(stock.wrap, format.wrap, status.wrap), row(listed.wrap, category.wrap)),
    accountCard,
    section('history', history.wrap, historyPaste, allegroPrices.wrap),
  );
  onLang(() => form.setAttribute('aria-label', t('tabApplication', currentLang())));
  form.addEventListener('submit', (e) => e.preventDefault());

  const own = [campaign, campaignsJson, offerJson, offerId, price, offerCurrencyTarget, lowest, stock, format, status, listed, category,
    ...terms.fields, bargain, currencyTarget, limit, declared, accountId, company, quality, ratings, account, history, badgesJson, applicationsJson, allegroPrices];

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
    'campaigns[]': () => (isPasted(campaignSelect.value) ? 'a-campaigns-json' : 'a-campaign'),
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
    'terms.discount.minPercent': 'a-terms-min',
    'terms.discount.maxPercent': 'a-terms-max',
    'terms.discount': 'a-terms-min',
    'terms.minStock': 'a-terms-stock',
    'terms': 'a-terms-min',
    'metrics.lowestPrice30Days.currency': 'a-offer-currency',
    'account': 'a-account',
    'account.id': 'a-account-id',
    'account.company': 'a-company',
    'account.meetsQualityCriteria': 'a-quality',
    'account.positiveRatingsPercent': 'a-ratings',
    'badges': () => (valueOf('a-history') === 'paste' ? 'a-badges-json' : 'a-history'),
    'applications': () => (valueOf('a-history') === 'paste' ? 'a-applications-json' : 'a-history'),
    'allegroPrices': 'a-allegro-prices',
  }, violation);

  const hint = h('p', { class: 'hint', id: 'a-hint', hidden: true });
  results.slot.append(hint);

  const tab: Tab = {
    key: 'a', own, violation, context, results,
    extra: (report: Report | undefined) => {
      const range = report?.hints.bargain;
      const lang = currentLang();
      if (range) {
        const text = t('hint', lang, { range: moneyRangeText(range, lang), campaign: campaignSelect.value });
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
      setPastedList([]);
      campaignsStatus.textContent = '';
    } else if (parsed.ok) {
      setPastedList(parsed.list);
      const n = listedCampaigns(parsed.list).length;
      campaignsStatus.textContent = n ? t('campaignsRead', lang, { n }) : t('campaignsNone', lang);
    } else {
      setPastedList([]);
      campaignsStatus.textContent = parsed.reason === 'json' ? t('notJson', lang, { e: parsed.detail }) : t('noCampaignList', lang);
    }
    campaignsStatus.dataset.ok = String(!!parsed?.ok);
    // History
    const mode = valueOf('a-history');
    historyPaste.hidden = mode !== 'paste';
    const list = (id: string, key: 'badges' | 'badgeApplications') => {
      const p = parseList(valueOf(id), key);
      const target = targets.get(id)!;
      if (p === null) { showHelp(target, null); return undefined; }
      if (p.ok) { showHelp(target, document.createTextNode(t(key === 'badges' ? 'listReadBadges' : 'listReadApplications', lang, { n: p.list.length }))); return p.list; }
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
    info.replaceChildren(campaignInfo(id));
    campaignsList.replaceChildren(campaignsTable());
    const built = applicationDocument({
      values: v, now: now(), campaigns: campaignSource(id), pastedOffer: state.pastedOffer,
      badges: state.badges, applications: state.applications, marketplace: campaignMarketplace(id), terms: termsOf('a'),
    });
    show(tab, built, (built.document as { now: string }).now);
  };

  // Pasting campaigns: the list appears in the select, the first pasted one is chosen.
  const onCampaignsPasted = () => {
    parseInputs();
    const first = listedCampaigns(pastedList())[0];
    refreshCampaignSelects();
    refreshCampaignSelect(campaignSelect, first?.id);
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
    // What the offer gives replaces the field; what it does not give (the
    // single-offer resource has no listing date) is kept, and said.
    const kept: string[] = [];
    for (const [field, v] of Object.entries(offerFields(value as Json))) {
      const target = targets.get(field);
      if (v === '') {
        if (field !== 'a-offer-currency' && valueOf(field).trim() !== '' && target) kept.push(t(target.label, lang));
        continue;
      }
      setValue(field, v);
      if (target) target.touched = false;
    }
    // The figures held for the previous offer (its 30-day lowest price) are
    // not this offer's: cleared, so the checks that need them say so.
    const cleared: string[] = [];
    if (valueOf('a-lowest').trim() !== '') {
      setValue('a-lowest', '');
      const target = targets.get('a-lowest');
      if (target) { target.touched = false; cleared.push(t(target.label, lang)); }
    }
    offerStatus.replaceChildren(t('offerFilled', lang, { id: String((value as Json).id ?? '?') }),
      ...(kept.length ? [' ', h('span', { id: 'a-offer-kept' }, t('offerKept', lang, { fields: kept.join(', ') }))] : []),
      ...(cleared.length ? [' ', h('span', { id: 'a-offer-unknown' }, t('offerUnknown', lang, { fields: cleared.join(', ') }))] : []));
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
  const panel = panelLayout(toolbar(() => reset(APPLICATION_EXAMPLE), () => reset(APPLICATION_EMPTY)), form, results);
  refreshCampaignSelect(campaignSelect);
  applyValues('a-', APPLICATION_EXAMPLE);
  return { panel, run };
}
